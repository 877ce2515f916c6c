"""kafka.partitioner.sticky: KIP-480's sticky partitioner, opt-in in kafka-python 3.

Keyed records are hashed as by DefaultPartitioner; records without a key stay on one partition per
topic until the producer is about to open a new batch there (`on_new_batch`), then move to another
available one. The draw uses the cluster's seeded generator, so a run repeats with its seed.
"""

import random

from .default import DefaultPartitioner

__all__ = ["StickyPartitioner"]


class StickyPartitioner(DefaultPartitioner):
    def __init__(self):
        self._sticky = {}        # topic -> partition id

    def partition(self, topic, key, serialized_key, value, serialized_value, cluster):
        if topic not in cluster.topics():
            raise ValueError("Topic %s not found in ClusterMetadata" % (topic,))
        if serialized_key is not None:
            return super().partition(topic, key, serialized_key, value, serialized_value, cluster)
        partition = self._sticky.get(topic)
        if partition is not None:
            available = list(cluster.available_partitions_for_topic(topic))
            if (partition in available) if available else (partition in cluster.partitions_for_topic(topic)):
                return partition
        return self._pick(topic, cluster)

    def on_new_batch(self, topic, cluster, prev_partition):
        """The producer is about to open a new batch on `prev_partition`: stick to another one."""
        if self._sticky.get(topic) == prev_partition:
            self._pick(topic, cluster, avoid=prev_partition)

    def _pick(self, topic, cluster, avoid=None):
        all_partitions = cluster.partitions_for_topic(topic)
        if not all_partitions:
            return None
        rng = getattr(cluster, "rng", random)
        available = list(cluster.available_partitions_for_topic(topic) or ())
        if available:
            candidates = [p for p in available if p != avoid] or available
            partition = candidates[0] if len(available) == 1 else rng.choice(candidates)
        else:
            partition = rng.choice(sorted(all_partitions))
        self._sticky[topic] = partition
        return partition
