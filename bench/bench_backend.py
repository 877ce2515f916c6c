"""Benchmark of the course's backend on one real broker: records/s of the Börse producer and the
Aktionär*innen consumer beside raw kafka-python loops and Kafka's own Java perf tools.

    python bench/bench_backend.py [--records 100000]

Everything runs against one single-node broker started for this run (backend.broker), in one go,
with the same record size (one Börse price as JSON, key = symbol) and acks=all. Each client runs in
its own process; rates are taken from the first send to the final flush (producers) and from the
first to the last fetched batch (consumers), so process start-up and group joins do not count.
Prints numbers and ratios only; it asserts nothing. Target: course / raw kafka-python >= 90 %.
"""
from __future__ import annotations

import argparse
import json
import logging
import re
import subprocess
import sys
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from backend.broker import Cluster  # noqa: E402
from backend.boerse import encode  # noqa: E402
from backend.dax import Market  # noqa: E402

PARTITIONS = 3

# Raw kafka-python loops, run in a child process like the CLIs. They print one JSON line.
RAW_PRODUCER = """
import json, sys, time
from kafka import KafkaProducer
bootstrap, topic, count, key, value = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4].encode(), sys.argv[5].encode()
producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all")
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
consumer = KafkaConsumer(topic, bootstrap_servers=bootstrap, group_id=group, auto_offset_reset="earliest")
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=100_000)
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
        bootstrap = cluster.bootstrap
        rates: dict[str, float] = {}

        # Producers, each into its own fresh topic.
        output = python("-m", "backend.boerse", "--topic", "bench-boerse", "--partitions", str(PARTITIONS),
                        "--rate", "0", "--count", str(count), "--quiet", "--symbols", "SAP", "--seed", "1",
                        bootstrap=bootstrap)
        rates["Börse producer (python -m backend.boerse)"] = rate_from(r"\((\d+) Kurse/s\)", output)

        create_topic(bootstrap, "bench-raw")
        result = json.loads(python("-c", RAW_PRODUCER, bootstrap, "bench-raw", str(count), "SAP", value))
        rates["raw kafka-python producer"] = result["records"] / result["seconds"]

        create_topic(bootstrap, "bench-java")
        tool = cluster.dist.java_tool_command(
            "org.apache.kafka.tools.ProducerPerformance",
            ["--topic", "bench-java", "--num-records", str(count), "--record-size", str(record_size),
             "--throughput", "-1", "--producer-props", f"bootstrap.servers={bootstrap}", "acks=all"],
            ["-Xmx512m"])
        output = subprocess.run(tool, capture_output=True, text=True, timeout=600).stdout
        rates["Java ProducerPerformance"] = rate_from(r"records sent, ([\d.]+) records/sec", output)

        # Consumers, all reading the Börse's topic (valid prices of the same size), each in a new group.
        output = python("-m", "backend.aktionaer", "--topic", "bench-boerse", "--group", "bench-course",
                        "--from-beginning", "--count", str(count), "--view", "table", bootstrap=bootstrap)
        rates["Aktionär*innen consumer (python -m backend.aktionaer)"] = rate_from(r"\((\d+) Kurse/s\)", output)

        result = json.loads(python("-c", RAW_CONSUMER, bootstrap, "bench-boerse", str(count), "bench-raw"))
        rates["raw kafka-python consumer"] = result["records"] / result["seconds"]

        tool = cluster.dist.java_tool_command(
            "org.apache.kafka.tools.ConsumerPerformance",
            ["--bootstrap-server", bootstrap, "--topic", "bench-boerse", "--num-records", str(count),
             "--group", "bench-java", "--hide-header"],
            ["-Xmx512m"])
        output = subprocess.run(tool, capture_output=True, text=True, timeout=600).stdout.strip()
        # CSV: start, end, MB, MB/s, nMsg, nMsg/s, rebalance ms, fetch ms, fetch MB/s, fetch nMsg/s.
        # The fetch rate excludes the group join, like the Python consumers' measurement.
        rates["Java ConsumerPerformance"] = float(output.splitlines()[-1].split(",")[9])
        cluster.remove_data()

    width = max(map(len, rates))
    print()
    for name, rate in rates.items():
        print(f"{name:<{width}}  {rate:>10,.0f} records/s")
    print()
    producer, consumer = "raw kafka-python producer", "raw kafka-python consumer"
    for course, raw in (("Börse producer (python -m backend.boerse)", producer),
                        ("Aktionär*innen consumer (python -m backend.aktionaer)", consumer)):
        print(f"{course} / {raw}: {rates[course] / rates[raw]:.0%}  (target >= 90 %)")
    print(f"raw kafka-python producer / Java ProducerPerformance: "
          f"{rates[producer] / rates['Java ProducerPerformance']:.0%}")
    print(f"raw kafka-python consumer / Java ConsumerPerformance: "
          f"{rates[consumer] / rates['Java ConsumerPerformance']:.0%}")
    print(f"Börse producer / Java ProducerPerformance: "
          f"{rates['Börse producer (python -m backend.boerse)'] / rates['Java ProducerPerformance']:.0%}")
    print(f"Aktionär*innen consumer / Java ConsumerPerformance: "
          f"{rates['Aktionär*innen consumer (python -m backend.aktionaer)'] / rates['Java ConsumerPerformance']:.0%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
