"""kafka.coordinator.assignors: the assignor classes a consumer can name."""


def assignor_name(assignor) -> str:
    """The protocol name of an assignor given as class, instance or string."""
    name = assignor if isinstance(assignor, str) else getattr(assignor, "name", None)
    if name not in ("range", "roundrobin", "sticky"):
        from ....errors import KafkaConfigurationError
        if name == "cooperative-sticky":
            raise KafkaConfigurationError(
                "CooperativeStickyPartitionAssignor (inkrementelles Rebalancing) kann der Simulator nicht; "
                "nehmen Sie StickyPartitionAssignor, RangePartitionAssignor oder RoundRobinPartitionAssignor.")
        raise KafkaConfigurationError(
            f"Unbekannter Partition-Assignor {assignor!r}: der Simulator kennt range, roundrobin und sticky.")
    return name
