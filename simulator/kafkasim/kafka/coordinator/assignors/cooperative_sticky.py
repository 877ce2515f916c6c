"""kafka.coordinator.assignors.cooperative_sticky"""

from ....clients.coordinator.assignors.cooperative_sticky import CooperativeStickyAssignor  # noqa: F401
