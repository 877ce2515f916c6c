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
