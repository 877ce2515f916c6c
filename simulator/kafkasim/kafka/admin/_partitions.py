"""kafka.admin._partitions"""

from ...clients.admin._partitions import IsolationLevel, NewPartitions, OffsetSpec, OffsetTimestamp  # noqa: F401
