"""The share-group side of the group coordinator: membership by ShareGroupHeartbeat, the
server-side assignment (simple assignor), the initialization of share-partitions.

As in Kafka 4.3.1:
* A member joins with epoch 0 and a client-chosen member id, leaves with epoch -1, and is
  removed when it sends no heartbeat for `share.session.timeout.ms`.
* Joining, leaving and a changed subscription bump the group epoch. A new group's first bump
  makes it epoch 2 (observed on 4.3.1: the group is created at epoch 1).
* Partitions are assignable only once the share coordinator has initialized their state
  (InitializeShareGroupState); the first member of a new group therefore starts with an empty
  assignment, and the completed initialization bumps the epoch once more.
* The target assignment is recomputed on a heartbeat when the group epoch moved on and
  `share.assignment.interval.ms` has passed since the last computation. Share groups have no
  revocation: a member takes its target assignment with its next heartbeat.
"""

from __future__ import annotations

from ..messages import ERROR_CODES, ShareGroupHeartbeatResponse
from .assignors import GroupSpec, MemberSpec, PartitionAssignorError, UnsupportedAssignment, simple_assign, \
    subscription_type
from .javaorder import HashMap, HashSet

# How long InitializeShareGroupState takes once the share coordinator's state topic exists.
INITIALIZE_MS = 5


class ShareMember:
    __slots__ = ("member_id", "client_id", "topics", "epoch", "assignment", "last_heartbeat", "timer")

    def __init__(self, member_id: str, client_id: str, topics: list[str]) -> None:
        self.member_id = member_id
        self.client_id = client_id
        self.topics = list(topics)
        self.epoch = 0
        self.assignment: dict = {}
        self.last_heartbeat = 0
        self.timer = None


class ShareGroup:
    def __init__(self, group_id: str) -> None:
        self.group_id = group_id
        self.epoch = 1
        self.target_epoch = 0
        self.target: dict[str, dict] = {}
        self.members: dict[str, ShareMember] = {}
        self.initialized: dict = {}      # topic id → partitions whose share state exists
        self.initializing: set = set()   # (topic id, partition)
        self.last_assignment_ms: int | None = None

    @property
    def state(self) -> str:
        return "Empty" if not self.members else "Stable"


