"""kafka.coordinator.assignors.sticky.sticky_assignor.StickyPartitionAssignor (KIP-54): balanced,
and keeps partitions where they were across rebalances.

Each member reports its last assignment and generation as user data in its JoinGroup metadata
(StickyAssignorUserData v1, Kafka's wire format); the leader decodes them and runs the executor.
"""

from __future__ import annotations

from .....protocol.consumer import Subscription
from .....protocol.wire import Reader, Writer
from ..abstract import AbstractPartitionAssignor, as_assignments, known_partitions, member_tuples
from .executor import sticky_assign

USER_DATA_VERSION = 1


def encode_user_data(previous: dict[str, list[int]], generation: int) -> bytes:
    w = Writer().int16(USER_DATA_VERSION)
    w.array(list(previous.items()), lambda w, item: (w.string(item[0]), w.array(item[1], Writer.int32)))
    w.int32(generation)
    return w.getvalue()


def decode_user_data(data: bytes) -> tuple[dict[str, list[int]], int]:
    r = Reader(data)
    version = r.int16()
    topics = r.array(lambda r: (r.string(), r.array(Reader.int32))) or []
    generation = r.int32() if version >= 1 and not r.at_end() else -1
    previous: dict[str, list[int]] = {}
    for topic, partitions in topics:
        previous.setdefault(topic, []).extend(partitions)
    return previous, generation


class StickyPartitionAssignor(AbstractPartitionAssignor):
    DEFAULT_GENERATION_ID = -1
    name = "sticky"
    version = 0

    def __init__(self):
        self.member_assignment = None
        self.generation = self.DEFAULT_GENERATION_ID

    def assign(self, cluster, members):
        previous = {}
        for member in members:
            data = member.metadata.user_data
            if data:
                try:
                    previous[member.member_id] = decode_user_data(data)
                except ValueError:
                    pass              # an unreadable previous assignment counts as none
        result = sticky_assign(known_partitions(cluster, members), member_tuples(members), previous)
        return as_assignments(self.version, result)

    def metadata(self, topics):
        if self.member_assignment is None:
            user_data = b""
        else:
            by_topic: dict[str, list[int]] = {}
            for tp in self.member_assignment:
                by_topic.setdefault(tp.topic, []).append(tp.partition)
            user_data = encode_user_data(by_topic, self.generation)
        return Subscription(self.version, list(topics), user_data)

    def on_assignment(self, assignment, generation):
        self.member_assignment = assignment.partitions()
        self.generation = generation
