"""Benchmark of the Labor's exercise checks: what judging the cluster adds to every answer.

The worker computes each exercise's verdict with every answer it sends (four a second while a
simulator plays). Per exercise the cluster is set up as its preset does, then runs with a busy
Börse (200 prices a second, the form's maximum) for `--seconds` of simulated time; printed are the
milliseconds of the first verdict (which counts every record once), of a later one and, as the baseline measured in the same run, of one snapshot (which
every answer carries anyway) – the ratio says what the check adds.

    python bench/bench_labor.py [--seconds 120] [--repeat 50]
Prints numbers only; it asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

try:
    import kafkasim  # noqa: F401
except ImportError:  # running from a checkout without the editable install
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "simulator"))

from kafkasim import labor

TOPIC = "aktienkurse"
SETUPS = {  # the uebung-* presets of simulator/web/src/presets.js, with the fast Börse
    "sap-partition": dict(brokers=3, topic=(3, 1, {}), groups=()),
    "zweiter-consumer": dict(brokers=1, topic=(3, 1, {}), groups=("kursalarm", "kursalarm")),
    "zwei-gruppen": dict(brokers=1, topic=(3, 1, {}), groups=("depot-anna", "depot-ben")),
    "leader-crash": dict(brokers=3, topic=(1, 3, {"min.insync.replicas": 2}), groups=()),
    "neustart-offset": dict(brokers=1, topic=(3, 1, {}), groups=("depot-anna",)),
    # The theory chapters' exercises that judge a busy topic.
    "entkopplung": dict(brokers=1, topic=(3, 1, {}), groups=("depot-anna",)),
    "broker-absturz": dict(brokers=3, topic=(3, 3, {}), groups=("depot-anna",)),
    "schluessel-header": dict(brokers=1, topic=(3, 1, {}), groups=()),
    "kursalarm-skalieren": dict(brokers=1, topic=(3, 1, {}), groups=("kursalarm", "kursalarm")),
    "absturz-vor-commit": dict(brokers=1, topic=(1, 1, {}), groups=("depot-anna",)),
    "retention": dict(brokers=1, topic=(1, 1, {"retention.ms": 20_000, "segment.ms": 5_000}), groups=(),
                      config={"log.retention.check.interval.ms": 5_000}),
}


def per_call_ms(fn, repeat: int) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        fn()
    return (time.perf_counter() - start) / repeat * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=120, help="simulierte Sekunden mit der Börse")
    parser.add_argument("--repeat", type=int, default=50, help="Wiederholungen je Messung")
    args = parser.parse_args()
    print(f"Verdikt je Antwort nach {args.seconds} s simulierter Zeit mit 200 Kursen/s (CPython):")
    print(f"{'Übung':<18} {'Datensätze':>10} {'erstes':>10} {'Verdikt':>10} {'Snapshot':>10} {'Verhältnis':>10}")
    for name, setup in SETUPS.items():
        cluster, exercise = labor.start(name, brokers=setup["brokers"], seed=0, config=setup.get("config"))
        partitions, replicas, config = setup["topic"]
        cluster.create_topic(TOPIC, partitions, replicas, config)
        cluster.start_ticker(TOPIC, rate_per_s=200)
        for group in setup["groups"]:
            cluster.add_consumer(group, [TOPIC])
        cluster.advance(args.seconds * 1000)
        first = per_call_ms(exercise.verdict, 1)  # counts what is there; later calls only what is new
        records = sum(p.log.record_count() for p in cluster.topics[TOPIC].partitions)
        verdict = per_call_ms(exercise.verdict, args.repeat)
        snapshot = per_call_ms(lambda: cluster.snapshot(max_records=12), args.repeat)
        print(f"{name:<18} {records:>10} {first:>8.3f}ms {verdict:>8.3f}ms {snapshot:>8.3f}ms "
              f"{verdict / snapshot:>10.2f}")


if __name__ == "__main__":
    main()
