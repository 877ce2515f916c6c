"""The Börse: a ticker that publishes random-walk DAX prices (key = symbol, value = JSON)."""

from __future__ import annotations

from .producer_client import ProducerCore
from .murmur2 import KeyPartitionCache

# The 40 DAX members with a plausible starting price in euro.
DAX = {
    "ADS": 210.0, "AIR": 160.0, "ALV": 280.0, "BAS": 45.0, "BAYN": 27.0, "BEI": 125.0,
    "BMW": 85.0, "BNR": 60.0, "CBK": 25.0, "CON": 65.0, "1COV": 55.0, "DTG": 40.0,
    "DBK": 20.0, "DB1": 230.0, "DHL": 38.0, "DTE": 30.0, "EOAN": 13.0, "FRE": 32.0,
    "HNR1": 260.0, "HEI": 110.0, "HEN3": 75.0, "IFX": 35.0, "MBG": 58.0, "MRK": 150.0,
    "MTX": 320.0, "MUV2": 470.0, "P911": 55.0, "PAH3": 38.0, "QIA": 41.0, "RHM": 900.0,
    "RWE": 34.0, "SAP": 240.0, "SRT3": 230.0, "SIE": 210.0, "ENR": 45.0, "SHL": 50.0,
    "SY1": 95.0, "VNA": 29.0, "VOW3": 95.0, "ZAL": 30.0,
}

# Above this rate the ticker publishes every TICK_MS a batch instead of one record per tick.
TICK_MS = 100


class Ticker:
    def __init__(self, cluster, ticker_id: str, topic: str, symbols: list[str], rate_per_s: float, acks: int) -> None:
        self.cluster = cluster
        self.id = ticker_id
        self.topic = topic
        self.symbols = list(symbols)
        self.rate_per_s = float(rate_per_s)
        self.running = True
        self.prices = {s: DAX.get(s, 100.0) for s in self.symbols}
        self.keys = {s: s.encode() for s in self.symbols}
        self.producer = ProducerCore(cluster, ticker_id, acks=acks, idempotent=(acks == -1))
        self._cache = KeyPartitionCache()
        self._carry = 0.0
        if self.rate_per_s * TICK_MS / 1000 >= 1:
            self.interval = TICK_MS
        else:
            self.interval = max(1, round(1000 / self.rate_per_s))
        self._timer = cluster.kernel.schedule(self.interval, self._tick)

    def stop(self) -> None:
        self.running = False
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _tick(self) -> None:
        cluster = self.cluster
        topic = cluster.ensure_topic(self.topic)
        self._timer = cluster.kernel.schedule(self.interval, self._tick)
        if topic is None:
            return
        self._carry += self.rate_per_s * self.interval / 1000
        count = int(self._carry)
        self._carry -= count
        if count <= 0:
            return
        rng = cluster.kernel.rng
        rand = rng.random
        symbols = self.symbols
        nsym = len(symbols)
        prices = self.prices
        keys = self.keys
        nparts = len(topic.partitions)
        part_of = self._cache.get
        now = cluster.kernel.now
        ts = cluster.epoch_ms + now
        per_partition: dict[int, list] = {}
        for _ in range(count):
            symbol = symbols[int(rand() * nsym)]
            price = prices[symbol] * (1.0 + (rand() - 0.5) * 0.004)
            prices[symbol] = price
            key = keys[symbol]
            value = ('{"symbol": "%s", "price": %.2f, "ts": %d}' % (symbol, price, ts)).encode()
            p = part_of(key, nparts)
            records = per_partition.get(p)
            if records is None:
                records = per_partition[p] = []
            records.append((key, value, None))
        append = self.producer.append_many
        for p in sorted(per_partition):
            append(self.topic, p, per_partition[p], ts)

    def snapshot(self) -> dict:
        return {"id": self.id, "topic": self.topic, "symbols": list(self.symbols),
                "rate_per_s": self.rate_per_s, "running": self.running}