class ShareCoordinator:
    def __init__(self, clock, topics, configs, on_member_gone=None) -> None:
        self.clock = clock
        self.topics = topics
        self.configs = configs
        self.groups: dict[str, ShareGroup] = {}
        # Called with (group id, member id) when a member leaves or times out: its records go back.
        self.on_member_gone = on_member_gone or (lambda group_id, member_id: None)

    def heartbeat(self, request, client_id: str = "") -> ShareGroupHeartbeatResponse:
        group_id, member_id, epoch = request.group_id, request.member_id, request.member_epoch
        interval = self.configs.group(group_id, "share.heartbeat.interval.ms")
        if not group_id:
            return _error("INVALID_GROUP_ID", member_id)
        if not member_id:
            return _error("INVALID_REQUEST", member_id, "Ein Share-Consumer wählt seine Member-ID selbst.")
        group = self.groups.get(group_id)
        bump = False
        if epoch == 0:
            if group is None:
                group = self.groups[group_id] = ShareGroup(group_id)
            member = group.members.get(member_id)
            if member is None:
                if len(group.members) >= self.configs.broker["group.share.max.size"]:
                    return _error("GROUP_MAX_SIZE_REACHED", member_id)
                member = group.members[member_id] = ShareMember(member_id, client_id, request.subscribed_topic_names or [])
                bump = True
        elif epoch == -1:
            if group is None or member_id not in group.members:
                return _error("UNKNOWN_MEMBER_ID", member_id)
            self._remove(group, member_id)
            return ShareGroupHeartbeatResponse(member_id=member_id, member_epoch=-1, heartbeat_interval_ms=interval)
        else:
            member = group.members.get(member_id) if group else None
            if member is None:
                return _error("UNKNOWN_MEMBER_ID", member_id)
            if epoch != member.epoch:
                return _error("FENCED_MEMBER_EPOCH", member_id)
        topics = request.subscribed_topic_names
        if topics is not None and list(topics) != member.topics:
            member.topics = list(topics)
            bump = True
        self._touch(group, member)
        if bump:
            group.epoch += 1
        self._initialize_partitions(group)
        self._maybe_compute_target(group)
        changed = False
        if member.epoch != group.target_epoch:
            member.epoch = group.target_epoch
            new_assignment = group.target.get(member_id, {})
            changed = new_assignment != member.assignment or epoch == 0
            member.assignment = new_assignment
        elif epoch == 0:
            changed = True
        assignment = sorted((t, sorted(ps)) for t, ps in member.assignment.items()) if changed else None
        return ShareGroupHeartbeatResponse(member_id=member_id, member_epoch=member.epoch,
                                           heartbeat_interval_ms=interval, assignment=assignment)

    # --- membership ---------------------------------------------------------------------------

    def _touch(self, group: ShareGroup, member: ShareMember) -> None:
        member.last_heartbeat = self.clock.now
        if member.timer is not None:
            member.timer.cancel()
        timeout = self.configs.group(group.group_id, "share.session.timeout.ms")
        member.timer = self.clock.at(self.clock.now + timeout, self._session_expired, group, member)

    def _session_expired(self, group: ShareGroup, member: ShareMember) -> None:
        if group.members.get(member.member_id) is member:
            self._remove(group, member.member_id)

    def _remove(self, group: ShareGroup, member_id: str) -> None:
        member = group.members.pop(member_id)
        if member.timer is not None:
            member.timer.cancel()
        group.target.pop(member_id, None)
        group.epoch += 1
        self.on_member_gone(group.group_id, member_id)

    # --- share-partition initialization and assignment -----------------------------------------

    def _subscribed(self, group: ShareGroup) -> list:
        result = []
        for name in sorted({t for m in group.members.values() for t in m.topics}):
            topic = self.topics.by_name.get(name)
            if topic is not None:
                result += [(topic.topic_id, p) for p in range(len(topic.partitions))]
        return result

    def _initialize_partitions(self, group: ShareGroup) -> None:
        todo = [tp for tp in self._subscribed(group)
                if tp[1] not in group.initialized.get(tp[0], ()) and tp not in group.initializing]
        if todo:
            group.initializing.update(todo)
            self.clock.at(self.clock.now + INITIALIZE_MS, self._initialized, group, todo)

    def _initialized(self, group: ShareGroup, partitions: list) -> None:
        for topic_id, partition in partitions:
            group.initializing.discard((topic_id, partition))
            group.initialized.setdefault(topic_id, set()).add(partition)
        group.epoch += 1

    def _maybe_compute_target(self, group: ShareGroup) -> None:
        if group.epoch <= group.target_epoch:
            return
        interval = self.configs.group(group.group_id, "share.assignment.interval.ms")
        if group.last_assignment_ms is not None and self.clock.now < group.last_assignment_ms + interval:
            return
        group.target = self._assign(group)
        group.target_epoch = group.epoch
        group.last_assignment_ms = self.clock.now

    def _assign(self, group: ShareGroup) -> dict:
        members = HashMap()
        for member in group.members.values():
            topic_ids = [self.topics.by_name[t].topic_id for t in member.topics if t in self.topics.by_name]
            owned = HashMap()
            for topic_id, partitions in sorted(group.target.get(member.member_id, {}).items()):
                owned.put(topic_id, HashSet.of(sorted(partitions)))
            members.put(member.member_id, MemberSpec(None, HashSet.of(topic_ids), owned))
        kind = subscription_type([m.subscribed_topic_ids for m in members.values()])
        spec = GroupSpec(members, kind, {t: set(ps) for t, ps in group.initialized.items()})
        try:
            return simple_assign(spec, self.topics.num_partitions)
        except UnsupportedAssignment:
            raise SharedGroupRefused(
                "Die Mitglieder dieser Share-Gruppe abonnieren verschiedene Topics; diese Verteilung "
                "bildet der Simulator nicht nach. Bitte alle Mitglieder dasselbe Topic lesen lassen.") from None
        except PartitionAssignorError as error:
            raise SharedGroupRefused(f"Der Assignor von Kafka scheitert hier ({error.java_class}).") from None

    # --- admin views (ShareGroupDescribe) ---------------------------------------------------------

    def describe(self, group_id: str) -> dict | None:
        group = self.groups.get(group_id)
        if group is None:
            return None
        return {"group_id": group_id, "state": group.state, "epoch": group.epoch,
                "target_epoch": group.target_epoch,
                "members": [{"member_id": m.member_id, "client_id": m.client_id, "epoch": m.epoch,
                             "assignment": {t: sorted(ps) for t, ps in m.assignment.items()}}
                            for m in group.members.values()]}


class SharedGroupRefused(Exception):
    """Something about a share group the simulator does not reproduce; the message is German."""


def _error(name: str, member_id: str, message: str | None = None) -> ShareGroupHeartbeatResponse:
    return ShareGroupHeartbeatResponse(error_code=ERROR_CODES[name], error_message=message, member_id=member_id,
                                       member_epoch=-1, heartbeat_interval_ms=0)
