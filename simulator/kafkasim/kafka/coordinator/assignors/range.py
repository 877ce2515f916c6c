"""RangePartitionAssignor: per topic, contiguous ranges; the first members get one more."""

from .abstract import AbstractPartitionAssignor


class RangePartitionAssignor(AbstractPartitionAssignor):
    name = "range"
    version = 0

    @classmethod
    def assign(cls, cluster, members):
        raise NotImplementedError("Im Simulator verteilt die Consumer-Gruppe die Partitionen selbst.")

    @classmethod
    def metadata(cls, topics):
        return list(topics)

    @classmethod
    def on_assignment(cls, assignment, generation):
        pass
