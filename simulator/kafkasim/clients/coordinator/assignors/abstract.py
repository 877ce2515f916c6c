"""kafka.coordinator.assignors.abstract: the interface of a partition assignor.

The group leader's consumer calls assign() with its cluster metadata and every member's decoded
subscription; metadata() is what a member puts into JoinGroup; on_assignment() tells a member
what it got. The built-in assignors compute exactly what kafka-python's compute.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from enum import IntEnum

from ....protocol.consumer import Assignment, Subscription

# kafka-python's names for the consumer-protocol structures an assignor builds.
ConsumerProtocolSubscription = Subscription
ConsumerProtocolAssignment = Assignment


class RebalanceProtocol(IntEnum):
    """KIP-429: EAGER members give up everything before each JoinGroup; COOPERATIVE members keep
    their partitions and give up only those the leader moves away."""
    EAGER = 0
    COOPERATIVE = 1


class AbstractPartitionAssignor(ABC):
    @property
    @abstractmethod
    def name(self):
        ...

    def supported_protocols(self):
        """The rebalance protocols this assignor works with (kafka-python: EAGER unless overridden)."""
        return [RebalanceProtocol.EAGER]

    @abstractmethod
    def assign(self, cluster, members):
        """{member_id: ConsumerProtocolAssignment} for members with .member_id, .group_instance_id and
        .metadata (a ConsumerProtocolSubscription)."""

    @abstractmethod
    def metadata(self, topics):
        ...

    @abstractmethod
    def on_assignment(self, assignment, generation):
        ...


def known_partitions(cluster, members) -> dict[str, list[int]]:
    """{topic: sorted partitions} for every member topic the metadata knows."""
    out = {}
    for member in members:
        for topic in member.metadata.topics:
            if topic not in out:
                parts = cluster.partitions_for_topic(topic)
                if parts is not None:
                    out[topic] = sorted(parts)
    return out


def member_tuples(members) -> list[tuple]:
    return [(m.member_id, list(m.metadata.topics), m.group_instance_id) for m in members]


def as_assignments(version: int, result: dict) -> dict:
    return {member_id: Assignment(version, sorted(by_topic.items()), b"") for member_id, by_topic in result.items()}


def ordered_members(members: list[tuple]) -> list[tuple[str | None, str]]:
    ids = [(instance_id, member_id) for member_id, _topics, instance_id in members]
    # kafka-python groups consecutive runs with itertools.groupby and keeps the *last* run of each
    # kind; reproduce that quirk so mixed static/dynamic layouts match too.
    runs: dict[bool, list] = {}
    prev = None
    for pair in ids:
        kind = pair[0] is not None
        if kind != prev:
            runs[kind] = []
            prev = kind
        runs[kind].append(pair)
    return sorted(runs.get(True, [])) + sorted(runs.get(False, []))


