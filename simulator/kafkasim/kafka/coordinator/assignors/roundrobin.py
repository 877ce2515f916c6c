"""kafka.coordinator.assignors.roundrobin"""

from ....clients.coordinator.assignors.roundrobin import RoundRobinPartitionAssignor  # noqa: F401
