"""The KRaft controller: broker liveness, fencing, leader elections, topic changes, ISR checks.

Crashes and controlled shutdowns, the controller noticing a dead broker after
broker.session.timeout.ms, topic creation with Kafka's replica placement, partition additions,
config changes, the leader's ISR check (replica.lag.time.max.ms) and the periodic
preferred-leader election. It changes the brokers' shared state (BrokerCluster) and tells the
network when a broker goes down, so its connections break.
"""

from __future__ import annotations

from .. import errors
from .. import topic_config_table as table
from .configs import config_error, topic_layers, topic_values
from .node import elect_controller
from .topic import Topic, place_replicas, validate_name

OFFSETS_TOPIC = "__consumer_offsets"
TRANSACTION_STATE_TOPIC = "__transaction_state"


class Controller:
    def __init__(self, cluster) -> None:
        self.cluster = cluster
        kernel = cluster.kernel
        config = cluster.config
        kernel.schedule(config["replica.lag.time.max.ms"] // 2, self._isr_lag_check)
        kernel.schedule(config["leader.imbalance.check.interval.seconds"] * 1000, self._preferred_leader_check)

    # -- brokers -----------------------------------------------------------------------------------
    def _broker(self, broker_id: int):
        cluster = self.cluster
        if broker_id not in cluster.brokers:
            raise ValueError(f"Broker {broker_id} gibt es nicht (Broker: {list(cluster.brokers)}).")
        return cluster.brokers[broker_id]

    def crash_broker(self, broker_id: int) -> bool:
        cluster = self.cluster
        broker = self._broker(broker_id)
        if broker.state != "running":
            return False
        broker.state = "crashed"
        cluster.metadata_version += 1
        broker.down_since = cluster.kernel.now
        timeout = cluster.config["broker.session.timeout.ms"]
        cluster.trace.emit("broker.crashed", broker=broker_id, session_timeout_ms=timeout)
        cluster.network.node_down(broker_id, f"Verbindung zu Broker {broker_id} abgebrochen.")
        for topic in cluster.all_topics():
            for p in topic.partitions:
                if p.leader == broker_id and (p.waiters or p.fetch_waiters):
                    p.fail_waiters(errors.KafkaConnectionError(f"Verbindung zu Broker {broker_id} abgebrochen."))
        for group_id in cluster.groups.groups:
            if cluster.groups.coordinator_of(group_id) == broker_id:
                cluster.trace.emit("group.coordinator_lost", group=group_id, coordinator=broker_id)
        self._update_controller()
        cluster.kernel.schedule(timeout, self._fence_if_down, broker_id, broker.incarnation)
        return True

    def _fence_if_down(self, broker_id: int, incarnation: int) -> None:
        cluster = self.cluster
        broker = cluster.brokers[broker_id]
        if broker.state == "running" or broker.incarnation != incarnation or broker.fenced:
            return
        if cluster.controller_id is None:
            # No quorum, nobody can fence; try again once a controller is back.
            cluster.kernel.schedule(1000, self._fence_if_down, broker_id, incarnation)
            return
        self._fence(broker_id, "Broker-Session abgelaufen")

    def _fence(self, broker_id: int, reason: str) -> None:
        cluster = self.cluster
        cluster.brokers[broker_id].fenced = True
        cluster.metadata_version += 1
        cluster.trace.emit("broker.fenced", broker=broker_id, controller=cluster.controller_id, reason=reason)
        for topic in cluster.all_topics():
            for p in topic.partitions:
                if broker_id in p.replicas:
                    p.shrink_isr(broker_id, "Broker ausgefallen")
                    if p.leader == broker_id:
                        p.elect_leader(f"Broker {broker_id} ist ausgefallen")

    def stop_broker(self, broker_id: int) -> bool:
        cluster = self.cluster
        broker = self._broker(broker_id)
        if broker.state != "running":
            return False
        cluster.trace.emit("broker.stopping", broker=broker_id)
        broker.fenced = True
        for topic in cluster.all_topics():
            for p in topic.partitions:
                if broker_id in p.replicas:
                    p.shrink_isr(broker_id, "Broker fährt herunter")
                    if p.leader == broker_id:
                        p.elect_leader(f"Broker {broker_id} fährt kontrolliert herunter")
        broker.state = "stopped"
        cluster.metadata_version += 1
        broker.down_since = cluster.kernel.now
        cluster.network.node_down(broker_id, f"Broker {broker_id} wurde heruntergefahren.")
        cluster.trace.emit("broker.stopped", broker=broker_id)
        self._update_controller()
        return True

    def restart_broker(self, broker_id: int) -> bool:
        cluster = self.cluster
        broker = self._broker(broker_id)
        if broker.state == "running":
            return False
        broker.state = "running"
        cluster.metadata_version += 1
        broker.incarnation += 1
        broker.down_since = None
        cluster.trace.emit("broker.started", broker=broker_id)
        self._update_controller()
        broker.fenced = False
        for topic in cluster.all_topics():
            for p in topic.partitions:
                if broker_id not in p.replicas:
                    continue
                if p.leader is None or not p.leader_alive():
                    if p.leader is None:
                        p.elect_leader(f"Broker {broker_id} ist zurück")
                else:
                    p.wake_followers()
        return True

    def _update_controller(self) -> None:
        cluster = self.cluster
        new = elect_controller(cluster.brokers)
        if new == cluster.controller_id:
            return
        old, cluster.controller_id = cluster.controller_id, new
        if new is None:
            cluster.trace.emit("controller.lost", controller=None, previous=old)
            return
        cluster.trace.emit("controller.elected", controller=new, previous=old)
        for b in cluster.brokers.values():
            if b.state != "running" and not b.fenced and b.down_since is not None \
                    and cluster.kernel.now - b.down_since >= cluster.config["broker.session.timeout.ms"]:
                self._fence(b.id, "Broker-Session abgelaufen")
        for topic in cluster.all_topics():
            for p in topic.partitions:
                if p.leader is None:
                    p.elect_leader("Controller wieder da")

    # -- topics ------------------------------------------------------------------------------------
    def _require_controller(self) -> None:
        if self.cluster.controller_id is None:
            raise errors.NotControllerError("Kein aktiver Controller: die Mehrheit der Broker ist ausgefallen.")

    def topic_layers(self) -> table.BrokerConfigs:
        """The broker-level configs topics inherit from (the cluster's static settings)."""
        return topic_layers(self.cluster.config_overrides)

    def check_new_topic(self, name: str, partitions, replication_factor, config: dict | None) -> dict:
        """Validates a CreateTopics entry as the controller does; returns the topic's overrides as
        Kafka stores them (the strings sent)."""
        cluster = self.cluster
        validate_name(name)
        if name in cluster.topics or name in cluster.internal_topics:
            raise errors.TopicAlreadyExistsError(f"Topic '{name}' already exists. (Das Topic {name} gibt es schon.)")
        if not isinstance(partitions, int) or partitions < 1:
            raise errors.InvalidPartitionsError(
                f"Number of partitions was set to an invalid non-positive value. "
                f"(Ein Topic braucht mindestens 1 Partition, nicht {partitions!r}.)")
        live = cluster.live_brokers()
        if not isinstance(replication_factor, int) or replication_factor < 1:
            raise errors.InvalidReplicationFactorError(
                f"Replication factor must be larger than 0. "
                f"(Der Replikationsfaktor muss mindestens 1 sein, nicht {replication_factor!r}.)")
        if replication_factor > len(live):
            raise errors.InvalidReplicationFactorError(
                f"Unable to replicate the partition {replication_factor} time(s): The target replication "
                f"factor of {replication_factor} cannot be reached because only {len(live)} broker(s) are "
                f"registered. (Replikationsfaktor {replication_factor}, aber nur {len(live)} Broker laufen.)")
        self._require_controller()
        try:
            return table.create_topic_overrides(dict(config or {}), self.topic_layers())
        except table.TopicConfigError as error:
            raise config_error(error) from None

    def create_topic(self, name: str, partitions: int = 1, replication_factor: int = 1,
                     config: dict | None = None, auto: bool = False) -> Topic:
        cluster = self.cluster
        overrides = self.check_new_topic(name, partitions, replication_factor, config)
        assignment = place_replicas(cluster.kernel.rng, cluster.live_brokers(), partitions, replication_factor)
        topic = cluster.topics[name] = Topic(cluster, name, topic_values(self.topic_layers(), overrides), assignment,
                                             auto_created=auto)
        cluster.metadata_version += 1
        topic.overrides = overrides
        cluster.trace.emit("topic.created", topic=name, partitions=partitions, replication_factor=replication_factor,
                           leaders=[p.leader for p in topic.partitions], auto=auto)
        return topic

    def add_partitions(self, name: str, total_count, validate_only: bool = False) -> None:
        """Grows a topic to `total_count` partitions (CreatePartitions)."""
        cluster = self.cluster
        topic = cluster.topics.get(name)
        if topic is None:
            raise errors.UnknownTopicOrPartitionError(
                f"This server does not host this topic-partition. (Das Topic {name} gibt es nicht.)")
        current = len(topic.partitions)
        if not isinstance(total_count, int) or total_count <= current:
            raise errors.InvalidPartitionsError(
                f"Topic currently has {current} partitions, which is higher than the requested {total_count}. "
                f"(Partitionen kann man nur hinzufügen, nie entfernen.)"
                if isinstance(total_count, int) and total_count < current else
                f"Topic already has {current} partitions. (Die neue Zahl muss größer als {current} sein.)")
        live = cluster.live_brokers()
        if topic.replication_factor > len(live):
            raise errors.InvalidReplicationFactorError(
                f"Replikationsfaktor {topic.replication_factor}, aber nur {len(live)} Broker laufen.")
        self._require_controller()
        if validate_only:
            return
        placement = place_replicas(cluster.kernel.rng, live, total_count - current, topic.replication_factor,
                                   first_partition=current)
        topic.add_partitions(cluster, placement)
        cluster.metadata_version += 1
        # Groups are not told: each group's leader notices at its next metadata refresh and rejoins
        # (measured on Kafka 4.3.1 with kafka-python 3.0.12: no rebalance within 12 s).
        cluster.trace.emit("topic.partitions_added", topic=name, partitions=total_count, previous=current)

    def alter_topic_config(self, name: str, overrides: dict, validate_only: bool = False) -> dict:
        """Replaces a topic's overrides at run time by `overrides` (checked by the request handler
        with Kafka's rules; strings as sent); returns the topic's values."""
        cluster = self.cluster
        topic = cluster.topics.get(name)
        if topic is None:
            raise errors.UnknownTopicOrPartitionError(
                f"This server does not host this topic-partition. (Das Topic {name} gibt es nicht.)")
        new = topic_values(self.topic_layers(), overrides)
        if validate_only:
            return new
        changed = {k: new[k] for k in set(overrides) | set(topic.overrides)
                   if overrides.get(k) != topic.overrides.get(k)}
        topic.config = new
        topic.overrides = dict(overrides)
        cluster.trace.emit("topic.config_changed", topic=name,
                           config={k: changed[k] if isinstance(changed[k], str) else
                                   table.to_describe_string(table.BY_NAME[k], changed[k]) for k in sorted(changed)})
        return dict(new)

    def delete_topic(self, name: str) -> None:
        cluster = self.cluster
        if name not in cluster.topics:
            raise errors.UnknownTopicOrPartitionError(
                f"This server does not host this topic-partition. (Das Topic {name} gibt es nicht.)")
        self._require_controller()
        topic = cluster.topics.pop(name)
        cluster.metadata_version += 1
        for p in topic.partitions:
            p.fail_waiters(errors.UnknownTopicOrPartitionError(f"Topic {name} wurde gelöscht."))
        cluster.groups.forget_topic(name)
        cluster.trace.emit("topic.deleted", topic=name)

    def ensure_topic(self, name: str) -> Topic | None:
        """A metadata request for a missing topic creates it, as a 4.x broker with defaults does."""
        cluster = self.cluster
        topic = cluster.topics.get(name)
        if topic is None and cluster.config["auto.create.topics.enable"]:
            try:
                rf = min(cluster.config["default.replication.factor"], max(1, len(cluster.live_brokers())))
                topic = self.create_topic(name, cluster.config["num.partitions"], rf, auto=True)
            except errors.KafkaError:
                return None
        return topic

    def ensure_offsets_topic(self) -> Topic | None:
        """The first group lookup makes the brokers create __consumer_offsets, as Kafka does."""
        return self._ensure_internal_topic(OFFSETS_TOPIC, "offsets.topic")

    def ensure_transaction_state_topic(self) -> Topic | None:
        """The first transactional id lookup creates __transaction_state, as Kafka does."""
        return self._ensure_internal_topic(TRANSACTION_STATE_TOPIC, "transaction.state.log")

    def _ensure_internal_topic(self, name: str, settings: str) -> Topic | None:
        cluster = self.cluster
        topic = cluster.internal_topics.get(name)
        if topic is None:
            live = cluster.live_brokers()
            if not live:
                return None
            partitions = cluster.config[settings + ".num.partitions"]
            rf = min(cluster.config[settings + ".replication.factor"], len(live))
            placement = place_replicas(cluster.kernel.rng, live, partitions, rf)
            topic = Topic(cluster, name, topic_values(self.topic_layers(), {"cleanup.policy": "compact"}),
                          placement, internal=True)
            cluster.internal_topics[name] = topic
            cluster.metadata_version += 1
            cluster.trace.emit("topic.created", topic=name, partitions=partitions, replication_factor=rf,
                               internal=True)
        return topic

    # -- periodic checks ---------------------------------------------------------------------------
    def _isr_lag_check(self) -> None:
        cluster = self.cluster
        lag_max = cluster.config["replica.lag.time.max.ms"]
        cluster.kernel.schedule(lag_max // 2, self._isr_lag_check)
        if cluster.controller_id is None:
            return
        now = cluster.kernel.now
        brokers = cluster.brokers
        for topic in cluster.all_topics():
            for p in topic.partitions:
                if not p.leader_alive():
                    continue
                leo = p.log.log_end_offset
                for b in list(p.isr):
                    if b == p.leader:
                        continue
                    if brokers[b].state == "running" and p.replica_leo[b] >= leo:
                        # A running follower fetches all the time; with nothing new it is caught up.
                        p.caught_up_ms[b] = now
                    elif now - p.caught_up_ms[b] > lag_max:
                        p.shrink_isr(b, f"seit über {lag_max} ms nicht aufgeholt (replica.lag.time.max.ms)")

    def _preferred_leader_check(self) -> None:
        cluster = self.cluster
        config = cluster.config
        cluster.kernel.schedule(config["leader.imbalance.check.interval.seconds"] * 1000, self._preferred_leader_check)
        if not config["auto.leader.rebalance.enable"] or cluster.controller_id is None:
            return
        for broker_id in cluster.brokers:
            preferred = [p for t in cluster.all_topics() for p in t.partitions if p.replicas[0] == broker_id]
            if not preferred:
                continue
            not_leading = [p for p in preferred if p.leader != broker_id]
            if len(not_leading) * 100 / len(preferred) <= config["leader.imbalance.per.broker.percentage"]:
                continue
            for p in not_leading:
                if broker_id in p.isr and cluster.brokers[broker_id].state == "running":
                    p.elect_leader("bevorzugter Leader (auto.leader.rebalance.enable)", preferred=broker_id)
