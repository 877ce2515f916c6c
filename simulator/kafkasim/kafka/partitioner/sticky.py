"""kafka.partitioner.sticky"""

from ...clients.partitioner.sticky import StickyPartitioner  # noqa: F401
