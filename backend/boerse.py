"""The Börse as a command-line tool: publishes DAX prices to a Kafka topic.

    python -m backend.boerse --rate 5 --count 100

Creates the topic when it is missing, prints partition and offset of every acknowledged price,
and on Ctrl+C sends what is still buffered before it ends.
"""
from __future__ import annotations

import collections
import json
import sys
import threading
import time

from kafka.partitioner.default import DefaultPartitioner

from backend.cli import (
    CliError, GermanArgumentParser, StopRequest, argument_type, german_kafka_errors,
    non_negative_float, non_negative_int, positive_int, run,
)
from backend.connection import add_connection_arguments, parse_client_args
from backend.dax import DAX, DEFAULT_SYMBOLS, SEQUENCE_FIELD, Market, parse_symbols
from backend.topics import ensure_topic

FLUSH_TIMEOUT_S = 30


def build_parser() -> GermanArgumentParser:
    parser = GermanArgumentParser(
        prog="python -m backend.boerse",
        description="Die Börse: schickt DAX-Kurse (eine Zufallsbewegung) als Datensätze an ein Kafka-Topic. "
                    "Schlüssel = Symbol, Wert = JSON. Strg+C beendet sauber.",
    )
    parser.add_setting("--topic", env="KAFKA_TOPIC", default="aktienkurse", help="Ziel-Topic")
    parser.add_setting("--partitions", metavar="ANZAHL", env="KAFKA_PARTITIONS", type=positive_int, default=3,
                       help="Partitionen, falls das Topic neu angelegt wird")
    parser.add_setting("--replication-factor", metavar="ANZAHL", env="KAFKA_REPLICATION_FACTOR", type=positive_int,
                       default=1, help="Replikationsfaktor, falls das Topic neu angelegt wird")
    parser.add_setting("--symbols", env="KAFKA_SYMBOLS", type=argument_type(parse_symbols), default=DEFAULT_SYMBOLS,
                       metavar="SYM,SYM,…", help=f"Aktien, bekannt: {', '.join(sorted(DAX))}")
    parser.add_setting("--rate", env="KAFKA_RATE", type=non_negative_float, default=2.0,
                       metavar="PRO_SEKUNDE", help="Kurse pro Sekunde (0 = so schnell wie möglich)")
    parser.add_setting("--count", env="KAFKA_COUNT", metavar="ANZAHL", type=non_negative_int, default=0,
                       help="so viele Kurse senden (0 = bis Strg+C)")
    parser.add_setting("--acks", env="KAFKA_ACKS", choices=["all", "1", "0"], default="all",
                       help="Bestätigung durch den Broker: all = alle In-Sync-Replikate")
    parser.add_setting("--seed", metavar="ZAHL", env="KAFKA_SEED", type=int, help="Startwert des Zufalls (gleiche Kurse)")
    parser.add_argument("-q", "--quiet", action="store_true", help="nur die Zusammenfassung ausgeben")
    add_connection_arguments(parser)
    return parser


class DeliveryReport:
    """Counts and prints the broker's answers; callbacks arrive on kafka-python's I/O thread."""

    def __init__(self, quiet: bool):
        self.quiet = quiet
        self.sent = self.failed = 0
        self._pending = collections.deque()  # quiet runs: (futures, prices) per block, not yet checked
        self._lock = threading.Lock()

    @property
    def acked(self) -> int:
        # After flush() every record is either acknowledged or failed.
        return self.sent - self.failed

    def track(self, futures: list, prices: list[dict]) -> None:
        self.sent += len(futures)
        if self.quiet:
            # No per-record callbacks: registering one takes a lock that the I/O thread contends
            # for, which costs a quiet run about a fifth of its throughput. Blocks are checked
            # once they are all answered.
            self._pending.append((futures, prices))
            if len(self._pending) > 8:
                self.check_done()
        else:
            for future, price in zip(futures, prices):
                future.add_callback(self._acked, price)
                future.add_errback(self._failed, price)

    def check_done(self) -> None:
        """Count the failures among the answered blocks of a quiet run."""
        while self._pending and all(future.is_done for future in self._pending[0][0]):
            for future, price in zip(*self._pending.popleft()):
                if future.exception is not None:
                    self._failed(price, future.exception)

    def _acked(self, price, metadata):
        with self._lock:
            print(f"{price['symbol']} {price['price']:.2f} {price['currency']} "
                  f"-> Partition {metadata.partition}, Offset {metadata.offset}", flush=True)

    def _failed(self, price, error):
        with self._lock:
            self.failed += 1
            print(f"Kurs Nr. {price[SEQUENCE_FIELD]} ({price['symbol']}) nicht bestätigt: "
                  f"{type(error).__name__}: {error}", file=sys.stderr, flush=True)


