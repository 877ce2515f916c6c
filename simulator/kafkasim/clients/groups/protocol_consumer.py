"""A consumer speaking the KIP-848 consumer protocol, as Kafka's Java KafkaConsumer does with
`group.protocol=consumer`.

It heart-beats (ConsumerGroupHeartbeat) in the interval the broker names — the client has no
say in heartbeat interval or session timeout any more. When the broker sends a new assignment,
it first gives up what it no longer owns (the rebalance listener's onPartitionsRevoked), then
takes what is new (onPartitionsAssigned), and at once tells the broker in a heartbeat what it
owns now. It keeps consuming the partitions it keeps throughout.
"""

from __future__ import annotations

from ...protocol.groups import ConsumerGroupHeartbeatRequest
from ...protocol.ids import Uuid
from ...protocol.api import error_name
from .member import GroupMemberClient, MemberError


class ConsumerProtocolError(MemberError):
    """An error the broker returned, in German."""


class ProtocolConsumer(GroupMemberClient):
    error_class = ConsumerProtocolError

    def __init__(self, env, node_id: int, name: str, group_id: str, topics: list[str], topic_names: dict,
                 *, assignor: str | None = None, instance_id: str | None = None) -> None:
        super().__init__(env, node_id, name)
        self.group_id = group_id
        self.topics = list(topics)
        self.assignor = assignor
        self.instance_id = instance_id
        self.member_id = str(Uuid.random(env.kernel.rng))
        self.member_epoch = 0
        self.owned: set[tuple] = set()
        # The rebalance listener's calls: ("-" | "+", topic id, sorted partitions).
        self.callbacks: list[tuple[str, object, list[int]]] = []
        self._topic_names = topic_names

    def join(self) -> None:
        self.heartbeat()

    def heartbeat_request(self):
        joining = self.member_epoch == 0
        return ConsumerGroupHeartbeatRequest(
            group_id=self.group_id, member_id=self.member_id, member_epoch=self.member_epoch,
            instance_id=self.instance_id,
            subscribed_topic_names=self.topics if joining else None,
            server_assignor=self.assignor,
            topic_partitions=_by_topic(self.owned))

    def on_heartbeat(self, response) -> int:
        if response.error_code:
            raise ConsumerProtocolError(response.error_message or
                                        f"{self.name}: der Broker lehnt den Heartbeat ab "
                                        f"({error_name(response.error_code)}).")
        self.member_epoch = response.member_epoch
        reconciled = False
        if response.assignment is not None:
            reconciled = self._reconcile({(t, p) for t, partitions in response.assignment for p in partitions})
        # After a reconciliation the client acknowledges at once; otherwise it waits the interval.
        return 0 if reconciled else response.heartbeat_interval_ms

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
        self.leave(ConsumerGroupHeartbeatRequest(group_id=self.group_id, member_id=self.member_id, member_epoch=-1,
                                                 instance_id=self.instance_id))


def _by_topic(owned: set) -> list:
    topics: dict = {}
    for topic_id, partition in owned:
        topics.setdefault(topic_id, []).append(partition)
    return sorted(((t, sorted(ps)) for t, ps in topics.items()), key=lambda item: str(item[0]))
