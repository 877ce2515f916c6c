"""Benchmark of the course's backend on one real broker: records/s of the Börse producer and the
Aktionär*innen consumer beside raw kafka-python loops and Kafka's own Java perf tools.

    python bench/bench_backend.py [--records 100000] [--rounds 3]

Everything runs against one single-node broker started for this run (backend.broker), in one go,
with the same record size (one Börse price as JSON, key = symbol) and acks=all. Each client runs in
its own process; rates are taken from the first send to the final flush (producers) and from the
first to the last fetched batch (consumers), so process start-up and group joins do not count.
The raw loops run with kafka-python's defaults and once more with the one setting in which the
course client differs (the Börse's linger_ms, the Aktionär*innen's fetch_max_wait_ms).
Prints numbers and ratios only; it asserts nothing. Target: course / raw kafka-python >= 90 %.
"""
from __future__ import annotations

import argparse
import json
import logging
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from backend.broker import Cluster  # noqa: E402
from backend.boerse import encode  # noqa: E402
from backend.aktionaer import FETCH_MAX_WAIT_MS  # noqa: E402
from backend.dax import Market  # noqa: E402

PARTITIONS = 3
BOERSE = "Börse producer (python -m backend.boerse)"
RAW_P = "raw kafka-python producer"
RAW_P5 = "raw kafka-python producer, linger_ms=5"
JAVA_P = "Java ProducerPerformance"
AKTIONAER = "Aktionär*innen consumer (python -m backend.aktionaer)"
RAW_C = "raw kafka-python consumer"
RAW_C100 = f"raw kafka-python consumer, fetch_max_wait_ms={FETCH_MAX_WAIT_MS}"
JAVA_C = "Java ConsumerPerformance"

# Raw kafka-python loops, run in a child process like the CLIs. They print one JSON line.
RAW_PRODUCER = """
import json, sys, time
from kafka import KafkaProducer
bootstrap, topic, count, key, value = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4].encode(), sys.argv[5].encode()
producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=int(sys.argv[6]))
started = time.monotonic()
for _ in range(count):
    producer.send(topic, key=key, value=value)
producer.flush()
seconds = time.monotonic() - started
producer.close()
print(json.dumps({"records": count, "seconds": seconds}))
"""

RAW_CONSUMER = """
import json, sys, time
from kafka import KafkaConsumer
bootstrap, topic, count, group = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
settings = json.loads(sys.argv[5])
consumer = KafkaConsumer(topic, bootstrap_servers=bootstrap, group_id=group, auto_offset_reset="earliest", **settings)
read, first = 0, None
while read < count:
    batches = consumer.poll(timeout_ms=200)
    if batches:
        first = first or time.monotonic()
        read += sum(len(records) for records in batches.values())
        last = time.monotonic()
consumer.close()
print(json.dumps({"records": read, "seconds": last - first}))
"""


