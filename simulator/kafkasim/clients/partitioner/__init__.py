from .abc import Partitioner
from .default import DefaultPartitioner, murmur2

__all__ = ["Partitioner", "DefaultPartitioner", "murmur2"]
