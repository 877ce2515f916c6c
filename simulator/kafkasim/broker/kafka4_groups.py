"""The Kafka 4.x groups on the brokers: share groups (KIP-932) and consumer groups speaking the
consumer protocol (KIP-848), beside the classic group coordinator.

Composes the share coordinator (membership, simple assignor, share-partition initialization),
the share-partition manager (share sessions, ShareFetch, ShareAcknowledge, record locks) and the
consumer-protocol coordinator (ConsumerGroupHeartbeat, server-side assignors, reconciliation).
apis.py routes the requests here. One coordinator serves every broker: the simulator runs these
groups on a single broker, as the course's broker.

Their topics are `batch_log.Topics` (record batches with topic ids), the seam until the core's
Log keeps producer batch boundaries and topic ids; the page's controls create and fill them.
Leadership comes from the cluster: a topic of that name among the cluster's own topics has its
leaders there, and only the leader serves a ShareFetch (`leadership(topic, partition)` →
(leader or None, leader epoch), None for a topic the cluster does not have: every broker serves it).
"""

from __future__ import annotations

from .batch_log import Topics
from .configs import GroupConfigs
from .consumer_group_coordinator import ConsumerGroupCoordinator
from .share_coordinator import ShareCoordinator
from .share_partition_manager import SharePartitionManager


class Kafka4Groups:
    def __init__(self, kernel, config: dict, trace=None, leadership=None, endpoint=None) -> None:
        self.kernel = kernel
        self.configs = GroupConfigs(config)
        self.topics = Topics(kernel.rng)
        emit = trace.emit if trace is not None else None
        self.share_coordinator = ShareCoordinator(kernel, self.topics, self.configs,
                                                  on_member_gone=self._share_member_gone, emit=emit)
        leader_of = None
        if leadership is not None:
            def leader_of(topic_id, partition):
                return leadership(self.topics.by_id[topic_id].name, partition)
        self.share_partitions = SharePartitionManager(kernel, self.topics, self.configs, self.share_coordinator,
                                                      emit=emit, leader_of=leader_of, endpoint_of=endpoint)
        self.consumer_coordinator = ConsumerGroupCoordinator(kernel, self.topics, self.configs, emit)

    def _share_member_gone(self, group_id: str, member_id: str) -> None:
        # A member that left (or timed out) can no longer acknowledge: its records go back.
        self.share_partitions.sessions.pop((group_id, member_id), None)
        self.share_partitions.release_member(group_id, member_id)

    def records_changed(self) -> None:
        """New records: share fetches waiting at the broker may acquire them now."""
        self.share_partitions.records_changed()

    def group_type(self, group_id: str) -> str | None:
        if group_id in self.share_coordinator.groups:
            return "share"
        if group_id in self.consumer_coordinator.groups:
            return "consumer"
        return None

    # --- admin views (what ShareGroupDescribe, DescribeShareGroupOffsets and ConsumerGroupDescribe
    # answer; the page reads them directly, without simulated time passing) --------------------------

    def describe_share_group(self, group_id: str) -> dict | None:
        return self.share_coordinator.describe(group_id)

    def share_group_offsets(self, group_id: str) -> dict:
        return self.share_partitions.offsets(group_id)

    def describe_consumer_group(self, group_id: str) -> dict | None:
        return self.consumer_coordinator.describe(group_id)
