"""kafka.coordinator.assignors.cooperative_sticky.CooperativeStickyAssignor (KIP-429).

The sticky algorithm's placement, staged over two rebalances as kafka-python 3.0.12 does it:
members report the partitions they own in the subscription's `owned_partitions` (version 1, no
user data); the leader computes the sticky target and leaves out of this round every partition
that still belongs to another member. That owner sees it missing, revokes only it and rejoins
(consumer.py); in the follow-up round the partition is unowned and goes to its new member.
"""

from __future__ import annotations

from ....protocol.consumer import Assignment, Subscription
from .abstract import RebalanceProtocol, known_partitions, member_tuples
from .sticky.executor import sticky_assign
from .sticky.sticky_assignor import StickyPartitionAssignor

# ConsumerProtocolSubscription version 1 is what KIP-429 added: it carries owned_partitions.
COOPERATIVE_SUBSCRIPTION_VERSION = 1


class CooperativeStickyAssignor(StickyPartitionAssignor):
    name = "cooperative-sticky"
    version = COOPERATIVE_SUBSCRIPTION_VERSION

    def supported_protocols(self):
        return [RebalanceProtocol.COOPERATIVE]

    def metadata(self, topics):
        by_topic: dict[str, list[int]] = {}
        for tp in self.member_assignment or ():
            by_topic.setdefault(tp.topic, []).append(tp.partition)
        owned = [(topic, sorted(partitions)) for topic, partitions in by_topic.items()]
        return Subscription(self.version, sorted(topics), b"", owned)

    def assign(self, cluster, members):
        owned = {}
        for member in members:
            by_topic: dict[str, list[int]] = {}
            for topic, partitions in member.metadata.owned_partitions or ():
                by_topic.setdefault(topic, []).extend(partitions)
            # Version 1 carries no generation: kafka-python passes -1 for every member.
            owned[member.member_id] = (by_topic, -1)
        target = sticky_assign(known_partitions(cluster, members), member_tuples(members), owned)
        current_owner = {}
        for member_id, (by_topic, _generation) in owned.items():
            for topic, partitions in by_topic.items():
                for partition in partitions:
                    current_owner[(topic, partition)] = member_id
        result = {}
        for member in members:
            member_id = member.member_id
            kept: dict[str, list[int]] = {}
            for topic, partitions in target.get(member_id, {}).items():
                for partition in partitions:
                    if current_owner.get((topic, partition), member_id) == member_id:
                        kept.setdefault(topic, []).append(partition)
            result[member_id] = Assignment(self.version, sorted((t, sorted(ps)) for t, ps in kept.items()), b"")
        return result
