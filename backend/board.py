"""The Aktionär*innen's view: latest price per share, its change, and where it came from.

Kept apart from the consumer loop so that parsing and the terminal table can be tested
without a broker.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from rich.table import Table

from backend.dax import company


class MalformedPrice(ValueError):
    """A record whose value is not a price; the message (German) says why."""


REQUIRED_FIELDS = ("symbol", "price")
NUMBER_TYPES = (int, float)  # compared by type(): True and False are no prices


def parse_price(raw: bytes | None) -> dict:
    # Runs for every record the Aktionär*innen read: a valid price passes three cheap checks, the
    # German reason is worked out only for a record that fails them.
    if raw is None:
        raise MalformedPrice("leerer Wert (Tombstone)")
    try:
        price = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise MalformedPrice("kein UTF-8-Text") from None
    except json.JSONDecodeError as error:
        raise MalformedPrice(f"kein gültiges JSON ({error.msg}, Zeichen {error.pos})") from None
    if type(price) is dict and "symbol" in price and type(price.get("price")) in NUMBER_TYPES:
        return price
    raise MalformedPrice(why_not_a_price(price))


def why_not_a_price(value) -> str:
    if not isinstance(value, dict):
        return "JSON, aber kein Objekt"
    missing = [name for name in REQUIRED_FIELDS if name not in value]
    if missing:
        return f"Feld fehlt: {', '.join(missing)}"
    return f"Preis ist keine Zahl: {value['price']!r}"


@dataclass(slots=True)
class Quote:
    symbol: str
    name: str
    price: float
    currency: str
    change: float | None  # against the previous price of the same share; None for the first
    partition: int
    offset: int

    @property
    def change_percent(self) -> float | None:
        if self.change is None or self.price == self.change:
            return None
        return 100.0 * self.change / (self.price - self.change)

    def line(self) -> str:
        change = "" if self.change_percent is None else f" ({self.change_percent:+.2f} %)"
        return (f"Partition {self.partition}, Offset {self.offset}: "
                f"{self.symbol} {self.price:.2f} {self.currency}{change}")


class PriceBoard:
    """Latest quote per symbol, plus the counts the summary prints."""

    def __init__(self, symbols: list[str] | None = None):
        self.symbols = set(symbols) if symbols else None
        self.quotes: dict[str, Quote] = {}
        self.read = 0
        self.skipped = 0
        self.filtered = 0

    def apply(self, partition: int, offset: int, value: bytes | None) -> Quote | None:
        """Take one record; returns the new quote, or None when it is filtered out.

        Raises MalformedPrice for a record that is not a price (counted as skipped).
        """
        try:
            price = parse_price(value)
        except MalformedPrice:
            self.skipped += 1
            raise
        symbol = str(price["symbol"])
        if self.symbols is not None and symbol not in self.symbols:
            self.filtered += 1
            return None
        previous = self.quotes.get(symbol)
        value = float(price["price"])
        # Positional: this runs for every record, and keywords would cost a tenth of apply().
        # The company is looked up, not read: a price names only its symbol.
        quote = self.quotes[symbol] = Quote(
            symbol, previous.name if previous is not None else company(symbol), value,
            str(price.get("currency", "")), None if previous is None else value - previous.price,
            partition, offset)
        self.read += 1
        return quote

    def table(self, title: str) -> Table:
        table = Table(title=title, caption=f"{self.read} Kurse gelesen, {self.skipped} übersprungen",
                      expand=False)
        table.add_column("Symbol", style="bold")
        table.add_column("Name")
        table.add_column("Kurs", justify="right")
        table.add_column("Änderung", justify="right")
        table.add_column("Partition", justify="right")
        table.add_column("Offset", justify="right")
        for symbol in sorted(self.quotes):
            quote = self.quotes[symbol]
            percent = quote.change_percent
            if percent is None:
                change = "–"
            else:
                colour = "green" if percent > 0 else "red" if percent < 0 else ""
                change = f"[{colour}]{quote.change:+.2f} ({percent:+.2f} %)[/]" if colour else "±0.00"
            table.add_row(symbol, quote.name, f"{quote.price:.2f} {quote.currency}", change,
                          str(quote.partition), str(quote.offset))
        return table
