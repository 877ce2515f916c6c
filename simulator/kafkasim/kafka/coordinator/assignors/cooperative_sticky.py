"""kafka.coordinator.assignors.cooperative_sticky"""

from ....clients.coordinator.assignors.cooperative_sticky import CooperativeStickyPartitionAssignor  # noqa: F401,E501
