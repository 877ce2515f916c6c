"""kafka.coordinator.assignors.range.RangePartitionAssignor: per topic, contiguous ranges of
partitions; the first members get one more."""

from __future__ import annotations

from ....protocol.consumer import Subscription
from .abstract import AbstractPartitionAssignor, as_assignments, known_partitions, member_tuples, ordered_members


def range_assign(partitions: dict[str, list[int]], members: list[tuple]) -> dict[str, dict[str, list[int]]]:
    result: dict[str, dict[str, list[int]]] = {m[0]: {} for m in members}
    per_topic: dict[str, list[tuple]] = {}
    for member in members:
        for topic in member[1]:
            per_topic.setdefault(topic, []).append(member)
    for topic, topic_members in per_topic.items():
        parts = partitions.get(topic)
        if parts is None:
            continue
        parts = sorted(parts)
        consumers = ordered_members(topic_members)
        per_consumer, extra = divmod(len(parts), len(consumers))
        for i, (_instance, member_id) in enumerate(consumers):
            start = per_consumer * i + min(i, extra)
            length = per_consumer + (1 if i < extra else 0)
            result[member_id][topic] = parts[start:start + length]
    return result


class RangePartitionAssignor(AbstractPartitionAssignor):
    name = "range"
    version = 0

    @classmethod
    def assign(cls, cluster, members):
        return as_assignments(cls.version, range_assign(known_partitions(cluster, members), member_tuples(members)))

    @classmethod
    def metadata(cls, topics):
        return Subscription(cls.version, list(topics), b"")

    @classmethod
    def on_assignment(cls, assignment, generation):
        pass
