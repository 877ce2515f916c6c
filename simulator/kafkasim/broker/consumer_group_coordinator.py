"""The consumer group protocol of KIP-848 (ConsumerGroupHeartbeat) on the group coordinator.

As in Kafka 4.3.1 (GroupMetadataManager, CurrentAssignmentBuilder):
* Members join with epoch 0 and a client-chosen member id and leave with epoch -1. Joining,
  leaving and changing the subscription or the server assignor bump the group epoch (a new
  group starts at epoch 1, so its first member sees epoch 2).
* The broker computes the target assignment with a server-side assignor (the members' choice
  `group.remote.assignor`, else the first of `group.consumer.assignors`: uniform), at most once
  per `consumer.assignment.interval.ms`.
* Each member is reconciled on its own heartbeats, never as a group: partitions it must give up
  are revoked first (it stays in its epoch, state UNREVOKED_PARTITIONS, until its heartbeat no
  longer lists them); partitions still owned by another member are assigned once released
  (UNRELEASED_PARTITIONS); all other members keep consuming meanwhile.
"""

from __future__ import annotations

from ..protocol.groups import ConsumerGroupHeartbeatResponse
from .group_membership import Group, GroupMember, GroupMembership, GroupRefused, error_response
from .server_assignors import ASSIGNORS, GroupSpec, PartitionAssignorError, UnsupportedAssignment, \
    subscription_type

STABLE = "STABLE"
UNREVOKED_PARTITIONS = "UNREVOKED_PARTITIONS"
UNRELEASED_PARTITIONS = "UNRELEASED_PARTITIONS"


class ConsumerMember(GroupMember):
    __slots__ = ("server_assignor", "rebalance_timeout_ms", "previous_epoch", "state", "assigned", "revoking",
                 "rebalance_timer")

    def __init__(self, member_id: str, client_id: str, instance_id: str | None) -> None:
        super().__init__(member_id, client_id, instance_id=instance_id)
        self.server_assignor: str | None = None
        self.rebalance_timeout_ms = 300000
        self.previous_epoch = -1
        self.state = STABLE
        self.assigned: dict = {}      # topic id → set, what the member owns now
        self.revoking: dict = {}      # topic id → set, what it must give up first
        self.rebalance_timer = None

    def timers(self) -> list:
        return [self.session_timer, self.rebalance_timer]


class ConsumerGroup(Group):
    def __init__(self, group_id: str) -> None:
        super().__init__(group_id)
        self.metadata: dict[str, int] = {}   # subscribed topic → partitions, when last computed
        self.assignor_name: str | None = None

    @property
    def state(self) -> str:
        if not self.members:
            return "Empty"
        if self.epoch != self.target_epoch:
            return "Assigning"
        if any(m.epoch != self.target_epoch or m.state != STABLE for m in self.members.values()):
            return "Reconciling"
        return "Stable"


