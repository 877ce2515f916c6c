"""The simulated brokers: logs, partitions and replication, the KRaft controller, the group
coordinators (classic, consumer protocol, share groups), the transaction coordinator, and the
request handlers through which clients reach them."""

from .cluster import BrokerCluster

__all__ = ["BrokerCluster"]
