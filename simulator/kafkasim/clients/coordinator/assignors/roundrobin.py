"""kafka.coordinator.assignors.roundrobin.RoundRobinPartitionAssignor: all partitions, sorted,
dealt to the members in turn."""

from __future__ import annotations

from ....protocol.consumer import Subscription
from .abstract import AbstractPartitionAssignor, as_assignments, known_partitions, member_tuples, ordered_members


def roundrobin_assign(partitions: dict[str, list[int]], members: list[tuple]) -> dict[str, dict[str, list[int]]]:
    result: dict[str, dict[str, list[int]]] = {m[0]: {} for m in members}
    topics = set()
    for member in members:
        topics.update(member[1])
    all_tps = sorted((t, p) for t in topics if partitions.get(t) is not None for p in partitions[t])
    ordered = ordered_members(members)
    subscribed = {m[0]: set(m[1]) for m in members}
    i = 0
    for topic, partition in all_tps:
        while topic not in subscribed[ordered[i % len(ordered)][1]]:
            i += 1
        member_id = ordered[i % len(ordered)][1]
        result[member_id].setdefault(topic, []).append(partition)
        i += 1
    return result


class RoundRobinPartitionAssignor(AbstractPartitionAssignor):
    name = "roundrobin"
    version = 0

    @classmethod
    def assign(cls, cluster, members):
        return as_assignments(cls.version, roundrobin_assign(known_partitions(cluster, members),
                                                             member_tuples(members)))

    @classmethod
    def metadata(cls, topics):
        return Subscription(cls.version, list(topics), b"")

    @classmethod
    def on_assignment(cls, assignment, generation):
        pass
