"""kafka.admin._groups"""

from ...clients.admin._groups import GroupState, GroupType, MemberToRemove  # noqa: F401
