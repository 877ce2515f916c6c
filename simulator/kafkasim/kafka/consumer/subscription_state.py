"""Rebalance listener interfaces (kafka.consumer.subscription_state)."""

from abc import ABC, abstractmethod


class ConsumerRebalanceListener(ABC):
    @abstractmethod
    def on_partitions_revoked(self, revoked):
        ...

    @abstractmethod
    def on_partitions_assigned(self, assigned):
        ...

    def on_partitions_lost(self, lost):
        return self.on_partitions_revoked(lost)


class AsyncConsumerRebalanceListener(ConsumerRebalanceListener):
    pass