class SymbolPartitioner(DefaultPartitioner):
    """kafka-python's default partitioner (murmur2 of the key modulo the partition count),
    remembered per key and partition count.

    The Börse sends a handful of keys many thousand times; the default partitioner sorts the
    partition list and hashes the key in pure Python for every price. A topic that gains
    partitions changes the count, and with it the answer, exactly as in the default.
    """

    def __init__(self):
        self._known: dict[tuple[bytes, int], int] = {}

    def partition(self, topic, key, serialized_key, value, serialized_value, cluster):
        partitions = cluster.partitions_for_topic(topic)
        if serialized_key is None or partitions is None:
            return super().partition(topic, key, serialized_key, value, serialized_value, cluster)
        known = (serialized_key, len(partitions))
        if known not in self._known:
            self._known[known] = super().partition(topic, key, serialized_key, value, serialized_value, cluster)
        return self._known[known]


_TEMPLATES: dict[str, str] = {}


def encode(price: dict) -> bytes:
    """The price as compact JSON, exactly what json.dumps(price, separators=(",", ":")) gives.

    At full speed (--rate 0) json.dumps would cost about a tenth of the producer's throughput;
    a template per share fills in only the two fields that change.
    """
    template = _TEMPLATES.get(price["symbol"])
    if template is None:
        symbol, currency = json.dumps(price["symbol"]), json.dumps(price["currency"])
        template = _TEMPLATES[price["symbol"]] = (
            f'{{"symbol":{symbol},"price":%r,"currency":{currency},"{SEQUENCE_FIELD}":%d}}')
    return (template % (price["price"], price[SEQUENCE_FIELD])).encode("utf-8")


# At full speed (--rate 0) prices are made in blocks and then sent in a tight loop. Interleaving
# each random-walk step with producer.send() cost a quarter of the throughput on the 2-core
# benchmark machine (bench/bench_backend.py); the same work done block by block costs almost
# nothing. A block takes about a millisecond to make, so a price is sent as soon as it is made.
BLOCK = 500


def publish(producer, topic: str, market: Market, rate: float, count: int, stop, report) -> float:
    """Send prices until `count` is reached or a stop is requested; returns the seconds it took."""
    interval = 1.0 / rate if rate > 0 else 0.0
    block = 1 if interval else BLOCK
    keys = {symbol: symbol.encode("utf-8") for symbol in market.symbols}
    started = time.monotonic()
    number = 0
    while not stop and (count == 0 or number < count):
        prices = market.ticks(block if count == 0 else min(block, count - number))
        # No timestamp_ms: the producer stamps each record when it is sent, and that is the
        # time of the price (the value carries no second clock).
        records = [(keys[price["symbol"]], encode(price)) for price in prices]
        report.track([producer.send(topic, key=key, value=value) for key, value in records], prices)
        number += len(prices)
        if interval and stop.wait(started + number * interval - time.monotonic()):
            break
    producer.flush(timeout=FLUSH_TIMEOUT_S)
    seconds = time.monotonic() - started
    report.check_done()
    return seconds


def main(argv=None) -> int:
    args, config = parse_client_args(build_parser(), argv)
    stop = StopRequest()
    from kafka import KafkaProducer
    from kafka.errors import KafkaTimeoutError

    with german_kafka_errors(args.bootstrap_servers, args.bootstrap_timeout_ms):
        created = ensure_topic(config, args.topic, args.partitions, args.replication_factor)
        if created:
            print(f"Topic {args.topic} angelegt: {args.partitions} Partitionen, "
                  f"Replikationsfaktor {args.replication_factor}.", flush=True)
        producer = KafkaProducer(
            **config,
            acks=args.acks if args.acks == "all" else int(args.acks),
            # Idempotence (no duplicates after a retry) needs acks=all; kafka-python would warn otherwise.
            enable_idempotence=args.acks == "all",
            # Wait up to 5 ms to fill a batch, like the Java client since Kafka 4.0 (kafka-python: 0).
            # Without it a sender that keeps up sends one request per price: more work per price.
            linger_ms=5,
            partitioner=SymbolPartitioner(),
        )
        report = DeliveryReport(args.quiet)
        market = Market(args.symbols, args.seed)
        print(f"Börse sendet an {args.topic} über {args.bootstrap_servers} (Strg+C beendet).", flush=True)
        try:
            seconds = publish(producer, args.topic, market, args.rate, args.count, stop, report)
        except KafkaTimeoutError as error:
            raise CliError(f"Der Puffer wurde nicht rechtzeitig leer: {error}") from None
        finally:
            producer.close(timeout=FLUSH_TIMEOUT_S)
    rate = report.acked / seconds if seconds > 0 else 0.0
    print(f"Börse beendet: {report.sent} Kurse gesendet, {report.acked} bestätigt, "
          f"{report.failed} Fehler ({rate:.0f} Kurse/s).", flush=True)
    return 0 if report.failed == 0 and report.acked == report.sent else 1


if __name__ == "__main__":
    sys.exit(run(main))
