"""DAX shares, the record format of a price, and the random walk that moves the prices."""
from __future__ import annotations

import random
from dataclasses import dataclass

# One price as every producer of the course writes it: the simulator's Börse defines the same in
# simulator/kafkasim/scenarios/boerse.py, which cannot import this package; tests/backend/test_price_format.py
# proves that both agree and that every producer listing of the course writes it.
#   key:       the symbol, UTF-8
#   value:     JSON with PRICE_FIELDS, e.g. {"symbol": "SAP", "price": 231.4, "currency": "EUR"};
#              the Börse adds SEQUENCE_FIELD, numbering its prices from 1, so that a lost or
#              doubled price shows. Consumers rely on PRICE_FIELDS only.
#   timestamp: the record's own (CreateTime), i.e. when the price was sent; the value has no
#              second clock that could disagree with it.
PRICE_FIELDS = ("symbol", "price", "currency")
SEQUENCE_FIELD = "sequence"
CURRENCY = "EUR"

# Symbol -> (company, starting price in euros): shares from the DAX, with round made-up prices.
DAX = {
    "ADS": ("adidas AG", 220.00),
    "AIR": ("Airbus SE", 160.00),
    "ALV": ("Allianz SE", 350.00),
    "BAS": ("BASF SE", 45.00),
    "BAYN": ("Bayer AG", 25.00),
    "BEI": ("Beiersdorf AG", 125.00),
    "BMW": ("BMW AG", 80.00),
    "BNR": ("Brenntag SE", 60.00),
    "CBK": ("Commerzbank AG", 25.00),
    "CON": ("Continental AG", 65.00),
    "1COV": ("Covestro AG", 55.00),
    "DTG": ("Daimler Truck Holding AG", 40.00),
    "DBK": ("Deutsche Bank AG", 26.00),
    "DB1": ("Deutsche Börse AG", 230.00),
    "DHL": ("DHL Group", 38.00),
    "DTE": ("Deutsche Telekom AG", 31.00),
    "EOAN": ("E.ON SE", 13.00),
    "FRE": ("Fresenius SE & Co. KGaA", 32.00),
    "HNR1": ("Hannover Rück SE", 260.00),
    "HEI": ("Heidelberg Materials AG", 110.00),
    "HEN3": ("Henkel AG & Co. KGaA Vz.", 75.00),
    "IFX": ("Infineon Technologies AG", 35.00),
    "MBG": ("Mercedes-Benz Group AG", 55.00),
    "MRK": ("Merck KGaA", 150.00),
    "MTX": ("MTU Aero Engines AG", 320.00),
    "MUV2": ("Münchener Rück AG", 520.00),
    "P911": ("Dr. Ing. h.c. F. Porsche AG Vz.", 55.00),
    "PAH3": ("Porsche Automobil Holding SE Vz.", 38.00),
    "QIA": ("Qiagen N.V.", 41.00),
    "RHM": ("Rheinmetall AG", 900.00),
    "RWE": ("RWE AG", 34.00),
    "SAP": ("SAP SE", 230.00),
    "SRT3": ("Sartorius AG Vz.", 230.00),
    "SIE": ("Siemens AG", 210.00),
    "ENR": ("Siemens Energy AG", 45.00),
    "SHL": ("Siemens Healthineers AG", 50.00),
    "SY1": ("Symrise AG", 95.00),
    "VNA": ("Vonovia SE", 29.00),
    "VOW3": ("Volkswagen AG Vz.", 95.00),
    "ZAL": ("Zalando SE", 30.00),
}
# The six shares of the course's Börse (backend/labs/boerse_producer.py).
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
        return {"symbol": symbol, "price": price, "currency": CURRENCY, SEQUENCE_FIELD: self._sequence}


def company(symbol: str) -> str:
    """The company behind a symbol, or "" for one that is not in the table."""
    entry = DAX.get(symbol)
    return entry[0] if entry else ""


def parse_symbols(text: str) -> list[str]:
    """'sap, SIE' -> ['SAP', 'SIE']; raises ValueError with a German message for unknown symbols."""
    symbols = [part.strip().upper() for part in text.split(",") if part.strip()]
    unknown = [symbol for symbol in symbols if symbol not in DAX]
    if unknown or not symbols:
        raise ValueError(f"unbekannte Symbole {', '.join(unknown) or '(keine)'}; "
                         f"bekannt sind {', '.join(sorted(DAX))}")
    return list(dict.fromkeys(symbols))
