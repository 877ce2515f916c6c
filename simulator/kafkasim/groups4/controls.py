"""The operations the simulator's controls call for Kafka 4.x groups.

kafka-python 3.0.12 has neither a share consumer nor the consumer protocol, so a learner does
not write code for these groups: the page offers buttons ("Share-Gruppe hinzufügen", per record
annehmen / freigeben / ablehnen, "Sperre ablaufen lassen", a consumer group of type "consumer"
next to a classic one), and each button is one call here. Every call runs on simulated time and
raises GroupsControlError with a German message for what Kafka would refuse or the simulator does
not reproduce.

    sim = GroupsSimulator(seed=0)
    sim.create_topic("auftraege", 1)
    sim.produce("auftraege", 0, ["a1", "a2", "a3"])
    sim.set_group_config("lager", "share.auto.offset.reset", "earliest")
    sim.add_share_consumer("A", "lager", "auftraege", max_poll_records=2, acquire_mode="record_limit")
    records = sim.poll("A")                    # [ShareRecord(partition=0, offset=0, delivery_count=1, …), …]
    sim.acknowledge("A", records[0], "accept")
    sim.commit("A")                            # {0: "ok"}
    sim.add_consumer("K1", "depot-neu", ["aktienkurse"], protocol="consumer", assignor="uniform")

The simulator is the core's: one kernel, the simulated network, a broker (broker/, whose apis.py
answers ConsumerGroupHeartbeat, ShareGroupHeartbeat, ShareFetch and ShareAcknowledge) and the
clients of clients/groups/, which reach it only through requests. The views (describe_*,
share_partition_view) read the broker's state directly, so drawing them lets no time pass.
"""

from __future__ import annotations

from ..broker.cluster import BrokerCluster
from ..broker.configs import ConfigError
from ..broker.group_membership import GroupRefused
from ..clients.env import ClientEnv
from ..clients.groups.member import GroupMemberClient, MemberError
from ..clients.groups.protocol_consumer import ProtocolConsumer
from ..clients.groups.share_consumer import ShareConsumer, ShareRecord
from ..events import EventLog
from ..kernel import Kernel
from ..protocol.network import Network

# The simulated wall clock's start (as kafkasim.cluster's).
EPOCH_MS = 1_767_225_600_000


class GroupsControlError(Exception):
    """A control the simulator refuses, with a German message."""


_REFUSALS = (ConfigError, GroupRefused, MemberError, KeyError, ValueError)


def _german(call):
    def wrapper(*args, **kwargs):
        try:
            return call(*args, **kwargs)
        except GroupsControlError:
            raise
        except _REFUSALS as error:
            message = error.args[0] if error.args else str(error)
            raise GroupsControlError(message) from None
    wrapper.__name__ = call.__name__
    wrapper.__doc__ = call.__doc__
    return wrapper


