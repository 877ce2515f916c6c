"""The controller's side of the cluster: broker failures, fencing, leader elections, ISR checks.

A mixin of `Cluster`: crashes and controlled shutdowns, the KRaft controller noticing a dead broker
after broker.session.timeout.ms, the leader's ISR check (replica.lag.time.max.ms) and the
periodic preferred-leader election.
"""

from __future__ import annotations

from . import errors
from .broker import Broker, elect_controller


class BrokerControl:
    # -- brokers -----------------------------------------------------------------------------------
    def _broker(self, broker_id: int) -> Broker:
        if broker_id not in self.brokers:
            raise ValueError(f"Broker {broker_id} gibt es nicht (Broker: {list(self.brokers)}).")
        return self.brokers[broker_id]

    def crash_broker(self, broker_id: int) -> None:
        broker = self._broker(broker_id)
        if broker.state != "running":
            return
        self._record("crash_broker", broker_id)
        broker.state = "crashed"
        self.metadata_version += 1
        broker.down_since = self.kernel.now
        timeout = self.config["broker.session.timeout.ms"]
        self.trace.emit(
            "broker.crashed",
            f"Broker {broker_id} ist abgestürzt. Der Controller merkt es erst, wenn {timeout} ms lang kein "
            f"Heartbeat kam (broker.session.timeout.ms); bis dahin bleibt er Leader seiner Partitionen. "
            f"Anfragen, die schon unterwegs waren, scheitern; neue Records halten die Producer zurück, "
            f"bis ein neuer Leader gewählt ist.",
            broker=broker_id)
        for topic in self.all_topics():
            for p in topic.partitions:
                if p.leader == broker_id and p.waiters:
                    p.fail_waiters(errors.KafkaConnectionError(f"Verbindung zu Broker {broker_id} abgebrochen."))
        for group_id in self.coordinator.groups:
            if self.group_coordinator(group_id) == broker_id:
                self.trace.emit(
                    "group.coordinator_lost",
                    f"Broker {broker_id} war Group Coordinator der Consumer-Gruppe {group_id}: bis ein anderer "
                    f"Broker übernimmt, scheitern Heartbeats, JoinGroup und Commits dieser Gruppe.",
                    group=group_id, coordinator=broker_id)
        self._update_controller()
        self.kernel.schedule(timeout, self._fence_if_down, broker_id, broker.incarnation)

    def _fence_if_down(self, broker_id: int, incarnation: int) -> None:
        broker = self.brokers[broker_id]
        if broker.state == "running" or broker.incarnation != incarnation or broker.fenced:
            return
        if self.controller_id is None:
            # No quorum, nobody can fence; try again once a controller is back.
            self.kernel.schedule(1000, self._fence_if_down, broker_id, incarnation)
            return
        self._fence(broker_id, "Broker-Session abgelaufen")

    def _fence(self, broker_id: int, reason: str) -> None:
        broker = self.brokers[broker_id]
        broker.fenced = True
        self.trace.emit("broker.fenced",
                         f"Der Controller (Broker {self.controller_id}) erklärt Broker {broker_id} für ausgefallen ({reason}).",
                         broker=broker_id, controller=self.controller_id)
        for topic in self.all_topics():
            for p in topic.partitions:
                if broker_id in p.replicas:
                    p.shrink_isr(broker_id, "Broker ausgefallen")
                    if p.leader == broker_id:
                        p.elect_leader(f"Broker {broker_id} ist ausgefallen")

    def stop_broker(self, broker_id: int) -> None:
        broker = self._broker(broker_id)
        if broker.state != "running":
            return
        self._record("stop_broker", broker_id)
        self.trace.emit("broker.stopping",
                         f"Broker {broker_id} fährt kontrolliert herunter: erst gibt er seine Leader-Rollen ab.",
                         broker=broker_id)
        broker.fenced = True
        for topic in self.all_topics():
            for p in topic.partitions:
                if broker_id in p.replicas:
                    p.shrink_isr(broker_id, "Broker fährt herunter")
                    if p.leader == broker_id:
                        p.elect_leader(f"Broker {broker_id} fährt kontrolliert herunter")
        broker.state = "stopped"
        self.metadata_version += 1
        broker.down_since = self.kernel.now
        self.trace.emit("broker.stopped", f"Broker {broker_id} ist gestoppt.", broker=broker_id)
        self._update_controller()

    def restart_broker(self, broker_id: int) -> None:
        broker = self._broker(broker_id)
        if broker.state == "running":
            return
        self._record("restart_broker", broker_id)
        broker.state = "running"
        self.metadata_version += 1
        broker.incarnation += 1
        broker.down_since = None
        self.trace.emit("broker.started",
                         f"Broker {broker_id} läuft wieder und holt als Follower auf, was er verpasst hat.",
                         broker=broker_id)
        self._update_controller()
        broker.fenced = False
        for topic in self.all_topics():
            for p in topic.partitions:
                if broker_id not in p.replicas:
                    continue
                if p.leader is None or not p.leader_alive():
                    if p.leader is None:
                        p.elect_leader(f"Broker {broker_id} ist zurück")
                else:
                    p.wake_followers()

    def _update_controller(self) -> None:
        new = elect_controller(self.brokers)
        if new == self.controller_id:
            return
        old, self.controller_id = self.controller_id, new
        if new is None:
            self.trace.emit("controller.lost",
                             "Kein aktiver Controller mehr: weniger als die Mehrheit der Broker läuft. "
                             "Leader-Wahlen sind jetzt unmöglich.", controller=None, previous=old)
        else:
            self.trace.emit("controller.elected", f"Broker {new} ist jetzt der aktive Controller (KRaft).",
                             controller=new, previous=old)
            for b in self.brokers.values():
                if b.state != "running" and not b.fenced and b.down_since is not None \
                        and self.kernel.now - b.down_since >= self.config["broker.session.timeout.ms"]:
                    self._fence(b.id, "Broker-Session abgelaufen")
            for topic in self.all_topics():
                for p in topic.partitions:
                    if p.leader is None:
                        p.elect_leader("Controller wieder da")

    # -- periodic checks ------------------------------------------------------------------------------
    def _isr_lag_check(self) -> None:
        lag_max = self.config["replica.lag.time.max.ms"]
        self.kernel.schedule(lag_max // 2, self._isr_lag_check)
        if self.controller_id is None:
            return
        now = self.kernel.now
        for topic in self.all_topics():
            for p in topic.partitions:
                if not p.leader_alive():
                    continue
                leo = p.log.log_end_offset
                for b in list(p.isr):
                    if b == p.leader:
                        continue
                    if self.brokers[b].state == "running" and p.replica_leo[b] >= leo:
                        # A running follower fetches all the time; with nothing new it is caught up.
                        p.caught_up_ms[b] = now
                    elif now - p.caught_up_ms[b] > lag_max:
                        p.shrink_isr(b, f"seit über {lag_max} ms nicht aufgeholt (replica.lag.time.max.ms)")

    def _preferred_leader_check(self) -> None:
        self.kernel.schedule(self.config["leader.imbalance.check.interval.seconds"] * 1000,
                             self._preferred_leader_check)
        if not self.config["auto.leader.rebalance.enable"] or self.controller_id is None:
            return
        for broker_id in self.brokers:
            preferred = [p for t in self.all_topics() for p in t.partitions if p.replicas[0] == broker_id]
            if not preferred:
                continue
            not_leading = [p for p in preferred if p.leader != broker_id]
            if len(not_leading) * 100 / len(preferred) <= self.config["leader.imbalance.per.broker.percentage"]:
                continue
            for p in not_leading:
                if broker_id in p.isr and self.brokers[broker_id].state == "running":
                    p.elect_leader(f"bevorzugter Leader (auto.leader.rebalance.enable)", preferred=broker_id)
