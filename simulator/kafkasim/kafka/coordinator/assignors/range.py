"""kafka.coordinator.assignors.range"""

from ....clients.coordinator.assignors.range import RangePartitionAssignor  # noqa: F401
