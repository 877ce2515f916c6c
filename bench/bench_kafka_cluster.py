"""Benchmark of the local three-broker cluster (backend.kafka_cluster): how long failures take to heal.

Measures on this machine, for one topic with RF 3 and min.insync.replicas=2:
  - start: three JVMs formatted and started until every partition has its full ISR;
  - SIGKILL of a partition leader until describe_topics shows a new leader (the controller waits
    broker.session.timeout.ms, 9 s by default, before it declares the broker dead);
  - restart of the killed broker until it serves metadata, and until the cluster is healthy again;
  - controlled shutdown (SIGTERM) of a leader until it has handed over the leadership.

    python bench/bench_kafka_cluster.py [--rounds 2]
Prints numbers only; it asserts nothing.
"""
from __future__ import annotations

import argparse
import logging
import time

from kafka import KafkaAdminClient

from backend.kafka_cluster import KafkaCluster


def wait(probe, timeout_s: float = 120.0) -> float:
    started = time.monotonic()
    while time.monotonic() - started < timeout_s:
        try:
            if probe():
                return time.monotonic() - started
        except Exception:  # a broker that is going down or coming up
            pass
        time.sleep(0.1)
    return float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    logging.getLogger("kafka").setLevel(logging.CRITICAL)
    started = time.monotonic()
    cluster = KafkaCluster("bench", overrides={"group.initial.rebalance.delay.ms": "0"})
    try:
        cluster.start()
        print(f"start until healthy:            {time.monotonic() - started:6.1f} s")
        admin = KafkaAdminClient(bootstrap_servers=cluster.bootstrap)
        admin.create_topics({"bench": {"num_partitions": 1, "replication_factor": 3,
                                       "configs": {"min.insync.replicas": "2"}}})
        admin.close()
        wait(lambda: len(cluster.partition_state("bench", 0)["isr"]) == 3)
        for round_ in range(1, args.rounds + 1):
            leader = cluster.partition_state("bench", 0)["leader"]
            cluster.kill(leader)
            moved = wait(lambda: cluster.partition_state("bench", 0)["leader"] not in (-1, leader))
            t = time.monotonic()
            cluster.restart(leader)
            serving = time.monotonic() - t
            healthy = serving + cluster.wait_healthy()
            print(f"round {round_}: SIGKILL → new leader: {moved:6.1f} s | restart → serving: {serving:5.1f} s"
                  f" | → healthy: {healthy:5.1f} s")
            leader = cluster.partition_state("bench", 0)["leader"]
            t = time.monotonic()
            cluster.stop(leader)
            stopped = time.monotonic() - t
            moved = wait(lambda: cluster.partition_state("bench", 0)["leader"] not in (-1, leader))
            print(f"round {round_}: SIGTERM → stopped: {stopped:5.1f} s, leader moved {moved:4.1f} s after")
            cluster.restart(leader)
            cluster.wait_healthy()
    finally:
        cluster.kill_all()
        cluster.remove_data()


if __name__ == "__main__":
    main()
