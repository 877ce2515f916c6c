"""The brokers of one cluster, composed: their shared state and the parts that act on it.

Each broker is an endpoint on the network; what a request may do is decided in apis.py and the
parts it calls (replica manager, controller, group and transaction coordinators). The partitions'
logs are shared by their replicas (see log.py), which is why the brokers share one state object.
"""

from __future__ import annotations

from .apis import KafkaApis
from .configs import broker_config
from .controller import Controller
from .group_coordinator import GroupCoordinator
from .kafka4_groups import Kafka4Groups
from .log_cleaner import LogCleaner
from .node import Broker, elect_controller
from .replica_manager import ReplicaManager
from .txn_coordinator import TransactionCoordinator

# The first broker's port; broker n listens on BASE_PORT + n (as describe_cluster shows).
BASE_PORT = 9091


class BrokerCluster:
    cluster_id = "kafkasim"

    def __init__(self, kernel, network, trace, brokers: int, config: dict | None, epoch_ms: int) -> None:
        self.kernel = kernel
        self.network = network
        self.trace = trace
        self.epoch_ms = epoch_ms
        self.config_overrides = dict(config or {})
        self.config = broker_config(config)
        self.apis = KafkaApis(self)
        self.brokers = {i: Broker(i, self.apis) for i in range(1, brokers + 1)}
        for broker in self.brokers.values():
            network.register(broker.id, broker, "localhost", BASE_PORT + broker.id)
        self.controller_id = elect_controller(self.brokers)
        self.topics: dict = {}
        self.internal_topics: dict = {}
        # Bumps whenever topics, partitions, leaders or broker states change.
        self.metadata_version = 0
        # Bumps whenever a high watermark moves (views redraw).
        self.data_version = 0
        self.metrics_produced = 0
        self.record_events = True
        self.groups = GroupCoordinator(self)
        self.transactions = TransactionCoordinator(self)
        self.kafka4_groups = Kafka4Groups(kernel, self.config, trace, leadership=self._leadership,
                                          endpoint=lambda node: (node, *self.network.address(node), None))
        self.replicas = ReplicaManager(self)
        trace.emit("cluster.started", brokers=list(self.brokers), controller=self.controller_id)
        self.cleaner = LogCleaner(self)
        self.controller = Controller(self)

    def wall_ms(self) -> int:
        return self.epoch_ms + self.kernel.now

    def uuid(self) -> str:
        """A UUID4-shaped id from the seeded RNG, so member ids repeat with the seed."""
        n = self.kernel.rng.getrandbits(128)
        h = f"{n:032x}"
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[n & 3]}{h[17:20]}-{h[20:32]}"

    def live_brokers(self) -> list[int]:
        return [b.id for b in self.brokers.values() if b.state == "running" and not b.fenced]

    def all_topics(self):
        """User topics plus the internal __consumer_offsets (for failover and elections)."""
        yield from self.topics.values()
        yield from self.internal_topics.values()

    def _leadership(self, topic: str, partition: int):
        """(leader or None, leader epoch) of one of the cluster's partitions; None if it has no such."""
        p = self.partition(topic, partition)
        return None if p is None else (p.leader, p.leader_epoch)

    def partition(self, topic: str, partition: int):
        t = self.topics.get(topic)
        if t is None or not isinstance(partition, int) or not 0 <= partition < len(t.partitions):
            return None
        return t.partitions[partition]

    def snapshot_topics(self, max_records: int) -> list[dict]:
        return [t.snapshot(max_records) for t in self.topics.values()]