def python(*args: str, bootstrap: str | None = None, timeout: float = 600) -> str:
    env = None
    if bootstrap:
        import os
        env = {**os.environ, "KAFKA_BOOTSTRAP_SERVERS": bootstrap}
    result = subprocess.run([sys.executable, *args], cwd=PROJECT_ROOT, env=env, capture_output=True,
                            text=True, timeout=timeout)
    if result.returncode != 0:
        raise RuntimeError(f"{args[:3]} failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    return result.stdout


def rate_from(pattern: str, text: str) -> float:
    match = re.search(pattern, text)
    if not match:
        raise RuntimeError(f"no rate in output:\n{text[-1500:]}")
    return float(match.group(1))


def create_topic(bootstrap: str, name: str) -> None:
    from kafka.admin import KafkaAdminClient

    admin = KafkaAdminClient(bootstrap_servers=bootstrap)
    try:
        admin.create_topics({name: {"num_partitions": PARTITIONS, "replication_factor": 1}},
                            wait_for_metadata=True)
    finally:
        admin.close()


def measure(cluster, tag: str, count: int, value: str, record_size: int, shift: int) -> dict[str, float]:
    """One round: the producers into fresh topics (in rotating order), then the consumers of the
    Börse's topic."""
    bootstrap = cluster.bootstrap
    rates: dict[str, float] = {}
    boerse_topic = f"bench-boerse-{tag}"
    # All topics exist before any measurement: a topic the broker is still setting up would slow
    # down whichever producer comes first.
    for topic in (boerse_topic, f"bench-raw-{tag}", f"bench-raw5-{tag}", f"bench-java-{tag}"):
        create_topic(bootstrap, topic)

    def boerse():
        output = python("-m", "backend.boerse", "--topic", boerse_topic, "--rate", "0", "--count", str(count),
                        "--quiet", "--symbols", "SAP", "--seed", "1", bootstrap=bootstrap)
        rates[BOERSE] = rate_from(r"\((\d+) Kurse/s\)", output)

    def raw():
        result = json.loads(python("-c", RAW_PRODUCER, bootstrap, f"bench-raw-{tag}", str(count), "SAP", value, "0"))
        rates[RAW_P] = result["records"] / result["seconds"]

    def raw_linger():
        # The Börse sets linger_ms=5 (the Java client's default); the same loop with it, for comparison.
        result = json.loads(python("-c", RAW_PRODUCER, bootstrap, f"bench-raw5-{tag}", str(count), "SAP", value, "5"))
        rates[RAW_P5] = result["records"] / result["seconds"]

    def java():
        tool = cluster.dist.java_tool_command(
            "org.apache.kafka.tools.ProducerPerformance",
            ["--topic", f"bench-java-{tag}", "--num-records", str(count), "--record-size", str(record_size),
             "--throughput", "-1", "--producer-props", f"bootstrap.servers={bootstrap}", "acks=all"],
            ["-Xmx512m"])
        output = subprocess.run(tool, capture_output=True, text=True, timeout=600).stdout
        rates[JAVA_P] = rate_from(r"records sent, ([\d.]+) records/sec", output)

    producers = [boerse, raw, raw_linger, java]
    for run_producer in producers[shift % 4:] + producers[:shift % 4]:
        run_producer()

    # Consumers, all reading the Börse's topic (valid prices of the same size), each in a new group.
    def aktionaer():
        output = python("-m", "backend.aktionaer", "--topic", boerse_topic, "--group", f"course-{tag}",
                        "--from-beginning", "--count", str(count), "--view", "table", bootstrap=bootstrap)
        rates[AKTIONAER] = rate_from(r"\((\d+) Kurse/s\)", output)

    def raw_consumer():
        result = json.loads(python("-c", RAW_CONSUMER, bootstrap, boerse_topic, str(count), f"raw-{tag}", "{}"))
        rates[RAW_C] = result["records"] / result["seconds"]

    def raw_consumer_short_wait():
        # The Aktionär*innen's fetch_max_wait_ms, for comparison with equal settings.
        result = json.loads(python("-c", RAW_CONSUMER, bootstrap, boerse_topic, str(count), f"raw100-{tag}",
                                   json.dumps({"fetch_max_wait_ms": FETCH_MAX_WAIT_MS})))
        rates[RAW_C100] = result["records"] / result["seconds"]

    def java_consumer():
        tool = cluster.dist.java_tool_command(
            "org.apache.kafka.tools.ConsumerPerformance",
            ["--bootstrap-server", bootstrap, "--topic", boerse_topic, "--num-records", str(count),
             "--group", f"java-{tag}", "--hide-header"],
            ["-Xmx512m"])
        output = subprocess.run(tool, capture_output=True, text=True, timeout=600).stdout.strip()
        # CSV: start, end, MB, MB/s, nMsg, nMsg/s, rebalance ms, fetch ms, fetch MB/s, fetch nMsg/s.
        # The fetch rate excludes the group join, like the Python consumers' measurement.
        rates[JAVA_C] = float(output.splitlines()[-1].split(",")[9])

    consumers = [aktionaer, raw_consumer, raw_consumer_short_wait, java_consumer]
    for run_consumer in consumers[shift % 4:] + consumers[:shift % 4]:
        run_consumer()
    return {name: rates[name] for name in (BOERSE, RAW_P, RAW_P5, JAVA_P, AKTIONAER, RAW_C, RAW_C100, JAVA_C)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    count = args.records
    logging.getLogger("kafka").addHandler(logging.NullHandler())
    logging.getLogger("kafka").propagate = False

    # One price as the Börse sends it: that size is used by every client below.
    value = encode(Market(["SAP"], seed=1).tick()).decode()
    record_size = len(value.encode())
    print(f"Records: {count}, value size {record_size} bytes (one Börse price), key 'SAP', acks=all, "
          f"{PARTITIONS} partitions")

    with Cluster("bench", dist=None) as cluster:
        rounds: list[dict[str, float]] = []
        for number in range(1, args.rounds + 1):
            rounds.append(measure(cluster, f"r{number}", count, value, record_size, shift=number - 1))
            print(f"round {number}: " + ", ".join(f"{rate:,.0f}" for rate in rounds[-1].values()), flush=True)
        cluster.remove_data()
    # The machine may be shared: the median of the rounds is less sensitive to a busy moment.
    rates = {name: statistics.median(r[name] for r in rounds) for name in rounds[0]}

    width = max(map(len, rates))
    print(f"\nmedian of {args.rounds} round(s):")
    for name, rate in rates.items():
        print(f"{name:<{width}}  {rate:>10,.0f} records/s")
    print()
    for numerator, denominator in ((BOERSE, RAW_P), (BOERSE, RAW_P5), (AKTIONAER, RAW_C), (AKTIONAER, RAW_C100), (RAW_P, JAVA_P), (RAW_C, JAVA_C),
                                   (BOERSE, JAVA_P), (AKTIONAER, JAVA_C)):
        target = "  (target >= 90 %)" if denominator in (RAW_P, RAW_P5, RAW_C, RAW_C100) else ""
        print(f"{numerator} / {denominator}: {rates[numerator] / rates[denominator]:.0%}{target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
