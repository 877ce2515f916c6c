"""The Börse: a ticker that publishes random-walk DAX prices (key = symbol, value = JSON), through a
KafkaProducer like any learner's.

At high rates it hands whole per-partition batches to the producer's accumulator each tick
(KafkaProducer._send_batch) instead of calling send() per price; partitioning is the default
partitioner's murmur2 rule, the batches go through the same accumulator and sender.
"""

from __future__ import annotations

import json

from ..clients.partitioner.murmur2 import KeyPartitionCache
from ..clients.producer.kafka import KafkaProducer
from ..protocol.records import RECORD_OVERHEAD

# One price as every producer of the course writes it. backend/dax.py defines the same for the
# real-Kafka side, which this package cannot import; tests/backend/test_price_format.py proves
# that both agree. Key: the symbol, UTF-8. Value: JSON with PRICE_FIELDS, plus SEQUENCE_FIELD from
# the Börse, which numbers its prices from 1 so that a lost or doubled price shows. The record's
# timestamp is when the price was made.
PRICE_FIELDS = ("symbol", "price", "currency")
SEQUENCE_FIELD = "sequence"
CURRENCY = "EUR"
# The ticker's value, laid out as json.dumps would; filled with the symbol as a JSON string, the
# price (written with two decimals) and the sequence number.
VALUE_TEMPLATE = '{"symbol": %s, "price": %.2f, "currency": "EUR", "sequence": %d}'

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
        self.prices = {s: DAX[s][1] if s in DAX else 100.0 for s in self.symbols}
        self.sequence = 0
        self.keys = {s: s.encode() for s in self.symbols}
        self.quoted = {s: json.dumps(s) for s in self.symbols}  # a symbol typed in the page may hold a "
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
        quoted = self.quoted
        part_of = self._cache.get
        # The default partitioner's choice per symbol, once per tick: every record of a symbol goes
        # to the list of its partition.
        per_partition: dict[int, list] = {}
        target = {}
        for symbol in symbols:
            p = part_of(keys[symbol], nparts)
            target[symbol] = per_partition.setdefault(p, [])
        ts = env.wall_ms()
        sequence = self.sequence
        for _ in range(count):
            symbol = symbols[int(rand() * nsym)]
            price = prices[symbol] = prices[symbol] * (1.0 + (rand() - 0.5) * 0.004)
            sequence += 1
            target[symbol].append((ts, keys[symbol], (VALUE_TEMPLATE % (quoted[symbol], price, sequence)).encode(),
                                   None))
        self.sequence = sequence
        send = producer._send_batch
        for p in sorted(per_partition):
            records = per_partition[p]
            if records:
                # The log's byte count (segment.bytes, retention.bytes) from the first price's size:
                # the prices of a tick differ by a byte or two.
                first = records[0]
                send(self.topic, p, records, len(records) * (RECORD_OVERHEAD + len(first[1]) + len(first[2])), ts)

    def snapshot(self) -> dict:
        return {"id": self.id, "topic": self.topic, "symbols": list(self.symbols),
                "rate_per_s": self.rate_per_s, "running": self.running}
