"""RoundRobinPartitionAssignor: all partitions, sorted, dealt to the members in turn."""

from .abstract import AbstractPartitionAssignor


class RoundRobinPartitionAssignor(AbstractPartitionAssignor):
    name = "roundrobin"
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
