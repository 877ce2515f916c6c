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

from ..protocol.share import ShareGroupHeartbeatResponse
from .group_membership import Group, GroupMember, GroupMembership, GroupRefused, error_response
from .server_assignors import GroupSpec, PartitionAssignorError, UnsupportedAssignment, simple_assign, \
    subscription_type

# How long InitializeShareGroupState takes once the share coordinator's state topic exists.
INITIALIZE_MS = 5


class ShareMember(GroupMember):
    __slots__ = ("assignment",)

    def __init__(self, member_id: str, client_id: str, topics) -> None:
        super().__init__(member_id, client_id, topics)
        self.assignment: dict = {}


class ShareGroup(Group):
    def __init__(self, group_id: str) -> None:
        super().__init__(group_id)
        self.initialized: dict = {}      # topic id → partitions whose share state exists
        self.initializing: set = set()   # (topic id, partition)

    @property
    def state(self) -> str:
        return "Empty" if not self.members else "Stable"


class ShareCoordinator(GroupMembership):
    KIND = "share"

    def __init__(self, clock, topics, configs, on_member_gone=None, emit=None) -> None:
        super().__init__(clock, topics, configs, emit)
        # Called with (group id, member id) when a member leaves or times out: its records go back.
        self.on_member_gone = on_member_gone or (lambda group_id, member_id: None)

    def heartbeat(self, request, client_id: str = "") -> ShareGroupHeartbeatResponse:
        group_id, member_id, epoch = request.group_id, request.member_id, request.member_epoch
        interval = self.setting(group_id, "heartbeat.interval.ms")
        refused = self.check_ids(group_id, member_id)
        if refused:
            message = "Ein Share-Consumer wählt seine Mitglieds-ID selbst." if refused == "INVALID_REQUEST" else None
            return _error(refused, member_id, message)
        bump = False
        if epoch == 0:
            group = self.groups.get(group_id)
            if group is None:
                group = self.groups[group_id] = ShareGroup(group_id)
            member = group.members.get(member_id)
            if member is None:
                if len(group.members) >= self.max_size():
                    return _error("GROUP_MAX_SIZE_REACHED", member_id)
                member = group.members[member_id] = ShareMember(member_id, client_id,
                                                                request.subscribed_topic_names or [])
                self.joined(group, member, member.topics)
                bump = True
        elif epoch == -1:
            group, member = self.known_member(group_id, member_id)
            if member is None:
                return _error("UNKNOWN_MEMBER_ID", member_id)
            self.remove(group, member_id)
            return ShareGroupHeartbeatResponse(member_id=member_id, member_epoch=-1, heartbeat_interval_ms=interval)
        else:
            group, member = self.known_member(group_id, member_id)
            if member is None:
                return _error("UNKNOWN_MEMBER_ID", member_id)
            if epoch != member.epoch:
                return _error("FENCED_MEMBER_EPOCH", member_id)
        topics = request.subscribed_topic_names
        if topics is not None and list(topics) != member.topics:
            member.topics = list(topics)
            bump = True
        self.touch(group, member)
        if bump:
            group.epoch += 1
        self._initialize_partitions(group)
        self.maybe_compute_target(group)
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

    def _member_removed(self, group: ShareGroup, member: ShareMember) -> None:
        self.on_member_gone(group.group_id, member.member_id)

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

    def _compute_target(self, group: ShareGroup) -> dict:
        members = self.member_specs(group)
        kind = subscription_type([m.subscribed_topic_ids for m in members.values()])
        spec = GroupSpec(members, kind, {t: set(ps) for t, ps in group.initialized.items()})
        try:
            return simple_assign(spec, self.topics.num_partitions)
        except UnsupportedAssignment:
            raise GroupRefused(
                "Die Mitglieder dieser Share-Gruppe abonnieren verschiedene Topics; diese Verteilung "
                "bildet der Simulator nicht nach. Bitte alle Mitglieder dasselbe Topic lesen lassen.") from None
        except PartitionAssignorError as error:
            raise GroupRefused(f"Der Assignor von Kafka scheitert hier ({error.java_class}).") from None

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


def _error(name: str, member_id: str, message: str | None = None) -> ShareGroupHeartbeatResponse:
    return error_response(ShareGroupHeartbeatResponse, name, member_id, message)
