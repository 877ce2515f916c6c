"""The Aktionär*innen as a command-line tool: a consumer with a live table of the latest prices.

    python -m backend.aktionaer --group depot-anna --from-beginning

Commits what it has shown (within a second, before a rebalance and on exit), so a restarted
consumer, or the one that takes over its partitions, carries on where it stopped. A broker that
restarts or stalls is waited for, not a reason to quit.
Records that are not prices are reported, counted and skipped. Ctrl+C commits and leaves the group.
"""
from __future__ import annotations

import sys
import time

from backend.board import MalformedPrice, PriceBoard
from backend.commits import Progress, commit_before_rebalance, commit_on_exit, commit_soon
from backend.cli import (
    GermanArgumentParser, StopRequest, argument_type, german_kafka_errors, non_negative_float,
    non_negative_int, positive_int, run,
)
from backend.connection import add_connection_arguments, parse_client_args
from backend.dax import parse_symbols

POLL_TIMEOUT_MS = 200
# Commit what was shown at most a second later (and on exit, and before a rebalance; see
# backend/commits.py): after a crash at most one second of prices is shown again, never one
# skipped. A synchronous commit per batch would wait for the broker every time.
COMMIT_INTERVAL_S = 1.0
# Between two attempts after a lost connection (kafka-python's reconnect backoff is at most 1 s).
RETRY_BACKOFF_S = 0.5
FETCH_MAX_WAIT_MS = 100


def build_parser() -> GermanArgumentParser:
    parser = GermanArgumentParser(
        prog="python -m backend.aktionaer",
        description="Aktionär*innen: liest die Kurse der Börse als Consumer einer Consumer-Gruppe "
                    "und zeigt die letzten Kurse live an. Strg+C beendet sauber.",
    )
    parser.add_setting("--topic", env="KAFKA_TOPIC", default="aktienkurse", help="Topic mit den Kursen")
    parser.add_setting("--group", env="KAFKA_GROUP_ID", metavar="GRUPPE", default="depot-anna", help="Consumer-Gruppe")
    parser.add_setting("--symbols", env="KAFKA_SYMBOLS", type=argument_type(parse_symbols), metavar="SYM,SYM,…",
                       help="nur diese Aktien zeigen (Standard: alle)")
    parser.add_argument("--from-beginning", action="store_true",
                        help="ohne gespeicherten Offset der Gruppe am Anfang beginnen "
                             "(sonst nur neue Kurse)")
    parser.add_setting("--view", env="KAFKA_VIEW", choices=["auto", "table", "lines"], default="auto",
                       help="table = Live-Tabelle, lines = eine Zeile pro Kurs, "
                            "auto = Tabelle nur im Terminal")
    parser.add_setting("--count", env="KAFKA_COUNT", metavar="ANZAHL", type=non_negative_int, default=0,
                       help="nach so vielen Kursen enden (0 = bis Strg+C)")
    parser.add_setting("--idle-timeout", env="KAFKA_IDLE_TIMEOUT", type=non_negative_float, default=0.0,
                       metavar="SEKUNDEN", help="enden, wenn so lange kein Kurs kam, seit die Gruppe Partitionen zugeteilt hat (0 = nie)")
    parser.add_setting("--session-timeout-ms", env="KAFKA_SESSION_TIMEOUT_MS", type=positive_int,
                       default=45000, metavar="MS",
                       help="ohne Lebenszeichen so lange bis die Gruppe den Consumer entfernt")
    add_connection_arguments(parser)
    return parser


class LinesView:
    """One line per price: for pipes, logs and tests."""

    def __init__(self, board: PriceBoard, title: str):
        print(title, flush=True)

    def show(self, quote) -> None:
        print(quote.line(), flush=True)

    def refresh(self, force: bool = False) -> None:
        pass

    def close(self) -> None:
        pass


class TableView:
    """A live table, redrawn in place by rich."""

    REFRESH_PER_SECOND = 4

    def __init__(self, board: PriceBoard, title: str):
        from rich.live import Live

        self.board, self.title = board, title
        self.table = board.table(title)
        self.live = Live(self.table, refresh_per_second=self.REFRESH_PER_SECOND, transient=False)
        self.live.start()
        self.built, self.shown = time.monotonic(), (0, 0)

    def show(self, quote) -> None:
        pass

    def refresh(self, force: bool = False) -> None:
        # Called after every poll. rich draws four times a second, so a table built more often is
        # never seen; one that is not rebuilt after the last prices of a burst would show stale ones.
        now = time.monotonic()
        shown = (self.board.read, self.board.skipped)
        if force or (shown != self.shown and now - self.built >= 1 / self.REFRESH_PER_SECOND):
            self.table = self.board.table(self.title)
            self.live.update(self.table)
            self.built, self.shown = now, shown

    def close(self) -> None:
        self.refresh(force=True)
        self.live.stop()
        if not self.live.console.is_terminal:
            self.live.console.print()  # rich leaves the last line open when writing to a pipe


def poll(consumer, outage: list) -> dict:
    """consumer.poll(), which outlives a lost connection to the broker.

    kafka-python 3.0.12 lets a failed connection escape poll() as KafkaConnectionError: when the
    coordinator lookup fails with it, it refreshes the metadata and does not catch that refresh
    failing too (coordinator/base.py, ensure_coordinator_ready_async). That happens while a
    broker stops or restarts. Such retriable errors are reported once and polled through, as
    Kafka's Java consumer does; `outage` holds the one that is going on.
    """
    from kafka.errors import KafkaError

    try:
        batches = consumer.poll(timeout_ms=POLL_TIMEOUT_MS)
    except KafkaError as error:
        if not error.retriable:
            raise
        if not outage:
            print(f"Verbindung zu Kafka unterbrochen ({type(error).__name__}) – versuche es weiter "
                  "(Strg+C beendet) …", file=sys.stderr, flush=True)
            outage.append(error)
        time.sleep(RETRY_BACKOFF_S)
        return {}
    if outage:
        outage.clear()
        print("Verbindung zu Kafka wieder da.", file=sys.stderr, flush=True)
    return batches


