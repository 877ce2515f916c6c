"""kafka.partitioner.default"""

from ...clients.partitioner.default import DefaultPartitioner, murmur2  # noqa: F401

__all__ = ["DefaultPartitioner", "murmur2"]
