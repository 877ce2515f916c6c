"""StickyPartitionAssignor: balanced, and keeps partitions where they were across rebalances."""

from ..abstract import AbstractPartitionAssignor


class StickyPartitionAssignor(AbstractPartitionAssignor):
    name = "sticky"
    version = 1

    @classmethod
    def assign(cls, cluster, members):
        raise NotImplementedError("Im Simulator verteilt die Consumer-Gruppe die Partitionen selbst.")

    @classmethod
    def metadata(cls, topics):
        return list(topics)

    @classmethod
    def on_assignment(cls, assignment, generation):
        pass
