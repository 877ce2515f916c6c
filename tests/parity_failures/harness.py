"""Runs one scenario script against the real three-broker cluster and against kafkasim.

A scenario script is ordinary kafka-python code plus `import scenario`, a small module through which
the script injects broker failures at fixed points of its own flow and reads partition state:

    scenario.BOOTSTRAP, scenario.TOPIC          # bootstrap servers; a topic name unique to this run
    scenario.crash_broker(id)                   # SIGKILL (real) / Cluster.crash_broker (kafkasim)
    scenario.stop_broker(id)                    # controlled shutdown
    scenario.restart_broker(id)                 # back with its data
    scenario.partition(topic, p)                # {"leader", "replicas", "isr"}, lists sorted
    scenario.wait_until(check, timeout_s, what) # polls check() (real time / simulated time)
    scenario.coordinator(group_id)              # the broker coordinating the group
    scenario.wait_for_full_isr(topic, p, secs)  # until every replica is in the ISR; its partition()
    scenario.read_partition(topic, p)           # every value in the partition, decoded, in order

Failures happen at the same points of the script on both sides, not at the same clock time, so the
script's printed observations can be compared line by line. What Kafka leaves open (which ISR
member becomes leader) the scripts print as facts about the choice ("from the old ISR"), not as ids.
"""
from __future__ import annotations

import contextlib
import io
import sys
import time
import types
import uuid

from backend.kafka_cluster import KafkaCluster
from tests.fixtures.kafka_cluster import TEST_CLUSTER_SETTINGS

# The test cluster's broker settings, given to kafkasim as its broker config, so both sides run
# with the same rebalance delay and the same number of __consumer_offsets partitions.
SHARED_BROKER_CONFIG = {name: int(value) for name, value in TEST_CLUSTER_SETTINGS.items()}

SIM_BOOTSTRAP = "localhost:9092"  # kafkasim accepts any address


def _module(**functions) -> types.ModuleType:
    module = types.ModuleType("scenario", "Broker failures and partition state for a scenario script.")
    for name, value in functions.items():
        setattr(module, name, value)
    return module


def _full_isr_waiter(partition, wait_until):
    def wait_for_full_isr(topic: str, p: int, timeout_s: float) -> dict:
        def in_sync():
            state = partition(topic, p)
            return state if len(state["isr"]) == len(state["replicas"]) else None
        return wait_until(in_sync, timeout_s, "volle ISR")

    return wait_for_full_isr


def _partition_reader(bootstrap: str):
    def read_partition(topic: str, partition: int) -> list[str]:
        # Imported when called: during a scenario that is the side's own client, real kafka-python
        # or the kafkasim facade that run_script puts into sys.modules for the run.
        from kafka import KafkaConsumer, TopicPartition

        tp = TopicPartition(topic, partition)
        consumer = KafkaConsumer(bootstrap_servers=bootstrap)
        consumer.assign([tp])
        consumer.seek_to_beginning(tp)
        end = consumer.end_offsets([tp])[tp]
        values = []
        while consumer.position(tp) < end:
            for records in consumer.poll(timeout_ms=1000).values():
                values.extend(r.value.decode() for r in records)
        consumer.close()
        return values

    return read_partition


@contextlib.contextmanager
def _importable(module: types.ModuleType):
    saved = sys.modules.get("scenario")
    sys.modules["scenario"] = module
    try:
        yield
    finally:
        if saved is None:
            sys.modules.pop("scenario", None)
        else:
            sys.modules["scenario"] = saved


# -- real cluster ----------------------------------------------------------------------------------
def _real_wait_until(check, timeout_s: float, what: str = "Bedingung"):
    deadline = time.monotonic() + timeout_s
    last = None
    while time.monotonic() < deadline:
        try:
            value = check()
        except Exception as error:  # metadata from a broker that is going down or coming up
            last = error
        else:
            if value:
                return value
        time.sleep(0.3)
    raise AssertionError(f"{what}: nach {timeout_s} s nicht erreicht (zuletzt {last!r})")


def run_on_kafka(source: str, cluster: KafkaCluster, filename: str = "<szenario>") -> str:
    """Executes the script in this process with the real kafka-python; returns what it printed."""
    bootstrap = cluster.bootstrap
    module = _module(
        BOOTSTRAP=bootstrap, TOPIC=f"szenario-{uuid.uuid4().hex[:8]}",
        crash_broker=cluster.kill, stop_broker=cluster.stop, restart_broker=cluster.restart,
        partition=cluster.partition_state,
        wait_until=_real_wait_until, coordinator=cluster.group_coordinator,
        read_partition=_partition_reader(bootstrap),
        wait_for_full_isr=_full_isr_waiter(cluster.partition_state, _real_wait_until),
    )
    out = io.StringIO()
    with _importable(module), contextlib.redirect_stdout(out):
        exec(compile(source, filename, "exec"), {"__name__": "__main__", "__file__": filename})
    return out.getvalue()


# -- kafkasim ------------------------------------------------------------------------------------------
def run_on_kafkasim(source: str, seed: int = 0, filename: str = "<szenario>"):
    """Executes the script with kafkasim's run_script; returns (stdout, ScriptResult, Cluster)."""
    from kafkasim import Cluster

    sim = Cluster(brokers=3, seed=seed, config=dict(SHARED_BROKER_CONFIG))

    def partition(topic: str, p: int) -> dict:
        part = sim.topics[topic].partitions[p]
        return {"leader": part.leader if part.leader is not None else -1,
                "replicas": sorted(part.replicas), "isr": sorted(part.isr)}

    def wait_until(check, timeout_s: float, what: str = "Bedingung"):
        deadline = sim.now_ms + int(timeout_s * 1000)
        while True:
            value = check()
            if value:
                return value
            if sim.now_ms >= deadline:
                raise AssertionError(f"{what}: nach {timeout_s} s (simuliert) nicht erreicht")
            sim.block(sim.now_ms + 100)

    module = _module(
        BOOTSTRAP=SIM_BOOTSTRAP, TOPIC="szenario", coordinator=sim.group_coordinator,
        crash_broker=sim.crash_broker, stop_broker=sim.stop_broker, restart_broker=sim.restart_broker,
        partition=partition, wait_until=wait_until, read_partition=_partition_reader(SIM_BOOTSTRAP),
        wait_for_full_isr=_full_isr_waiter(partition, wait_until),
    )
    with _importable(module):
        result = sim.run_script(source, filename=filename)
    return result.stdout, result, sim
