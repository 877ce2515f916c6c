"""One handler per request type of the new group APIs, on a single simulated broker.

The broker is coordinator and partition leader at once (like the course's single-node broker).
Clients see only requests and responses (messages.py); the admin views stand for
ShareGroupDescribe (77), DescribeShareGroupOffsets (90) and ConsumerGroupDescribe (69).
"""

from __future__ import annotations

from ..messages import ConsumerGroupHeartbeatRequest, ShareAcknowledgeRequest, ShareFetchRequest, \
    ShareGroupHeartbeatRequest
from .configs import GroupConfigs
from .consumer_coordinator import ConsumerCoordinator
from .share_coordinator import ShareCoordinator
from .share_fetch import SharePartitionManager


class GroupsBroker:
    def __init__(self, clock, topics, configs: GroupConfigs) -> None:
        self.clock = clock
        self.topics = topics
        self.configs = configs
        self.listeners = []
        self.share_coordinator = ShareCoordinator(clock, topics, configs, on_member_gone=self._share_member_gone)
        self.share_partitions = SharePartitionManager(clock, topics, configs, self.share_coordinator,
                                                      on_change=self.records_changed)
        self.consumer_coordinator = ConsumerCoordinator(clock, topics, configs)

    def handle(self, request, client_id: str = ""):
        if isinstance(request, ShareGroupHeartbeatRequest):
            return self.share_coordinator.heartbeat(request, client_id)
        if isinstance(request, ShareFetchRequest):
            return self.share_partitions.share_fetch(request)
        if isinstance(request, ShareAcknowledgeRequest):
            return self.share_partitions.share_acknowledge(request)
        if isinstance(request, ConsumerGroupHeartbeatRequest):
            return self.consumer_coordinator.heartbeat(request, client_id)
        raise TypeError(f"unknown request {type(request).__name__}")

    def _share_member_gone(self, group_id: str, member_id: str) -> None:
        # A member that left (or timed out) can no longer acknowledge: its records go back.
        self.share_partitions.sessions.pop((group_id, member_id), None)
        self.share_partitions.release_member(group_id, member_id)

    def records_changed(self) -> None:
        """New records, or a share-partition changed state: clients waiting in a fetch may find
        records now."""
        for listener in list(self.listeners):
            listener()

    # --- admin views ---------------------------------------------------------------------------

    def describe_share_group(self, group_id: str) -> dict | None:
        return self.share_coordinator.describe(group_id)

    def share_group_offsets(self, group_id: str) -> dict:
        return self.share_partitions.offsets(group_id)

    def describe_consumer_group(self, group_id: str) -> dict | None:
        return self.consumer_coordinator.describe(group_id)
