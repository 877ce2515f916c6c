"""Group values of kafka.admin: MemberToRemove (remove_group_members), GroupState and GroupType
(the states and protocol types a broker reports for a group), as kafka-python 3.0.12 has them."""

from enum import Enum


class _EnumHelper:
    """kafka-python's EnumHelper: build a member from itself, its value or its name."""

    @classmethod
    def build_from(cls, val):
        if isinstance(val, cls):
            return val
        try:
            return cls(val)
        except ValueError:
            pass
        try:
            return cls[str(val).strip().upper().replace("-", "_")]
        except KeyError:
            raise ValueError(f"Unrecognized {cls.__name__}: {val}") from None


class MemberToRemove:
    """A member for KafkaAdminClient.remove_group_members: member_id (dynamic member) and/or
    group_instance_id (static member), with an optional reason."""
    __slots__ = ("member_id", "group_instance_id", "reason")

    def __init__(self, member_id=None, group_instance_id=None, reason=None):
        self.member_id = member_id
        self.group_instance_id = group_instance_id
        self.reason = reason

    def __repr__(self):
        return "<MemberToRemove member_id={}, group_instance_id={}, reason={}>".format(
            self.member_id, self.group_instance_id, self.reason)

    def __eq__(self, other):
        return (self.member_id, self.group_instance_id, self.reason) == \
            (other.member_id, other.group_instance_id, other.reason)

    def __hash__(self):
        return hash((self.member_id, self.group_instance_id, self.reason))


class GroupState(_EnumHelper, str, Enum):
    UNKNOWN = "Unknown"
    PREPARING_REBALANCE = "PreparingRebalance"
    COMPLETING_REBALANCE = "CompletingRebalance"
    STABLE = "Stable"
    DEAD = "Dead"
    EMPTY = "Empty"
    ASSIGNING = "Assigning"
    RECONCILING = "Reconciling"


class GroupType(_EnumHelper, str, Enum):
    UNKNOWN = "Unknown"
    CLASSIC = "classic"
    CONSUMER = "consumer"
    SHARE = "share"
