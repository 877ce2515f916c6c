"""kafka.coordinator.assignors.sticky.sticky_assignor"""

from .....clients.coordinator.assignors.sticky.sticky_assignor import StickyPartitionAssignor  # noqa: F401
