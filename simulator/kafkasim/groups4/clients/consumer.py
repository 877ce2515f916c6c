"""A consumer speaking the KIP-848 consumer protocol, as Kafka's Java KafkaConsumer does with
`group.protocol=consumer`.

It heart-beats (ConsumerGroupHeartbeat) in the interval the broker names — the client has no
say in heartbeat interval or session timeout any more. When the broker sends a new assignment,
it first gives up what it no longer owns (the rebalance listener's onPartitionsRevoked), then
takes what is new (onPartitionsAssigned), and at once tells the broker in a heartbeat what it
owns now. It keeps consuming the partitions it keeps throughout.
"""

from __future__ import annotations

from ..ids import Uuid
from ..messages import ConsumerGroupHeartbeatRequest, error_name


class ConsumerProtocolError(Exception):
    """An error the broker returned, in German."""


class ProtocolConsumer:
    def __init__(self, kernel, broker, name: str, group_id: str, topics: list[str], topic_names: dict,
                 *, assignor: str | None = None, instance_id: str | None = None) -> None:
        self.kernel = kernel
        self.broker = broker
        self.name = name
        self.group_id = group_id
        self.topics = list(topics)
        self.assignor = assignor
        self.instance_id = instance_id
        self.member_id = str(Uuid.random(kernel.rng))
        self.member_epoch = 0
        self.owned: set[tuple] = set()
        # The rebalance listener's calls: ("-" | "+", topic id, sorted partitions).
        self.callbacks: list[tuple[str, object, list[int]]] = []
        self._topic_names = topic_names
        self._timer = None
        self.closed = False

    def join(self) -> None:
        self.heartbeat()

    def heartbeat(self) -> None:
        if self.closed:
            return
        joining = self.member_epoch == 0
        request = ConsumerGroupHeartbeatRequest(
            group_id=self.group_id, member_id=self.member_id, member_epoch=self.member_epoch,
            instance_id=self.instance_id,
            subscribed_topic_names=self.topics if joining else None,
            server_assignor=self.assignor,
            topic_partitions=_by_topic(self.owned))
        response = self.broker.handle(request, self.name)
        if response.error_code:
            raise ConsumerProtocolError(
                f"{self.name}: der Broker lehnt den Heartbeat ab ({error_name(response.error_code)}).")
        self.member_epoch = response.member_epoch
        reconciled = False
        if response.assignment is not None:
            reconciled = self._reconcile({(t, p) for t, partitions in response.assignment for p in partitions})
        if self._timer is not None:
            self._timer.cancel()
        # After a reconciliation the client acknowledges at once; otherwise it waits the interval.
        self._timer = self.kernel.schedule(0 if reconciled else response.heartbeat_interval_ms, self.heartbeat)

    def _reconcile(self, assignment: set) -> bool:
        revoked = self.owned - assignment
        added = assignment - self.owned
        if revoked:
            self._callback("-", revoked)
            self.owned -= revoked
        if added:
            self._callback("+", added)
            self.owned |= added
        return bool(revoked or added)

    def _callback(self, sign: str, partitions: set) -> None:
        for topic_id in sorted({t for t, _p in partitions}, key=str):
            self.callbacks.append((sign, topic_id, sorted(p for t, p in partitions if t == topic_id)))

    def assignment(self) -> list[tuple[str, int]]:
        return sorted((self._topic_names[t], p) for t, p in self.owned)

    def close(self) -> None:
        if self.closed:
            return
        if self.owned:
            self._callback("-", set(self.owned))
            self.owned.clear()
        request = ConsumerGroupHeartbeatRequest(group_id=self.group_id, member_id=self.member_id, member_epoch=-1,
                                                instance_id=self.instance_id)
        self.broker.handle(request, self.name)
        self.closed = True
        if self._timer is not None:
            self._timer.cancel()


def _by_topic(owned: set) -> list:
    topics: dict = {}
    for topic_id, partition in owned:
        topics.setdefault(topic_id, []).append(partition)
    return sorted(((t, sorted(ps)) for t, ps in topics.items()), key=lambda item: str(item[0]))
