"""kafka.admin._partitions"""

from ...clients.admin._partitions import NewPartitions, OffsetSpec, OffsetTimestamp  # noqa: F401