class GroupsSimulator:
    """`kafka` (a broker.cluster.BrokerCluster) and `env` (its clients' ClientEnv) let the page run
    these groups on the brokers it already has; without them the simulator starts one broker."""

    def __init__(self, seed: int = 0, broker_configs: dict | None = None, kernel: Kernel | None = None,
                 *, kafka: BrokerCluster | None = None, env: ClientEnv | None = None) -> None:
        if kafka is None:
            kernel = kernel or Kernel(seed)
            network = Network(kernel)
            try:
                kafka = BrokerCluster(kernel, network, EventLog(kernel), 1, broker_configs, EPOCH_MS)
            except ConfigError as error:
                raise GroupsControlError(error.args[0]) from None
        self.kafka = kafka
        self.kernel = kafka.kernel
        self.env = env or ClientEnv(self.kernel, kafka.network, kafka.trace, kafka.epoch_ms)
        # The Kafka 4.x groups' part of the brokers: coordinators, share-partitions, configs, topics.
        self.broker = kafka.kafka4_groups
        self.topics = self.broker.topics
        self.configs = self.broker.configs
        self.share_consumers: dict[str, ShareConsumer] = {}
        self.consumers: dict[str, ProtocolConsumer] = {}

    # --- topics and records (until the core's topics and producers take over) -------------------

    @_german
    def create_topic(self, name: str, partitions: int) -> None:
        self.topics.create(name, partitions)

    @_german
    def produce(self, topic: str, partition: int, values) -> None:
        """One producer batch into one partition."""
        logs = self.topics.get(topic).partitions
        if not 0 <= partition < len(logs):
            raise GroupsControlError(f"Das Topic {topic} hat keine Partition {partition}.")
        logs[partition].append(values)
        self.broker.records_changed()

    # --- configuration --------------------------------------------------------------------------

    @_german
    def set_group_config(self, group_id: str, name: str, value) -> None:
        """kafka-configs.sh --entity-type groups --entity-name <group> --alter --add-config name=value"""
        self.configs.set_group(group_id, name, value)

    # --- share groups ---------------------------------------------------------------------------

    def _node(self) -> int:
        """The broker the group clients talk to (coordinator and partition leader at once)."""
        return min(b.id for b in self.kafka.brokers.values() if b.up)

    def send_request(self, request, client_id: str = "kafkasim-test"):
        """Sends one request as a client would and waits for the broker's answer (for tests)."""
        client = GroupMemberClient(self.env, self._node(), client_id)
        try:
            return client.call(request)
        finally:
            client._manager.close()

    def _member_name_free(self, name: str) -> None:
        if name in self.share_consumers or name in self.consumers:
            raise GroupsControlError(f"Ein Mitglied namens {name} gibt es schon.")

    @_german
    def add_share_consumer(self, name: str, group_id: str, topic: str, *, max_poll_records: int = 500,
                           acquire_mode: str = "batch_optimized") -> ShareConsumer:
        """A share consumer (explicit acknowledgement) joins `group_id`, reading `topic`."""
        self._member_name_free(name)
        self.topics.get(topic)
        if group_id in self.broker.consumer_coordinator.groups:
            raise GroupsControlError(f"{group_id} ist schon eine Consumer-Gruppe; eine Share-Gruppe braucht "
                                     "einen eigenen Namen.")
        others = {c.topic for c in self.share_consumers.values() if c.group_id == group_id and not c.closed}
        if others and others != {topic}:
            raise GroupsControlError(f"Die Share-Gruppe {group_id} liest {', '.join(sorted(others))}. Mitglieder, die "
                                     "verschiedene Topics lesen, verteilt der Simulator nicht; bitte dasselbe Topic "
                                     "wählen oder eine eigene Gruppe anlegen.")
        consumer = ShareConsumer(self.env, self._node(), name, group_id, topic,
                                 max_poll_records=max_poll_records, acquire_mode=acquire_mode)
        consumer.join()
        self.share_consumers[name] = consumer
        return consumer

    def share_consumer(self, name: str) -> ShareConsumer:
        consumer = self.share_consumers.get(name)
        if consumer is None or consumer.closed:
            raise GroupsControlError(f"Einen Share-Consumer namens {name} gibt es nicht (mehr).")
        return consumer

    @_german
    def poll(self, name: str, max_wait_ms: int = 5000) -> list[ShareRecord]:
        """One fetch of the share consumer: the records it acquired, each under a lock."""
        consumer = self.share_consumer(name)
        self._await_assignment(consumer)
        return consumer.poll(max_wait_ms)

    def _await_assignment(self, consumer: ShareConsumer, bound_ms: int = 20000) -> None:
        # A new share group's partitions are assignable once their state is initialized; the
        # member learns its assignment with a heartbeat.
        deadline = self.kernel.now + bound_ms
        while not consumer.assigned and self.kernel.now < deadline:
            consumer.heartbeat()
            if not consumer.assigned:
                self.advance(100)
        if not consumer.assigned:
            raise GroupsControlError(f"{consumer.name} hat nach {bound_ms // 1000} s noch keine Partition "
                                     "zugewiesen bekommen.")

    @_german
    def acknowledge(self, name: str, record, kind: str = "accept") -> None:
        """kind: accept (annehmen), release (freigeben), reject (ablehnen) or renew (Sperre verlängern).
        `record` is a ShareRecord from poll() or (partition, offset)."""
        partition, offset = (record.partition, record.offset) if isinstance(record, ShareRecord) else record
        self.share_consumer(name).acknowledge(partition, offset, kind)

    @_german
    def acknowledge_all(self, name: str, kind: str = "accept") -> None:
        self.share_consumer(name).acknowledge_all(kind)

    @_german
    def commit(self, name: str) -> dict[int, str]:
        """Sends the member's acknowledgements; per partition "ok" or Kafka's error code."""
        return self.share_consumer(name).commit()

    def share_partition_view(self, group_id: str, topic: str, partition: int) -> dict:
        """What the diagram draws: SPSO, SPEO and each in-flight record's state and delivery count."""
        topic_id = self.topics.get(topic).topic_id
        sp = self.broker.share_partitions.partitions.get((group_id, topic_id, partition))
        if sp is None:
            return {"start_offset": None, "end_offset": None, "records": []}
        names = {c.member_id: c.name for c in self.share_consumers.values()}
        return {"start_offset": sp.start_offset, "end_offset": sp.end_offset,
                "records": [{"offset": o, "state": s, "delivery_count": d, "member": names.get(m)}
                            for o, s, d, m in sp.records()]}

    # --- consumer groups with the consumer protocol ----------------------------------------------

    @_german
    def add_consumer(self, name: str, group_id: str, topics, *, protocol: str = "consumer",
                     assignor: str | None = None, instance_id: str | None = None) -> ProtocolConsumer:
        """A consumer with group.protocol=consumer joins `group_id`. Classic groups are the
        kafka-python consumers of the simulator (KafkaConsumer in a script), not this control."""
        if protocol == "classic":
            raise GroupsControlError("Eine klassische Consumer-Gruppe entsteht im Simulator mit einem "
                                     "KafkaConsumer von kafka-python im Skript; dieses Steuerelement startet "
                                     "Consumer mit group.protocol=consumer.")
        if protocol != "consumer":
            raise GroupsControlError(f"group.protocol={protocol} gibt es nicht (erlaubt: classic, consumer).")
        self._member_name_free(name)
        topics = [topics] if isinstance(topics, str) else list(topics)
        for topic in topics:
            self.topics.get(topic)
        if group_id in self.broker.share_coordinator.groups:
            raise GroupsControlError(f"{group_id} ist schon eine Share-Gruppe; eine Consumer-Gruppe braucht "
                                     "einen eigenen Namen.")
        others = [c for c in self.consumers.values() if c.group_id == group_id and not c.closed]
        wishes = [c.assignor for c in others] + [assignor]
        uses_range = max(set(wishes), key=wishes.count) == "range" if any(wishes) else False
        if others and any(set(c.topics) != set(topics) for c in others) and not uses_range:
            raise GroupsControlError(
                f"Die Mitglieder von {group_id} abonnieren andere Topics. Verschiedene Abonnements in einer "
                "Gruppe rechnet der Simulator nur mit dem Assignor range nach, nicht mit uniform.")
        names = {t.topic_id: t.name for t in self.topics.by_name.values()}
        consumer = ProtocolConsumer(self.env, self._node(), name, group_id, topics, names,
                                    assignor=assignor, instance_id=instance_id)
        consumer.join()
        self.consumers[name] = consumer
        return consumer

    # --- both -------------------------------------------------------------------------------------

    @_german
    def remove_member(self, name: str) -> None:
        """The member leaves its group (close()): a share consumer gives back the records it holds."""
        member = self.share_consumers.pop(name, None) or self.consumers.pop(name, None)
        if member is None:
            raise GroupsControlError(f"Ein Mitglied namens {name} gibt es nicht.")
        member.close()

    def advance(self, ms: int) -> None:
        """Lets `ms` of simulated time pass (heartbeats, lock expiry, session timeouts)."""
        self.kernel.run(self.kernel.now + int(ms))

    @_german
    def run_until(self, condition, bound_ms: int) -> bool:
        return self.kernel.block(self.kernel.now + bound_ms, condition)

    def describe_share_group(self, group_id: str) -> dict | None:
        return self.broker.describe_share_group(group_id)

    def share_group_offsets(self, group_id: str) -> dict:
        return self.broker.share_group_offsets(group_id)

    def describe_consumer_group(self, group_id: str) -> dict | None:
        return self.broker.describe_consumer_group(group_id)