class ConsumerGroupCoordinator(GroupMembership):
    KIND = "consumer"

    def heartbeat(self, request, client_id: str = "") -> ConsumerGroupHeartbeatResponse:
        group_id, member_id, epoch = request.group_id, request.member_id, request.member_epoch
        interval = self.setting(group_id, "heartbeat.interval.ms")
        refused = self.check_ids(group_id, member_id)
        if refused:
            return _error(refused, member_id)
        if request.server_assignor is not None and request.server_assignor not in self.configs.broker["group.consumer.assignors"]:
            return _error("UNSUPPORTED_ASSIGNOR", member_id)
        bump = False
        if epoch == 0:
            group = self.groups.get(group_id)
            if group is None:
                group = self.groups[group_id] = ConsumerGroup(group_id)
            member = group.members.get(member_id)
            if member is None:
                if request.instance_id is not None and any(
                        m.instance_id == request.instance_id for m in group.members.values()):
                    return _error("UNRELEASED_INSTANCE_ID", member_id)
                if len(group.members) >= self.max_size():
                    return _error("GROUP_MAX_SIZE_REACHED", member_id)
                member = group.members[member_id] = ConsumerMember(member_id, client_id, request.instance_id)
                self.joined(group, member, request.subscribed_topic_names)
                bump = True
        elif epoch in (-1, -2):
            if request.instance_id is not None and epoch == -2:
                raise GroupRefused("Statische Mitglieder, die nur vorübergehend gehen (Epoche -2), bildet der "
                                   "Simulator noch nicht nach.")
            group, member = self.known_member(group_id, member_id)
            if member is None:
                return _error("UNKNOWN_MEMBER_ID", member_id)
            self.remove(group, member_id)
            return ConsumerGroupHeartbeatResponse(member_id=member_id, member_epoch=-1, heartbeat_interval_ms=interval)
        else:
            group, member = self.known_member(group_id, member_id)
            if member is None:
                return _error("UNKNOWN_MEMBER_ID", member_id)
            if epoch != member.epoch and not (epoch == member.previous_epoch and
                                              _owned_within(request.topic_partitions, member.assigned)):
                return _error("FENCED_MEMBER_EPOCH", member_id)
        if request.subscribed_topic_names is not None and list(request.subscribed_topic_names) != member.topics:
            member.topics = list(request.subscribed_topic_names)
            bump = True
        if request.server_assignor != member.server_assignor and (epoch == 0 or request.server_assignor is not None):
            member.server_assignor = request.server_assignor
            bump = True
        if request.rebalance_timeout_ms is not None:
            member.rebalance_timeout_ms = request.rebalance_timeout_ms
        self.touch(group, member)
        metadata = self._metadata(group)
        if metadata != group.metadata:
            group.metadata = metadata
            bump = True
        if bump:
            group.epoch += 1
        self.maybe_compute_target(group)
        before = (member.epoch, _frozen(member.assigned))
        self._reconcile(group, member, request.topic_partitions)
        changed = epoch == 0 or (member.epoch, _frozen(member.assigned)) != before
        assignment = sorted((t, sorted(ps)) for t, ps in member.assigned.items() if ps) if changed else None
        return ConsumerGroupHeartbeatResponse(member_id=member_id, member_epoch=member.epoch,
                                              heartbeat_interval_ms=interval, assignment=assignment)

    # --- membership ---------------------------------------------------------------------------

    def _member_removed(self, group: ConsumerGroup, member: ConsumerMember) -> None:
        group.metadata = self._metadata(group)

    def _metadata(self, group: ConsumerGroup) -> dict[str, int]:
        names = sorted({t for m in group.members.values() for t in m.topics})
        return {n: len(self.topics.by_name[n].partitions) for n in names if n in self.topics.by_name}

    # --- target assignment ---------------------------------------------------------------------

    def _preferred_assignor(self, group: ConsumerGroup) -> str:
        """The assignor most members ask for; without a wish the broker's first one (uniform)."""
        counts: dict[str, int] = {}
        for member in group.members.values():
            if member.server_assignor:
                counts[member.server_assignor] = counts.get(member.server_assignor, 0) + 1
        if not counts:
            return self.configs.broker["group.consumer.assignors"][0]
        return max(counts, key=lambda name: (counts[name], name))

    def _compute_target(self, group: ConsumerGroup) -> dict:
        name = self._preferred_assignor(group)
        members = self.member_specs(group)
        spec = GroupSpec(members, subscription_type([m.subscribed_topic_ids for m in members.values()]))
        try:
            target = ASSIGNORS[name](spec, self.topics.num_partitions)
        except UnsupportedAssignment:
            raise GroupRefused("Die Mitglieder dieser Consumer-Gruppe abonnieren verschiedene Topics; das "
                               f"rechnet der Simulator mit dem Assignor {name} nicht nach. Bitte dieselben "
                               "Topics abonnieren oder den Assignor range wählen.") from None
        except PartitionAssignorError as error:
            raise GroupRefused(f"Der Assignor {name} von Kafka scheitert hier ({error.java_class}).") from None
        group.assignor_name = name
        return target

    # --- reconciliation (CurrentAssignmentBuilder) -----------------------------------------------

    def _partition_epoch(self, group: ConsumerGroup, member: ConsumerMember, topic_id, partition: int) -> int:
        for other in group.members.values():
            if other is member:
                continue
            if partition in other.assigned.get(topic_id, ()) or partition in other.revoking.get(topic_id, ()):
                return other.epoch
        return -1

    def _reconcile(self, group: ConsumerGroup, member: ConsumerMember, owned) -> None:
        if member.state == STABLE:
            if member.epoch != group.target_epoch:
                self._next_assignment(group, member, owned)
        elif member.state == UNREVOKED_PARTITIONS:
            if not _still_owns(owned, member.revoking):
                self._next_assignment(group, member, owned)
        else:
            self._next_assignment(group, member, owned)

    def _next_assignment(self, group: ConsumerGroup, member: ConsumerMember, owned) -> None:
        subscribed = {self.topics.by_name[t].topic_id for t in member.topics if t in self.topics.by_name}
        target = group.target.get(member.member_id, {})
        assigned, revoking, pending = {}, {}, {}
        unreleased = False
        for topic_id in set(target) | set(member.assigned):
            wanted = set(target.get(topic_id, ())) if topic_id in subscribed else set()
            current = set(member.assigned.get(topic_id, ()))
            keep = current & wanted
            give_up = current - keep
            take = wanted - keep
            blocked = {p for p in take if self._partition_epoch(group, member, topic_id, p) != -1
                       and p not in member.revoking.get(topic_id, ())}
            unreleased |= bool(blocked)
            take -= blocked
            if keep:
                assigned[topic_id] = keep
            if give_up:
                revoking[topic_id] = give_up
            if take:
                pending[topic_id] = take
        if revoking and _still_owns(owned, revoking):
            member.state = UNREVOKED_PARTITIONS
            member.assigned, member.revoking = assigned, revoking
            self._arm_rebalance_timeout(group, member)
            self.event("member_revoking", group, member=member.client_id, keeps=self.partitions(assigned),
                       revokes=self.partitions(revoking))
            return
        for topic_id, partitions in pending.items():
            assigned.setdefault(topic_id, set()).update(partitions)
        member.previous_epoch, member.epoch = member.epoch, group.target_epoch
        member.state = UNRELEASED_PARTITIONS if unreleased else STABLE
        member.assigned, member.revoking = assigned, {}
        self.event("member_reconciled", group, member=member.client_id, member_epoch=member.epoch,
                   partitions=self.partitions(assigned), waiting=member.state == UNRELEASED_PARTITIONS)
        if member.rebalance_timer is not None:
            member.rebalance_timer.cancel()
            member.rebalance_timer = None

    def _arm_rebalance_timeout(self, group: ConsumerGroup, member: ConsumerMember) -> None:
        if member.rebalance_timer is None:
            member.rebalance_timer = self.clock.at(self.clock.now + member.rebalance_timeout_ms,
                                                   self._rebalance_timed_out, group, member)

    def _rebalance_timed_out(self, group: ConsumerGroup, member: ConsumerMember) -> None:
        member.rebalance_timer = None
        if group.members.get(member.member_id) is member and member.state == UNREVOKED_PARTITIONS:
            self.remove(group, member.member_id, "rebalance_timeout")

    # --- admin view (ConsumerGroupDescribe) -----------------------------------------------------

    def describe(self, group_id: str) -> dict | None:
        group = self.groups.get(group_id)
        if group is None:
            return None
        return {"group_id": group_id, "state": group.state, "epoch": group.epoch, "target_epoch": group.target_epoch,
                "assignor": group.assignor_name or self._preferred_assignor(group),
                "members": [{"member_id": m.member_id, "client_id": m.client_id, "instance_id": m.instance_id,
                             "epoch": m.epoch, "state": m.state,
                             "assignment": {t: sorted(ps) for t, ps in m.assigned.items() if ps},
                             "target": {t: sorted(ps) for t, ps in group.target.get(m.member_id, {}).items() if ps}}
                            for m in group.members.values()]}


def _frozen(assignment: dict) -> frozenset:
    return frozenset((t, p) for t, ps in assignment.items() for p in ps)


def _still_owns(owned, revoking: dict) -> bool:
    """ownsRevokedPartitions: without an owned list the member is assumed to still own them."""
    if owned is None:
        return True
    return any(p in revoking.get(topic_id, ()) for topic_id, partitions in owned for p in partitions)


def _owned_within(owned, assigned: dict) -> bool:
    if owned is None:
        return True
    return all(p in assigned.get(topic_id, ()) for topic_id, partitions in owned for p in partitions)


def _error(name: str, member_id: str) -> ConsumerGroupHeartbeatResponse:
    return error_response(ConsumerGroupHeartbeatResponse, name, member_id)
