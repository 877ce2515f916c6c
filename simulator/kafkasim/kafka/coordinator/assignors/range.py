"""RangePartitionAssignor: per topic, contiguous ranges; the first members get one more."""

from .abstract import GroupComputedAssignor


class RangePartitionAssignor(GroupComputedAssignor):
    name = "range"
