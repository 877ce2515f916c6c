"""The client's view of cluster metadata (kafka.cluster.ClusterMetadata's methods a partitioner uses)."""

from __future__ import annotations


class ClusterMetadata:
    def __init__(self, cluster) -> None:
        self._cluster = cluster
        self.rng = cluster.kernel.rng

    def topics(self, exclude_internal_topics=True):
        return set(self._cluster.topics)

    def partitions_for_topic(self, topic):
        t = self._cluster.topics.get(topic)
        return None if t is None else set(range(len(t.partitions)))

    def available_partitions_for_topic(self, topic):
        t = self._cluster.topics.get(topic)
        return None if t is None else {p.index for p in t.partitions if p.leader_alive()}

    def leader_for_partition(self, partition):
        p = self._cluster.partition(partition.topic, partition.partition)
        return None if p is None else p.leader

    def brokers(self):
        return {b.id for b in self._cluster.brokers.values() if b.state == "running"}
