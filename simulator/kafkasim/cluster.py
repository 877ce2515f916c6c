"""The Cluster facade: the one object the page, the CLI and tests talk to.

It composes the parts, each in its own layer: the kernel (time), the event trace, the network,
the brokers (kafkasim.broker), the clients' environment, the page's scenarios (tickers, background
consumers, the page's own producer and admin client) and the runner for learner scripts. Control
methods validate input (German ValueErrors), record themselves for shareable states and act:
client-side controls through clients, as a learner's code would; broker failures on the brokers.
"""

from __future__ import annotations

from . import errors
from .broker import BrokerCluster
from .clients.env import ClientEnv, set_default_factory
from .events import EventLog
from .kernel import Kernel
from .protocol import Network
from .scenarios import Scenarios, parse_acks
from .scenarios.groups4_page import Groups4Controls

# Simulated wall clock at t=0: 2026-01-01 00:00:00 UTC (record timestamps, time.time()).
EPOCH_MS = 1_767_225_600_000


class Cluster(Groups4Controls):
    def __init__(self, brokers: int = 3, seed: int = 0, config: dict | None = None) -> None:
        if not isinstance(brokers, int) or not 1 <= brokers <= 9:
            raise ValueError("Ein simulierter Cluster hat 1 bis 9 Broker.")
        self.seed = seed
        self.epoch_ms = EPOCH_MS
        self.kernel = Kernel(seed)
        self.trace = EventLog(self.kernel)
        self.network = Network(self.kernel)
        self.config_overrides = dict(config or {})
        self.kafka = BrokerCluster(self.kernel, self.network, self.trace, brokers, config, EPOCH_MS)
        self.config = self.kafka.config
        self.env = ClientEnv(self.kernel, self.network, self.trace, EPOCH_MS)
        self.scenarios = Scenarios(self.env)
        self.actions: list[list] = []

    # -- state the views and tests read ----------------------------------------------------------
    @property
    def brokers(self):
        return self.kafka.brokers

    @property
    def topics(self):
        return self.kafka.topics

    @property
    def internal_topics(self):
        return self.kafka.internal_topics

    @property
    def coordinator(self):
        return self.kafka.groups

    @property
    def controller_id(self):
        return self.kafka.controller_id

    @property
    def tickers(self):
        return self.scenarios.tickers

    @property
    def actors(self):
        return self.scenarios.consumers

    @property
    def producers(self):
        return self.env.producers

    @property
    def metrics_produced(self) -> int:
        return self.kafka.metrics_produced

    @property
    def metrics_consumed(self) -> int:
        return self.env.metrics_consumed

    @property
    def data_version(self) -> int:
        return self.kafka.data_version

    def partition(self, topic: str, partition: int):
        return self.kafka.partition(topic, partition)

    def group_coordinator(self, group_id: str) -> int | None:
        """The broker coordinating `group_id`: leader of __consumer_offsets partition hash(group) % 50."""
        return self.kafka.groups.coordinator_of(group_id)

    def member_positions(self, group_id: str) -> dict[tuple[str, int], int]:
        """Where the group's current members (consumers of this cluster) will read next: their
        positions, for partitions where they have one. Clients know this, brokers do not."""
        group = self.kafka.groups.groups.get(group_id)
        members = set(group.members) if group else set()
        out = {}
        for consumer in self.env.consumers:
            if consumer._closed or consumer._coordinator.member_id not in members:
                continue
            for tp, state in consumer._subscription.assignment.items():
                if state.position is not None:
                    out[tp] = state.position
        return out

    def member_reader(self, group_id: str, client_id: str):
        """The consumer that is a current member of the group with this client id, as a reader whose
        `positions` says how far it got ({tp: position}); None if there is none."""
        group = self.kafka.groups.groups.get(group_id)
        if group is None:
            return None
        members = {m.member_id for m in group.members.values() if m.client_id == client_id}
        for consumer in self.env.consumers:
            if not consumer._closed and consumer._coordinator.member_id in members:
                return _Reader(consumer)
        return None

    def live_brokers(self) -> list[int]:
        return self.kafka.live_brokers()

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

    def block(self, deadline: float, wake=None) -> bool:
        """Runs the simulation until `wake()` is true (→ True) or `deadline` passes (→ False)."""
        return self.kernel.block(deadline, wake)

    def _record_repeatable(self, action: str, amount: int) -> None:
        """A UI calls advance()/step() many times a second: consecutive calls become one entry,
        so a shared state (URL) stays short."""
        last = self.actions[-1] if self.actions else None
        if last is not None and last[1] == action and (
                action == "step" or last[0] + last[2] == self.kernel.now):
            last[2] += amount
        else:
            self._record(action, amount)

    def _record(self, action: str, *args) -> None:
        self.actions.append([self.kernel.now, action, *args])

    def client_name(self, prefix: str) -> str:
        return self.env.client_name(prefix)

    # -- brokers ---------------------------------------------------------------------------------
    def crash_broker(self, broker_id: int) -> None:
        self._check_broker(broker_id)
        if self.brokers[broker_id].state == "running":
            self._record("crash_broker", broker_id)
            self.kafka.controller.crash_broker(broker_id)

    def stop_broker(self, broker_id: int) -> None:
        self._check_broker(broker_id)
        if self.brokers[broker_id].state == "running":
            self._record("stop_broker", broker_id)
            self.kafka.controller.stop_broker(broker_id)

    def restart_broker(self, broker_id: int) -> None:
        self._check_broker(broker_id)
        if self.brokers[broker_id].state != "running":
            self._record("restart_broker", broker_id)
            self.kafka.controller.restart_broker(broker_id)

    def _check_broker(self, broker_id: int) -> None:
        if broker_id not in self.brokers:
            raise ValueError(f"Broker {broker_id} gibt es nicht (Broker: {list(self.brokers)}).")

    # -- topics (through the page's admin client) ------------------------------------------------
    def create_topic(self, name: str, partitions: int = 1, replication_factor: int = 1,
                     config: dict | None = None) -> dict:
        self._record("create_topic", name, partitions, replication_factor, dict(config or {}))
        return self.scenarios.create_topic(name, partitions, replication_factor, config)

    def delete_topic(self, name: str) -> None:
        self._record("delete_topic", name)
        self.scenarios.delete_topic(name)

    def add_partitions(self, name: str, total_count: int) -> None:
        """Grows a topic to `total_count` partitions (kafka-topics --alter --partitions)."""
        self._record("add_partitions", name, total_count)
        self.scenarios.add_partitions(name, total_count)

    def alter_topic_config(self, name: str, config: dict) -> dict:
        """Changes topic settings at run time (kafka-configs --alter); a value None restores the default."""
        self._record("alter_topic_config", name, dict(config))
        self.scenarios.alter_topic_config(name, config)
        return dict(self.topics[name].config)

    # -- producing from the page -----------------------------------------------------------------
    def produce(self, topic: str, value, key=None, acks="all", partition=None) -> dict:
        """Writes one record through the page's producer (a button press); raises the broker's error."""
        acks_n = parse_acks(acks)
        self._record("produce", topic, display_arg(value), display_arg(key), acks, partition)
        return self.scenarios.produce(topic, value, key, acks_n, partition)

    # -- actors of the page ----------------------------------------------------------------------
    def start_ticker(self, topic: str, symbols=None, rate_per_s: float = 5.0, acks="all") -> str:
        symbols, rate_per_s, acks_n = self.scenarios.check_ticker(symbols, rate_per_s, acks)
        ticker_id = self.client_name("boerse")
        self._record("start_ticker", topic, symbols, rate_per_s, acks)
        self.scenarios.start_ticker(ticker_id, topic, symbols, rate_per_s, acks_n)
        return ticker_id

    def stop_ticker(self, ticker_id: str) -> None:
        self.scenarios.ticker(ticker_id)
        self._record("stop_ticker", ticker_id)
        self.scenarios.stop_ticker(ticker_id)

    def add_consumer(self, group_id: str, topics, client_id: str | None = None,
                     auto_offset_reset: str = "earliest", partition_assignment_strategy=("range", "roundrobin")) -> str:
        topics = self.scenarios.check_consumer(group_id, topics, client_id, auto_offset_reset,
                                               partition_assignment_strategy)
        if client_id is None:
            client_id = self._unused_consumer_name(group_id)
        # The strategy is recorded only when it is not kafka-python's default, so that states
        # saved before it was recorded replay unchanged.
        strategy = list(partition_assignment_strategy)
        self._record("add_consumer", group_id, list(topics), client_id, auto_offset_reset,
                     *([strategy] if strategy != ["range", "roundrobin"] else []))
        self.scenarios.add_consumer(client_id, group_id, topics, auto_offset_reset, partition_assignment_strategy)
        return client_id

    def _unused_consumer_name(self, group_id: str) -> str:
        """A name after the course's rule that no running consumer has (a preset or the learner may
        have used it already): an Aktionär*in's depot group depot-anna is read by anna (then anna-2,
        anna-3 …), a service's group such as kursalarm by its instances kursalarm-1, kursalarm-2 …"""
        taken = self.scenarios.consumers
        owner = group_id[len("depot-"):] if group_id.startswith("depot-") else ""
        if owner:
            if owner not in taken:
                return owner
            n = 2
            while f"{owner}-{n}" in taken:
                n += 1
            return f"{owner}-{n}"
        while True:
            name = self.client_name(group_id)
            if name not in taken:
                return name

    def remove_consumer(self, client_id: str) -> None:
        self.scenarios.consumer(client_id)
        self._record("remove_consumer", client_id)
        self.scenarios.remove_consumer(client_id)

    # -- scenario scripting ----------------------------------------------------------------------
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
                self.trace.emit("action.failed", action=action, error=str(exc))
            finally:
                self.actions = saved

        self.kernel.at(at_ms, run)

    # -- views -----------------------------------------------------------------------------------
    def events(self, since: int = 0) -> list[dict]:
        return self.trace.since(since)

    def request_log(self) -> list[dict]:
        """The newest requests with their answers (protocol/request_log.py), oldest first."""
        return self.network.requests.entries()

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


class _Reader:
    """A consumer as the Labor's history sees it: its positions, live."""

    __slots__ = ("_consumer",)

    def __init__(self, consumer) -> None:
        self._consumer = consumer

    @property
    def positions(self) -> dict:
        consumer = self._consumer
        live = {tp: s.position for tp, s in consumer._subscription.assignment.items() if s.position is not None}
        return {tp: offset for tp, (offset, _m) in consumer._coordinator.positions_at_close.items()} | live

    @property
    def enable_auto_commit(self) -> bool:
        """Whether the consumer commits on its own (the manual-commit exercise asks for the opposite)."""
        return self._consumer._coordinator.enable_auto_commit


def display_arg(data):
    if isinstance(data, (bytes, bytearray)):
        return data.decode("utf-8", "replace")
    return data


# Clients used outside a script (e.g. `from kafkasim.kafka import KafkaProducer` in a test) talk to a
# fresh default cluster.
set_default_factory(lambda: Cluster().env)
