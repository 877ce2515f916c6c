"""kafka.coordinator.assignors.cooperative_sticky: importable, but the simulator only rebalances
eagerly (incremental cooperative rebalancing, KIP-429, is not simulated yet)."""

from .sticky.sticky_assignor import StickyPartitionAssignor


class CooperativeStickyPartitionAssignor(StickyPartitionAssignor):
    # The consumer refuses this name with a German explanation (see assignors/__init__.py).
    name = "cooperative-sticky"
