"""RoundRobinPartitionAssignor: all partitions, sorted, dealt to the members in turn."""

from .abstract import GroupComputedAssignor


class RoundRobinPartitionAssignor(GroupComputedAssignor):
    name = "roundrobin"
