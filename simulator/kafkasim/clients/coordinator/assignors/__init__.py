"""kafka.coordinator.assignors: the assignor classes a consumer can name, and how the consumer
turns partition_assignment_strategy into assignor instances."""

from __future__ import annotations

from .... import errors as Errors
from .abstract import AbstractPartitionAssignor
from .range import RangePartitionAssignor
from .roundrobin import RoundRobinPartitionAssignor
from .sticky.sticky_assignor import StickyPartitionAssignor

BUILT_IN = {"range": RangePartitionAssignor, "roundrobin": RoundRobinPartitionAssignor,
            "sticky": StickyPartitionAssignor}


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
        if name == "cooperative-sticky":
            raise Errors.KafkaConfigurationError(
                "CooperativeStickyPartitionAssignor (inkrementelles Rebalancing) kann der Simulator noch nicht; "
                "nehmen Sie StickyPartitionAssignor, RangePartitionAssignor oder RoundRobinPartitionAssignor.")
        if not isinstance(name, str):
            _refuse(entry, name)
        out.append(entry() if isinstance(entry, type) else entry)
    return out


def _refuse(entry, name):
    raise Errors.KafkaConfigurationError(
        f"Unbekannter Partition-Assignor {entry!r}: erwartet wird eine Klasse wie RangePartitionAssignor "
        f"(Name {name!r}).")


__all__ = ["AbstractPartitionAssignor", "RangePartitionAssignor", "RoundRobinPartitionAssignor",
           "StickyPartitionAssignor", "assignor_instances"]
