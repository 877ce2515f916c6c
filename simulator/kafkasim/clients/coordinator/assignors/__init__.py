"""kafka.coordinator.assignors: the assignor classes a consumer can name, and how the consumer
turns partition_assignment_strategy into assignor instances."""

from __future__ import annotations

from .... import errors as Errors
from .abstract import AbstractPartitionAssignor, RebalanceProtocol
from .cooperative_sticky import CooperativeStickyAssignor
from .range import RangePartitionAssignor
from .roundrobin import RoundRobinPartitionAssignor
from .sticky.sticky_assignor import StickyPartitionAssignor

BUILT_IN = {"range": RangePartitionAssignor, "roundrobin": RoundRobinPartitionAssignor,
            "sticky": StickyPartitionAssignor, "cooperative-sticky": CooperativeStickyAssignor}


def assignor_instances(strategy) -> list:
    """One instance per entry (classes are instantiated, as kafka-python does); names of the
    built-in assignors are accepted too."""
    out = []
    for entry in strategy:
        if isinstance(entry, str):
            cls = BUILT_IN.get(entry)
            if cls is None:
                _refuse(entry, entry)
            entry = cls
        name = getattr(entry, "name", None)
        if not isinstance(name, str):
            _refuse(entry, name)
        out.append(entry() if isinstance(entry, type) else entry)
    return out


def rebalance_protocol(assignors: list) -> RebalanceProtocol:
    """The one protocol every configured assignor supports, the highest if several (kafka-python's
    ConsumerCoordinator._validate_rebalance_protocol, with its message)."""
    by_name = {a.name: a for a in assignors}
    if not by_name:
        return RebalanceProtocol.EAGER
    common = None
    for assignor in by_name.values():
        supported = set(assignor.supported_protocols())
        common = supported if common is None else common & supported
    if not common:
        raise Errors.KafkaConfigurationError(
            "Specified partition_assignment_strategy assignors %s do not support a common RebalanceProtocol. "
            "Mixing EAGER and COOPERATIVE assignors in a single consumer is not supported." % (list(by_name),))
    return max(common)


def _refuse(entry, name):
    raise Errors.KafkaConfigurationError(
        f"Unbekannter Partition-Assignor {entry!r}: erwartet wird eine Klasse wie RangePartitionAssignor "
        f"(Name {name!r}).")


__all__ = ["AbstractPartitionAssignor", "CooperativeStickyAssignor", "RangePartitionAssignor",
           "RebalanceProtocol", "RoundRobinPartitionAssignor",
           "StickyPartitionAssignor", "assignor_instances", "rebalance_protocol"]
