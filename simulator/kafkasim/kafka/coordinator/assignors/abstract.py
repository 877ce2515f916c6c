"""kafka.coordinator.assignors.abstract."""

from abc import ABC, abstractmethod


class AbstractPartitionAssignor(ABC):
    @property
    @abstractmethod
    def name(self):
        ...

    @abstractmethod
    def assign(self, cluster, members):
        ...

    @abstractmethod
    def metadata(self, topics):
        ...

    @abstractmethod
    def on_assignment(self, assignment, generation):
        ...


class GroupComputedAssignor(AbstractPartitionAssignor):
    """The built-in assignors as learner code sees them: names to pass in
    partition_assignment_strategy. The simulated group computes the assignment itself
    (kafkasim.assignors), so calling assign() here is a mistake worth a clear message."""

    version = 0
    unsupported = "Im Simulator verteilt die Consumer-Gruppe die Partitionen selbst."

    @classmethod
    def assign(cls, cluster, members):
        raise NotImplementedError(cls.unsupported)

    @classmethod
    def metadata(cls, topics):
        return list(topics)

    @classmethod
    def on_assignment(cls, assignment, generation):
        pass
