"""What the coordinators of the Kafka 4.x groups share: membership by heartbeat, session expiry,
the group and target epochs, and the target assignment recomputed at most once per assignment
interval (GroupMetadataManager of Kafka 4.3.1 does this for consumer and share groups alike).

A subclass names its group configs (`KIND`: "consumer" or "share"), builds its members and
groups, and computes the target assignment (`_compute_target`); the heartbeat handlers differ in
what a member may ask for (static membership, server assignors) and stay in the subclasses.
"""

from __future__ import annotations

from ..protocol.api import error_code
from .javaorder import HashMap, HashSet
from .server_assignors import MemberSpec


class GroupRefused(Exception):
    """Something about a Kafka 4.x group the simulator does not reproduce; the message is German.
    The broker answers it with INVALID_REQUEST and this message."""


class GroupMember:
    __slots__ = ("member_id", "client_id", "instance_id", "topics", "epoch", "session_timer")

    def __init__(self, member_id: str, client_id: str, topics=(), instance_id: str | None = None) -> None:
        self.member_id = member_id
        self.client_id = client_id
        self.instance_id = instance_id
        self.topics: list[str] = list(topics)
        self.epoch = 0
        self.session_timer = None

    def timers(self) -> list:
        return [self.session_timer]


class Group:
    def __init__(self, group_id: str) -> None:
        self.group_id = group_id
        self.epoch = 1                    # a new group starts at epoch 1: its first member sees 2
        self.target_epoch = 0
        self.target: dict[str, dict] = {}
        self.members: dict[str, GroupMember] = {}
        self.last_assignment_ms: int | None = None


class GroupMembership:
    KIND = ""                             # "consumer" | "share": the prefix of the group configs

    def __init__(self, clock, topics, configs, emit=None) -> None:
        self.clock = clock
        self.topics = topics
        self.configs = configs
        self.groups: dict[str, Group] = {}
        # emit(kind, **fields): the structured events (events/narration.py words them).
        self.emit = emit or (lambda kind, **fields: None)

    def event(self, name: str, group: Group, **fields) -> None:
        """An event of this kind of group: share_group.<name> or consumer_group.<name>."""
        self.emit(f"{self.KIND}_group.{name}", group=group.group_id, epoch=group.epoch, **fields)

    def joined(self, group: Group, member: GroupMember, topics) -> None:
        self.event("member_joined", group, member=member.client_id, topics=list(topics or ()))

    def partitions(self, assignment: dict) -> list:
        """[[topic name, partition], …] of an assignment {topic id: partitions}, for events."""
        names = {t.topic_id: t.name for t in self.topics.by_name.values()}
        return sorted([names.get(t, str(t)), p] for t, ps in assignment.items() for p in ps)

    def setting(self, group_id: str, name: str):
        """A group config of this kind, e.g. setting(g, "session.timeout.ms")."""
        return self.configs.group(group_id, f"{self.KIND}.{name}")

    def max_size(self) -> int:
        return self.configs.broker[f"group.{self.KIND}.max.size"]

    # --- heartbeats -----------------------------------------------------------------------------

    def check_ids(self, group_id: str, member_id: str) -> str | None:
        """The error name for a heartbeat without group id or member id (the client chooses it)."""
        if not group_id:
            return "INVALID_GROUP_ID"
        if not member_id:
            return "INVALID_REQUEST"
        return None

    def known_member(self, group_id: str, member_id: str):
        """(group, member) of a member heart-beating with its epoch, or (group, None)."""
        group = self.groups.get(group_id)
        return group, (group.members.get(member_id) if group else None)

    def touch(self, group: Group, member: GroupMember) -> None:
        """A heartbeat arrived: the member's session starts over."""
        if member.session_timer is not None:
            member.session_timer.cancel()
        timeout = self.setting(group.group_id, "session.timeout.ms")
        member.session_timer = self.clock.at(self.clock.now + timeout, self._session_expired, group, member)

    def _session_expired(self, group: Group, member: GroupMember) -> None:
        if group.members.get(member.member_id) is member:
            self.remove(group, member.member_id, "session_timeout")

    def remove(self, group: Group, member_id: str, reason: str = "left") -> None:
        """The member left or timed out: the group moves to a new epoch without it.
        reason: left | session_timeout | rebalance_timeout."""
        member = group.members.pop(member_id)
        for timer in member.timers():
            if timer is not None:
                timer.cancel()
        group.target.pop(member_id, None)
        group.epoch += 1
        self.event("member_left", group, member=member.client_id, reason=reason)
        self._member_removed(group, member)

    def _member_removed(self, group: Group, member: GroupMember) -> None:
        pass

    # --- target assignment -------------------------------------------------------------------------

    def maybe_compute_target(self, group: Group) -> None:
        if group.epoch <= group.target_epoch:
            return
        interval = self.setting(group.group_id, "assignment.interval.ms")
        if group.last_assignment_ms is not None and self.clock.now < group.last_assignment_ms + interval:
            return
        group.target = self._compute_target(group)
        group.target_epoch = group.epoch
        group.last_assignment_ms = self.clock.now
        clients = {m.member_id: m.client_id for m in group.members.values()}
        self.event("target_assignment", group, assignment={
            clients[m]: self.partitions(a) for m, a in group.target.items() if m in clients})

    def _compute_target(self, group: Group) -> dict:
        raise NotImplementedError

    def member_specs(self, group: Group) -> HashMap:
        """The assignors' input: each member's subscription (topic ids) and current target, in the
        coordinator's member order."""
        members = HashMap()
        for member in group.members.values():
            topic_ids = [self.topics.by_name[t].topic_id for t in member.topics if t in self.topics.by_name]
            owned = HashMap()
            for topic_id, partitions in sorted(group.target.get(member.member_id, {}).items()):
                owned.put(topic_id, HashSet.of(sorted(partitions)))
            members.put(member.member_id, MemberSpec(member.instance_id, HashSet.of(topic_ids), owned))
        return members


def error_response(response_class, name: str, member_id: str, message: str | None = None):
    """A heartbeat's error answer: Kafka's error code, member epoch -1."""
    return response_class(error_code=error_code(name), error_message=message, member_id=member_id,
                          member_epoch=-1, heartbeat_interval_ms=0)