def wait_for_topic(consumer, topic: str, stop) -> bool:
    """Know the topic's partitions, after subscribing and before the first poll joins the group.

    The group leader assigns only partitions it has metadata for; joining without it means an
    empty first assignment and an extra rebalance. kafka-python 3.0.12 also compares the metadata
    it assigned with against the metadata of the subscribed topics; that comparison is refreshed
    only when metadata arrives. Joining before the first metadata since subscribe() makes it see a
    change right after the first assignment and rebalance again, and a rebalance it starts that
    way can hang: when poll() returns during SyncGroup, nothing waits for the rest (need_rejoin()
    is False by then), and the consumer stays "rebalancing", refused every commit. consumer.topics()
    always asks the broker, so the comparison is current before the group is joined.
    A missing topic is awaited: the Börse creates it.
    """
    announced = False
    while not stop:
        if topic in consumer.topics() and consumer.partitions_for_topic(topic):
            return True
        if not announced:
            print(f"Topic {topic} gibt es noch nicht – warte auf die Börse (Strg+C beendet) …",
                  file=sys.stderr, flush=True)
            announced = True
        stop.wait(1.0)
    return False


def consume(consumer, board: PriceBoard, view, stop, count: int, idle_timeout: float,
            progress: Progress | None = None) -> float:
    """Read until `count`, idle timeout or stop; returns the seconds from first to last batch.
    Every record poll() returned is dealt with before the next poll (see backend/commits.py)."""
    progress = Progress() if progress is None else progress
    last_record = last_commit = time.monotonic()
    first_batch = last_batch = None
    outage: list = []
    while not stop:
        batches = poll(consumer, outage)
        if batches:
            first_batch = first_batch or time.monotonic()
            progress.dealt_with()  # shown, skipped or filtered below, before the next poll
        for records in batches.values():
            for record in records:
                try:
                    quote = board.apply(record.partition, record.offset, record.value)
                except MalformedPrice as why:
                    print(f"Übersprungen: Partition {record.partition}, Offset {record.offset} – {why}",
                          file=sys.stderr, flush=True)
                    continue
                if quote is not None:
                    view.show(quote)
        view.refresh()
        if batches:
            last_batch = time.monotonic()
        # Also after a burst that nothing follows: shown prices are committed within a second.
        if progress.uncommitted and time.monotonic() - last_commit >= COMMIT_INTERVAL_S:
            commit_soon(consumer, progress)
            last_commit = time.monotonic()
        if batches or not consumer.assignment():
            # Idle time counts only while the group has given us partitions to listen to.
            last_record = time.monotonic()
        if count and board.read >= count:
            break
        if idle_timeout and time.monotonic() - last_record > idle_timeout:
            break
    return (last_batch - first_batch) if first_batch else 0.0


def main(argv=None) -> int:
    args, config = parse_client_args(build_parser(), argv)
    stop = StopRequest()
    from kafka import KafkaConsumer

    view_name = args.view if args.view != "auto" else ("table" if sys.stdout.isatty() else "lines")
    with german_kafka_errors(args.bootstrap_servers, args.bootstrap_timeout_ms):
        consumer = KafkaConsumer(
            **config,
            group_id=args.group,
            auto_offset_reset="earliest" if args.from_beginning else "latest",
            # Committed by hand once the screen has dealt with the records (backend/commits.py):
            # a commit never runs ahead of the screen.
            enable_auto_commit=False,
            session_timeout_ms=args.session_timeout_ms,
            heartbeat_interval_ms=min(3000, args.session_timeout_ms // 3),
            # Only the Börse creates the topic (with its partitions), never a consumer's metadata request.
            allow_auto_create_topics=False,
            # kafka-python keeps one fetch per broker in flight. While a backlog is read, that fetch
            # often asks only for partitions without new prices, and the broker holds it for up to
            # fetch_max_wait_ms (default 500 ms) before the partition with the backlog is asked
            # again. 100 ms made catching up four times faster (bench/bench_backend.py); when the
            # consumer is up to date a new price still ends the wait at once.
            fetch_max_wait_ms=FETCH_MAX_WAIT_MS,
        )
        board = PriceBoard(args.symbols)
        title = f"Aktienkurse aus {args.topic} (Consumer-Gruppe {args.group}, Strg+C beendet)"
        view = (TableView if view_name == "table" else LinesView)(board, title)
        seconds = 0.0
        progress = Progress()
        try:
            consumer.subscribe([args.topic], listener=commit_before_rebalance(consumer, progress))
            if wait_for_topic(consumer, args.topic, stop):
                seconds = consume(consumer, board, view, stop, args.count, args.idle_timeout, progress)
        finally:
            view.close()
            try:
                commit_on_exit(consumer, progress)
            finally:
                consumer.close(autocommit=False)
    print(f"Offsets gespeichert, Consumer-Gruppe {args.group} verlassen: {board.read} Kurse gelesen, "
          f"{board.skipped} übersprungen, {board.filtered} gefiltert"
          f"{f' ({board.read / seconds:.0f} Kurse/s)' if seconds > 0 else ''}.", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(run(main))
