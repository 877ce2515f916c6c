"""The Cluster facade: the one object the front-end, the runner and tests talk to.

It owns the kernel, the brokers, topics, the group coordinator, the event log and the actors
(tickers, background consumers). Control methods validate input and raise kafka errors with
German messages; everything else happens in simulated time.
"""

from __future__ import annotations

from . import errors
from .actors import Actors
from .boerse import Ticker
from .broker import Broker, elect_controller
from .consumer_client import ConsumerCore
from .controller import BrokerControl
from .log_cleaner import LogTasks
from .producer_client import ProducerCore
from .config import broker_config, parse_acks, topic_config
from .events import EventLog
from .group_coordinator import GroupCoordinator, offsets_partition_for
from .kernel import Kernel
from .murmur2 import KeyPartitionCache
from .topic import Topic, place_replicas, validate_name

OFFSETS_TOPIC = "__consumer_offsets"


# Simulated wall clock at t=0: 2026-01-01 00:00:00 UTC (record timestamps, time.time()).
EPOCH_MS = 1_767_225_600_000
class Cluster(BrokerControl, LogTasks, Actors):
    def __init__(self, brokers: int = 3, seed: int = 0, config: dict | None = None) -> None:
        if not isinstance(brokers, int) or not 1 <= brokers <= 9:
            raise ValueError("Ein simulierter Cluster hat 1 bis 9 Broker.")
        self.seed = seed
        self.kernel = Kernel(seed)
        self.config_overrides = dict(config or {})
        self.config = broker_config(config)
        self.trace = EventLog(self.kernel)
        self.brokers = {i: Broker(i) for i in range(1, brokers + 1)}
        self.controller_id = elect_controller(self.brokers)
        self.topics: dict[str, Topic] = {}
        self.internal_topics: dict[str, Topic] = {}
        self.coordinator = GroupCoordinator(self)
        self.producers: list[ProducerCore] = []
        self.tickers: dict[str, Ticker] = {}
        self.actors: dict[str, ConsumerCore] = {}
        self.metrics_produced = 0
        self.metrics_consumed = 0
        self.data_version = 0
        # Bumps whenever topics, partitions, leaders or broker states change (client metadata caches).
        self.metadata_version = 0
        self.record_events = True
        self.epoch_ms = EPOCH_MS
        self.actions: list[list] = []
        self._next_pid = 1000
        self._client_seq = {}
        self._key_cache = KeyPartitionCache()
        self.trace.emit("cluster.started",
                         f"Cluster mit {brokers} Broker(n) gestartet; Broker {self.controller_id} ist aktiver Controller.",
                         brokers=list(self.brokers), controller=self.controller_id)
        k = self.kernel
        k.schedule(self.config["log.retention.check.interval.ms"], self._retention_check)
        k.schedule(self.config["log.cleaner.backoff.ms"], self._cleaner)
        k.schedule(self.config["replica.lag.time.max.ms"] // 2, self._isr_lag_check)
        k.schedule(self.config["leader.imbalance.check.interval.seconds"] * 1000, self._preferred_leader_check)

    # -- time ------------------------------------------------------------------------------------
    @property
    def now_ms(self) -> int:
        return self.kernel.now

    def wall_ms(self) -> int:
        return self.epoch_ms + self.kernel.now

    def advance(self, ms: int) -> None:
        if isinstance(ms, bool) or not isinstance(ms, (int, float)) or ms < 0:
            raise ValueError(f"advance() erwartet eine Zahl von Millisekunden ≥ 0, nicht {ms!r}.")
        ms = int(ms)
        self._record_repeatable("advance", ms)
        self.kernel.run(self.kernel.now + ms)

    def step(self) -> bool:
        self._record_repeatable("step", 1)
        return self.kernel.step()

    def _record_repeatable(self, action: str, amount: int) -> None:
        """A UI calls advance()/step() many times a second: consecutive calls become one entry,
        so a shared state (URL) stays short."""
        last = self.actions[-1] if self.actions else None
        if last is not None and last[1] == action and (
                action == "step" or last[0] + last[2] == self.kernel.now):
            last[2] += amount
        else:
            self._record(action, amount)

    def block(self, deadline: float, wake=None) -> bool:
        """Runs the simulation until `wake()` is true (→ True) or `deadline` passes (→ False)."""
        return self.kernel.block(deadline, wake)

    def uuid(self) -> str:
        """A UUID4-shaped id from the seeded RNG, so member ids repeat with the seed."""
        n = self.kernel.rng.getrandbits(128)
        h = f"{n:032x}"
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[n & 3]}{h[17:20]}-{h[20:32]}"

    def next_producer_id(self) -> int:
        self._next_pid += 1
        return self._next_pid

    def client_name(self, prefix: str) -> str:
        n = self._client_seq.get(prefix, 0) + 1
        self._client_seq[prefix] = n
        return f"{prefix}-{n}"

    def _record(self, action: str, *args) -> None:
        self.actions.append([self.kernel.now, action, *args])

    # -- topics ------------------------------------------------------------------------------------
    def live_brokers(self) -> list[int]:
        return [b.id for b in self.brokers.values() if b.state == "running" and not b.fenced]

    def create_topic(self, name: str, partitions: int = 1, replication_factor: int = 1,
                     config: dict | None = None, _auto: bool = False) -> dict:
        validate_name(name)
        if name in self.topics or name in self.internal_topics:
            raise errors.TopicAlreadyExistsError(f"Topic '{name}' already exists. (Das Topic {name} gibt es schon.)")
        if not isinstance(partitions, int) or partitions < 1:
            raise errors.InvalidPartitionsError(
                f"Number of partitions was set to an invalid non-positive value. "
                f"(Ein Topic braucht mindestens 1 Partition, nicht {partitions!r}.)")
        live = self.live_brokers()
        if not isinstance(replication_factor, int) or replication_factor < 1:
            raise errors.InvalidReplicationFactorError(
                f"Replication factor must be larger than 0. "
                f"(Der Replikationsfaktor muss mindestens 1 sein, nicht {replication_factor!r}.)")
        if replication_factor > len(live):
            raise errors.InvalidReplicationFactorError(
                f"Unable to replicate the partition {replication_factor} time(s): The target replication "
                f"factor of {replication_factor} cannot be reached because only {len(live)} broker(s) are "
                f"registered. (Replikationsfaktor {replication_factor}, aber nur {len(live)} Broker laufen.)")
        if self.controller_id is None:
            raise errors.NotControllerError("Kein aktiver Controller: die Mehrheit der Broker ist ausgefallen.")
        cfg = topic_config(self.config, config)
        assignment = place_replicas(self.kernel.rng, live, partitions, replication_factor)
        topic = self.topics[name] = Topic(self, name, cfg, assignment, auto_created=_auto)
        self.metadata_version += 1
        topic.overrides = {k: cfg[k] for k in (config or {})}
        if not _auto:
            self._record("create_topic", name, partitions, replication_factor, dict(config or {}))
        how = "automatisch (auto.create.topics.enable=true) " if _auto else ""
        self.trace.emit(
            "topic.created",
            f"Topic {name} wurde {how}angelegt: {partitions} Partition(en), Replikationsfaktor "
            f"{replication_factor}. Leader: " + ", ".join(f"{name}-{p.index} → Broker {p.leader}" for p in topic.partitions) + ".",
            topic=name, partitions=partitions, replication_factor=replication_factor,
            leaders=[p.leader for p in topic.partitions], auto=_auto)
        return {"topic": name, "partitions": partitions, "replication_factor": replication_factor}

    def add_partitions(self, name: str, total_count: int) -> None:
        """Grows a topic to `total_count` partitions (kafka-topics --alter --partitions)."""
        topic = self.topics.get(name)
        if topic is None:
            raise errors.UnknownTopicOrPartitionError(
                f"This server does not host this topic-partition. (Das Topic {name} gibt es nicht.)")
        current = len(topic.partitions)
        if not isinstance(total_count, int) or total_count <= current:
            raise errors.InvalidPartitionsError(
                f"Topic currently has {current} partitions, which is higher than the requested {total_count}. "
                f"(Partitionen kann man nur hinzufügen, nie entfernen.)" if isinstance(total_count, int) and total_count < current else
                f"Topic already has {current} partitions. (Die neue Zahl muss größer als {current} sein.)")
        live = self.live_brokers()
        if topic.replication_factor > len(live):
            raise errors.InvalidReplicationFactorError(
                f"Replikationsfaktor {topic.replication_factor}, aber nur {len(live)} Broker laufen.")
        self._record("add_partitions", name, total_count)
        placement = place_replicas(self.kernel.rng, live, total_count - current, topic.replication_factor,
                                   first_partition=current)
        topic.add_partitions(self, placement)
        self.metadata_version += 1
        self.trace.emit(
            "topic.partitions_added",
            f"Topic {name} hat jetzt {total_count} statt {current} Partitionen. Achtung: Records mit demselben Key "
            f"landen ab jetzt womöglich in einer anderen Partition als bisher (murmur2(Key) mod {total_count}).",
            topic=name, partitions=total_count, previous=current)
        self.coordinator.topic_changed(name)

    def alter_topic_config(self, name: str, config: dict) -> dict:
        """Changes topic settings at run time (kafka-configs --alter); a value None restores the default."""
        topic = self.topics.get(name)
        if topic is None:
            raise errors.UnknownTopicOrPartitionError(
                f"This server does not host this topic-partition. (Das Topic {name} gibt es nicht.)")
        overrides = dict(topic.overrides)
        for key, value in config.items():
            if value is None:
                overrides.pop(key, None)
            else:
                overrides[key] = value
        new = topic_config(self.config, overrides)     # validates names and values
        self._record("alter_topic_config", name, dict(config))
        topic.config = new
        topic.overrides = {k: new[k] for k in overrides}
        changes = ", ".join(f"{k}={new[k]}" for k in config)
        self.trace.emit("topic.config_changed",
                        f"Topic {name}: Einstellungen geändert ({changes}). Sie gelten ab sofort, "
                        f"Retention und Compaction greifen bei ihrem nächsten Lauf.",
                        topic=name, config={k: new[k] for k in config})
        return dict(new)

    def ensure_topic(self, name: str) -> Topic | None:
        """Metadata lookup by a client: creates a missing topic as a 4.x broker with defaults does."""
        topic = self.topics.get(name)
        if topic is None and self.config["auto.create.topics.enable"]:
            try:
                validate_name(name)
                rf = min(self.config["default.replication.factor"], max(1, len(self.live_brokers())))
                self.create_topic(name, self.config["num.partitions"], rf, _auto=True)
            except errors.KafkaError:
                return None
            topic = self.topics[name]
        return topic

    def delete_topic(self, name: str) -> None:
        if name not in self.topics:
            raise errors.UnknownTopicOrPartitionError(
                f"This server does not host this topic-partition. (Das Topic {name} gibt es nicht.)")
        topic = self.topics.pop(name)
        self.metadata_version += 1
        for p in topic.partitions:
            p.fail_waiters(errors.UnknownTopicOrPartitionError(f"Topic {name} wurde gelöscht."))
        self.coordinator.forget_topic(name)
        self._record("delete_topic", name)
        self.trace.emit("topic.deleted", f"Topic {name} wurde gelöscht, mitsamt allen Records.", topic=name)

    def all_topics(self):
        """User topics plus the broker's internal __consumer_offsets (for failover and elections)."""
        yield from self.topics.values()
        yield from self.internal_topics.values()

    def ensure_offsets_topic(self) -> Topic | None:
        """The first group lookup makes the brokers create __consumer_offsets, as Kafka does."""
        topic = self.internal_topics.get(OFFSETS_TOPIC)
        if topic is None:
            live = self.live_brokers()
            if not live:
                return None
            partitions = self.config["offsets.topic.num.partitions"]
            rf = min(self.config["offsets.topic.replication.factor"], len(live))
            placement = place_replicas(self.kernel.rng, live, partitions, rf)
            topic = Topic(self, OFFSETS_TOPIC, topic_config(self.config, {"cleanup.policy": "compact"}),
                          placement, internal=True)
            self.internal_topics[OFFSETS_TOPIC] = topic
            self.trace.emit(
                "topic.created",
                f"Die Broker legen das interne Topic {OFFSETS_TOPIC} an ({partitions} Partitionen, "
                f"Replikationsfaktor {rf}): dort speichern Consumer-Gruppen ihre committeten Offsets. Group "
                f"Coordinator einer Gruppe ist der Leader der Partition, in die ihre group_id fällt.",
                topic=OFFSETS_TOPIC, partitions=partitions, replication_factor=rf, internal=True)
        return topic

    def group_coordinator(self, group_id: str) -> int | None:
        """The broker coordinating `group_id`: leader of __consumer_offsets partition hash(group) % 50."""
        topic = self.ensure_offsets_topic()
        if topic is None:
            return None
        return topic.partitions[offsets_partition_for(group_id, len(topic.partitions))].leader

    def partition(self, topic: str, partition: int):
        t = self.topics.get(topic)
        if t is None or not 0 <= partition < len(t.partitions):
            return None
        return t.partitions[partition]

    # -- producing from the UI ---------------------------------------------------------------------
    def produce(self, topic: str, value, key=None, acks="all", partition=None) -> dict:
        """Writes one record right now (a button press); raises the broker's error if it fails."""
        acks_n = parse_acks(acks)
        t = self.ensure_topic(topic)
        if t is None:
            raise errors.UnknownTopicOrPartitionError(f"Das Topic {topic} gibt es nicht.")
        key_b = key.encode() if isinstance(key, str) else key
        value_b = value.encode() if isinstance(value, str) else value
        if partition is None:
            if key_b is not None:
                partition = self._key_cache.get(key_b, len(t.partitions))
            else:
                live = [p.index for p in t.partitions if p.leader_alive()]
                partition = self.kernel.rng.choice(live or list(range(len(t.partitions))))
        p = self.partition(topic, partition)
        if p is None:
            raise ValueError(f"Partition {partition} gibt es im Topic {topic} nicht.")
        self._record("produce", topic, display_arg(value), display_arg(key), acks, partition)
        result = {}

        def respond(error, base):
            result["error"] = error
            result["offset"] = base

        p.handle_produce([(key_b, value_b, None)], acks_n, self.wall_ms(), -1, -1, 30_000, respond, "ui")
        if acks_n == 0:
            return {"topic": topic, "partition": partition, "offset": -1}
        self.block(self.kernel.now + 30_000, lambda: "error" in result)
        if "error" not in result:
            raise errors.KafkaTimeoutError("Keine Bestätigung innerhalb von 30 s.")
        if result["error"] is not None:
            raise result["error"]
        return {"topic": topic, "partition": partition, "offset": result["offset"]}

    # -- scenario scripting --------------------------------------------------------------------------
    CONTROL_ACTIONS = ("crash_broker", "stop_broker", "restart_broker", "create_topic", "delete_topic", "add_partitions",
                       "alter_topic_config",
                       "produce", "start_ticker", "stop_ticker", "add_consumer", "remove_consumer")

    def schedule(self, at_ms: int, action: str, *args) -> None:
        if action not in self.CONTROL_ACTIONS:
            raise ValueError(f"Unbekannte Aktion {action!r}; möglich: {', '.join(self.CONTROL_ACTIONS)}.")
        self._record("schedule", at_ms, action, *args)
        method = getattr(self, action)

        def run():
            # Scheduled actions replay through schedule(); do not record them twice.
            saved, self.actions = self.actions, []
            try:
                method(*args)
            except (errors.KafkaError, ValueError) as exc:
                self.trace.emit("action.failed", f"Geplante Aktion {action} fehlgeschlagen: {exc}", action=action)
            finally:
                self.actions = saved

        self.kernel.at(at_ms, run)

    # -- views ---------------------------------------------------------------------------------------
    def events(self, since: int = 0) -> list[dict]:
        return self.trace.since(since)

    def snapshot(self, max_records: int = 50) -> dict:
        from .snapshot import build_snapshot
        return build_snapshot(self, max_records)

    def to_state(self) -> dict:
        from .snapshot import to_state
        return to_state(self)

    @classmethod
    def from_state(cls, state: dict) -> "Cluster":
        from .snapshot import from_state
        return from_state(cls, state)

    def run_script(self, source: str, filename: str = "<skript>", time_budget_ms: int = 600_000,
                   event_budget: int = 2_000_000, stdout=None):
        from .runner import run_script
        return run_script(self, source, filename=filename, time_budget_ms=time_budget_ms,
                          event_budget=event_budget, stdout=stdout)


def display_arg(data):
    if isinstance(data, (bytes, bytearray)):
        return data.decode("utf-8", "replace")
    return data
