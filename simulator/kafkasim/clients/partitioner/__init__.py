from .abc import Partitioner
from .default import DefaultPartitioner, murmur2
from .sticky import StickyPartitioner

__all__ = ["Partitioner", "DefaultPartitioner", "StickyPartitioner", "murmur2"]
