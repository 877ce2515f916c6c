"""NewPartitions, OffsetSpec and OffsetTimestamp (kafka.admin)."""

from enum import IntEnum


class NewPartitions:
    """The new total partition count of an existing topic."""

    def __init__(self, total_count, new_assignments=None):
        self.total_count = total_count
        self.new_assignments = new_assignments


class OffsetSpec(IntEnum):
    LATEST = -1
    EARLIEST = -2
    MAX_TIMESTAMP = -3
    EARLIEST_LOCAL = -4
    LATEST_TIERED = -5


class IsolationLevel(IntEnum):
    """Which records a consumer or an offset lookup sees: all, or only committed transactions'."""
    READ_UNCOMMITTED = 0
    READ_COMMITTED = 1


class OffsetTimestamp(int):
    """A millisecond timestamp: look up the first offset whose record timestamp is at least this."""
    __slots__ = ()

    def __repr__(self):
        return f"OffsetTimestamp({int(self)})"
