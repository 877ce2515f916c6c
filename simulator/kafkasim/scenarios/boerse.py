"""The Börse: a ticker that publishes random-walk DAX prices (key = symbol, value = JSON), through a
KafkaProducer like any learner's.

At high rates it hands whole per-partition batches to the producer's accumulator each tick
(KafkaProducer._send_batch) instead of calling send() per price; partitioning is the default
partitioner's murmur2 rule, the batches go through the same accumulator and sender.
"""

from __future__ import annotations

from ..clients.partitioner.murmur2 import KeyPartitionCache
from ..clients.producer.kafka import KafkaProducer

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
    def __init__(self, env, ticker_id: str, topic: str, symbols: list[str], rate_per_s: float, acks: int) -> None:
        self.env = env
        self.id = ticker_id
        self.topic = topic
        self.symbols = list(symbols)
        self.rate_per_s = float(rate_per_s)
        self.running = True
        self.prices = {s: DAX.get(s, 100.0) for s in self.symbols}
        self.keys = {s: s.encode() for s in self.symbols}
        self.producer = KafkaProducer(client_id=ticker_id, acks={-1: "all"}.get(acks, acks),
                                      enable_idempotence=(acks == -1))
        self._cache = KeyPartitionCache()
        self._carry = 0.0
        if self.rate_per_s * TICK_MS / 1000 >= 1:
            self.interval = TICK_MS
        else:
            self.interval = max(1, round(1000 / self.rate_per_s))
        self._timer = env.kernel.schedule(self.interval, self._tick)

    @property
    def pending(self) -> int:
        """Records handed to the producer and not yet acknowledged or failed."""
        return self.producer._accumulator.pending

    def stop(self) -> None:
        self.running = False
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _tick(self) -> None:
        env = self.env
        kernel = env.kernel
        self._timer = kernel.schedule(self.interval, self._tick)
        producer = self.producer
        nparts = producer._metadata.partition_count(self.topic)
        if nparts is None:
            # Not in the producer's metadata yet (the broker may still be creating it): ask, skip a tick.
            producer._metadata.add_topic(self.topic)
            producer._manager.request_metadata_update()
            return
        self._carry += self.rate_per_s * self.interval / 1000
        count = int(self._carry)
        self._carry -= count
        if count <= 0:
            return
        rand = kernel.rng.random
        symbols = self.symbols
        nsym = len(symbols)
        prices = self.prices
        keys = self.keys
        part_of = self._cache.get
        ts = env.wall_ms()
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
            records.append((ts, key, value, None))
        send = producer._send_batch
        for p in sorted(per_partition):
            send(self.topic, p, per_partition[p])

    def snapshot(self) -> dict:
        return {"id": self.id, "topic": self.topic, "symbols": list(self.symbols),
                "rate_per_s": self.rate_per_s, "running": self.running}
