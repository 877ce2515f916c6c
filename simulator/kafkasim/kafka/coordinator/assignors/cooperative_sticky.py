"""CooperativeStickyPartitionAssignor: importable, but the simulator only runs eager rebalancing."""

from .abstract import AbstractPartitionAssignor


class CooperativeStickyPartitionAssignor(AbstractPartitionAssignor):
    # A name the simulator's consumer rejects with a German explanation (see assignor_name).
    name = "cooperative-sticky"
    version = 0

    @classmethod
    def assign(cls, cluster, members):
        raise NotImplementedError("Kooperatives Rebalancing kann der Simulator nicht.")

    @classmethod
    def metadata(cls, topics):
        return list(topics)

    @classmethod
    def on_assignment(cls, assignment, generation):
        pass
