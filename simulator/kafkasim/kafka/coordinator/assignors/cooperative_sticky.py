"""CooperativeStickyPartitionAssignor: importable, but the simulator only runs eager rebalancing."""

from .abstract import GroupComputedAssignor


class CooperativeStickyPartitionAssignor(GroupComputedAssignor):
    # A name the simulator's consumer rejects with a German explanation (see assignor_name).
    name = "cooperative-sticky"
    unsupported = "Kooperatives Rebalancing kann der Simulator nicht."
