"""The client's view of cluster metadata (kafka.cluster.ClusterMetadata's methods a partitioner uses).

Answers are cached until the cluster's metadata changes, because the default partitioner asks
for every single record.
"""

from __future__ import annotations


class ClusterMetadata:
    def __init__(self, cluster) -> None:
        self._cluster = cluster
        self.rng = cluster.kernel.rng
        self._version = -1
        self._cache: dict = {}

    def _cached(self, key, compute):
        cluster = self._cluster
        if self._version != cluster.metadata_version:
            self._version = cluster.metadata_version
            self._cache.clear()
        value = self._cache.get(key)
        if value is None:
            value = self._cache[key] = compute()
        return value

    def topics(self, exclude_internal_topics=True):
        return self._cached("topics", lambda: frozenset(self._cluster.topics))

    def partitions_for_topic(self, topic):
        def compute():
            t = self._cluster.topics.get(topic)
            return False if t is None else frozenset(range(len(t.partitions)))
        return self._cached(("all", topic), compute) or None

    def available_partitions_for_topic(self, topic):
        # kafka-python counts a partition as available while the metadata names a leader (id != -1),
        # also a crashed broker the controller has not fenced yet: a keyless record may go there
        # and then waits in the accumulator until a new leader is elected.
        def compute():
            t = self._cluster.topics.get(topic)
            return False if t is None else frozenset(p.index for p in t.partitions if p.leader is not None)
        value = self._cached(("available", topic), compute)
        return None if value is False else value

    def leader_for_partition(self, partition):
        p = self._cluster.partition(partition.topic, partition.partition)
        return None if p is None else p.leader

    def brokers(self):
        return {b.id for b in self._cluster.brokers.values() if b.state == "running"}
