"""StickyPartitionAssignor: balanced, and keeps partitions where they were across rebalances."""

from ..abstract import GroupComputedAssignor


class StickyPartitionAssignor(GroupComputedAssignor):
    name = "sticky"
    version = 1
