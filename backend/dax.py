"""DAX shares and the random walk that moves their prices: the Börse's market."""
from __future__ import annotations

import random
import time
from dataclasses import dataclass

# Symbol -> (company, starting price in euros). The same shares as the course's lab script.
DAX = {
    "ADS": ("adidas AG", 220.00),
    "ALV": ("Allianz SE", 350.00),
    "BAS": ("BASF SE", 45.00),
    "BAYN": ("Bayer AG", 25.00),
    "BMW": ("BMW AG", 80.00),
    "DBK": ("Deutsche Bank AG", 26.00),
    "DTE": ("Deutsche Telekom AG", 31.00),
    "IFX": ("Infineon Technologies AG", 35.00),
    "MBG": ("Mercedes-Benz Group AG", 55.00),
    "MUV2": ("Münchener Rück AG", 520.00),
    "SAP": ("SAP SE", 230.00),
    "SIE": ("Siemens AG", 210.00),
    "VOW3": ("Volkswagen AG Vz.", 95.00),
}
DEFAULT_SYMBOLS = ["SAP", "SIE", "ALV", "BAS", "BMW", "DTE"]
MAX_STEP = 0.01  # a price moves by at most one percent per tick


@dataclass
class Market:
    """Random-walk prices for a set of symbols; seeded for reproducible runs."""

    symbols: list[str]
    seed: int | None = None

    def __post_init__(self):
        self._random = random.Random(self.seed)
        self._prices = {symbol: DAX[symbol][1] for symbol in self.symbols}
        self._sequence = 0

    def ticks(self, count: int) -> list[dict]:
        """The next `count` prices, as `count` calls of tick() would give them."""
        return [self.tick() for _ in range(count)]

    def tick(self) -> dict:
        """The next price: one random symbol moves, returned as the record value."""
        symbol = self._random.choice(self.symbols)
        price = round(self._prices[symbol] * self._random.uniform(1 - MAX_STEP, 1 + MAX_STEP), 2)
        self._prices[symbol] = price
        self._sequence += 1
        return {
            "symbol": symbol,
            "name": DAX[symbol][0],
            "price": price,
            "currency": "EUR",
            "timestamp": int(time.time() * 1000),
            # Lets a reader (and the tests) spot a lost or duplicated price.
            "sequence": self._sequence,
        }


def parse_symbols(text: str) -> list[str]:
    """'sap, SIE' -> ['SAP', 'SIE']; raises ValueError with a German message for unknown symbols."""
    symbols = [part.strip().upper() for part in text.split(",") if part.strip()]
    unknown = [symbol for symbol in symbols if symbol not in DAX]
    if unknown or not symbols:
        raise ValueError(f"unbekannte Symbole {', '.join(unknown) or '(keine)'}; "
                         f"bekannt sind {', '.join(sorted(DAX))}")
    return list(dict.fromkeys(symbols))
