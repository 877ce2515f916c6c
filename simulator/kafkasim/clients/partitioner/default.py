"""kafka.partitioner.default: murmur2 for keyed records, a random available partition otherwise."""

import random

from .murmur2 import murmur2
from .abc import Partitioner

__all__ = ["DefaultPartitioner", "murmur2"]


class DefaultPartitioner(Partitioner):
    def partition(self, topic, key, serialized_key, value, serialized_value, cluster):
        if topic not in cluster.topics():
            raise ValueError("Topic %s not found in ClusterMetadata" % (topic,))
        all_partitions = sorted(cluster.partitions_for_topic(topic))
        available = list(cluster.available_partitions_for_topic(topic))
        if serialized_key is not None:
            return all_partitions[(murmur2(serialized_key) & 0x7FFFFFFF) % len(all_partitions)]
        # kafka-python draws from the `random` module; in the simulator the cluster's seeded
        # generator takes its place so a run repeats with its seed.
        rng = getattr(cluster, "rng", random)
        return rng.choice(available if available else all_partitions)
