"""The group coordinator of the classic consumer group protocol (JoinGroup/SyncGroup) and the
committed offsets of groups.

States as in Kafka: Empty → PreparingRebalance → CompletingRebalance → Stable. A new group waits
group.initial.rebalance.delay.ms for more members before its first generation; later rebalances
start when a member joins, leaves or misses its session timeout. The group leader (a client)
computes the assignment; the coordinator only hands it out. Members are what their requests
said: ids, timeouts, and each assignor's metadata and the assignment as bytes.

The coordinator of a group is the leader of the group's partition of __consumer_offsets;
requests reach it through the network (apis.py checks that they came to the right broker).
"""

from __future__ import annotations

from .. import errors
from ..protocol import groups as g
from ..protocol import offsets as o
from ..protocol.consumer import assigned_by_topic, decode_subscription


def java_string_hash(text: str) -> int:
    """Java's String.hashCode (over UTF-16 code units, 32-bit signed overflow)."""
    data = text.encode("utf-16-le")
    h = 0
    for i in range(0, len(data), 2):
        h = (31 * h + int.from_bytes(data[i:i + 2], "little")) & 0xFFFFFFFF
    return h - (1 << 32) if h >= 1 << 31 else h


def offsets_partition_for(group_id: str, partitions: int) -> int:
    """Kafka's Utils.abs(groupId.hashCode()) % offsets.topic.num.partitions."""
    h = java_string_hash(group_id)
    return (0 if h == -(1 << 31) else abs(h)) % partitions


class Member:
    __slots__ = ("member_id", "client_id", "group_instance_id", "protocols", "session_timeout",
                 "rebalance_timeout", "join_respond", "sync_respond", "assignment_bytes", "session_timer")

    def __init__(self, member_id, client_id, group_instance_id, protocols, session_timeout, rebalance_timeout):
        self.member_id = member_id
        self.client_id = client_id
        self.group_instance_id = group_instance_id
        self.protocols = protocols            # [(assignor name, metadata bytes)] in preference order
        self.session_timeout = session_timeout
        self.rebalance_timeout = rebalance_timeout
        self.join_respond = None              # a JoinGroup waiting for the rebalance
        self.sync_respond = None              # a SyncGroup waiting for the leader's assignment
        self.assignment_bytes = b""
        self.session_timer = None

    def metadata(self, protocol: str | None) -> bytes:
        for name, metadata in self.protocols:
            if name == protocol:
                return metadata
        return self.protocols[0][1] if self.protocols else b""

    def topics(self, protocol: str | None = None) -> list[str]:
        """The subscribed topics, read from the consumer-protocol metadata (as Kafka's coordinator
        does for groups of protocol type "consumer")."""
        data = self.metadata(protocol)
        try:
            return list(decode_subscription(data).topics) if data else []
        except ValueError:
            return []

    @property
    def assignment(self) -> dict[str, list[int]]:
        return assigned_by_topic(self.assignment_bytes)


class Group:
    __slots__ = ("group_id", "state", "generation", "protocol", "leader", "members", "offsets",
                 "delay_timer", "rebalance_timer", "delay_remaining", "joined_during_delay")

    def __init__(self, group_id: str) -> None:
        self.group_id = group_id
        self.state = "Empty"
        self.generation = 0
        self.protocol: str | None = None
        self.leader: str | None = None
        self.members: dict[str, Member] = {}
        self.offsets: dict[tuple[str, int], tuple[int, str]] = {}
        self.delay_timer = None
        self.rebalance_timer = None
        self.delay_remaining = 0
        self.joined_during_delay = False

    def subscribed_topics(self) -> set[str]:
        return {t for m in self.members.values() for t in m.topics(self.protocol)}


class GroupCoordinator:
    def __init__(self, cluster) -> None:
        self.cluster = cluster
        self.groups: dict[str, Group] = {}

    # -- helpers -------------------------------------------------------------------------------
    def _emit(self, kind: str, group: Group, **details) -> None:
        self.cluster.trace.emit(kind, group=group.group_id, **details)

    def group(self, group_id: str) -> Group:
        group = self.groups.get(group_id)
        if group is None:
            group = self.groups[group_id] = Group(group_id)
        return group

    # -- where the coordinator lives -----------------------------------------------------------
    def offsets_partition(self, group_id: str):
        topic = self.cluster.controller.ensure_offsets_topic()
        if topic is None:
            return None
        return topic.partitions[offsets_partition_for(group_id, len(topic.partitions))]

    def coordinator_of(self, group_id: str) -> int | None:
        """The broker the metadata names as the group's coordinator (None: no leader right now)."""
        p = self.offsets_partition(group_id)
        return None if p is None else p.leader

    def available(self, group_id: str) -> bool:
        """A group's coordinator works only while its __consumer_offsets partition has a live leader."""
        p = self.offsets_partition(group_id)
        return p is not None and p.leader_alive()

    def offsets_leader_changed(self, index: int, new_leader: int | None) -> None:
        """Failover: the new leader of the offsets partition loads the groups and takes over."""
        for group in self.groups.values():
            p = self.offsets_partition(group.group_id)
            if p is None or p.index != index:
                continue
            if new_leader is None:
                self._emit("group.coordinator_lost", group, coordinator=None, partition_label=p.label)
                continue
            self._emit("group.coordinator_moved", group, coordinator=new_leader, partition_label=p.label)
            for m in group.members.values():
                if m.join_respond is None:
                    self._arm_session(group, m)

    def _arm_session(self, group: Group, member: Member) -> None:
        if member.session_timer is not None:
            member.session_timer.cancel()
        member.session_timer = self.cluster.kernel.schedule(
            member.session_timeout, self._session_expired, group, member)

    # -- JoinGroup -----------------------------------------------------------------------------
    def join(self, request, client_id: str, respond) -> None:
        cluster = self.cluster
        config = cluster.config
        group_id = request.group_id

        def fail(error_type, member_id=request.member_id):
            respond(g.JoinGroupResponse(error_code=error_type.errno, member_id=member_id or ""))

        session_timeout = request.session_timeout_ms
        if not (config["group.min.session.timeout.ms"] <= session_timeout <= config["group.max.session.timeout.ms"]):
            fail(errors.InvalidSessionTimeoutError)
            return
        group = self.group(group_id)
        protocols = [(p.name, p.metadata) for p in request.protocols]
        member_id = request.member_id
        member = group.members.get(member_id) if member_id else None
        if member_id and member is None:
            fail(errors.UnknownMemberIdError)
            return
        if member is None and request.group_instance_id is not None:
            known = next((m for m in group.members.values() if m.group_instance_id == request.group_instance_id), None)
            if known is not None:
                self._static_rejoin(group, known, request, client_id, protocols, respond)
                return
        rejoining = member is not None
        if member is None:
            if group.members and not self._supports_common_protocol(group, protocols):
                fail(errors.InconsistentGroupProtocolError)
                return
            # Kafka names a static member after its instance id, a dynamic one after its client id.
            member_id = f"{request.group_instance_id or client_id}-{cluster.uuid()}"
            member = Member(member_id, client_id, request.group_instance_id, protocols, session_timeout,
                            request.rebalance_timeout_ms)
            group.members[member_id] = member
            self._emit("group.joined", group, member=member_id, client_id=client_id)
            if group.delay_timer is not None and group.generation == 0:
                # Kafka extends the initial delay for newcomers only while the group is brand new.
                group.joined_during_delay = True
        else:
            member.protocols = protocols
        if member.session_timer is not None:
            member.session_timer.cancel()
            member.session_timer = None
        member.join_respond = respond
        if member.sync_respond is not None:
            pending, member.sync_respond = member.sync_respond, None
            pending(g.SyncGroupResponse(error_code=errors.RebalanceInProgressError.errno))
        if group.state == "Empty":
            self._start_rebalance(group, f"{client_id} ist das erste Mitglied", initial=True)
        elif group.state in ("Stable", "CompletingRebalance"):
            # A member of the group asking to join again (e.g. cooperative, after giving up partitions).
            self._start_rebalance(group, f"{client_id} tritt erneut bei" if rejoining else f"{client_id} tritt bei")
        self._maybe_complete_join(group)

    def _static_rejoin(self, group: Group, old: Member, request, client_id: str, protocols: list, respond) -> None:
        """A static member (KIP-345) back under its group_instance_id with a new member id: it takes
        the old member's place. In a stable group, with the same subscription, and not as the leader
        it gets the current generation at once and its old assignment with the next SyncGroup; the
        other members notice nothing. Otherwise the group rebalances as for a newcomer."""
        member_id = f"{request.group_instance_id}-{self.cluster.uuid()}"
        member = Member(member_id, client_id, request.group_instance_id, protocols, request.session_timeout_ms,
                        request.rebalance_timeout_ms)
        member.assignment_bytes = old.assignment_bytes
        unchanged = old.metadata(group.protocol) == member.metadata(group.protocol)
        fenced = errors.FencedInstanceIdError.errno         # the old member, if still waiting, is fenced
        if old.join_respond is not None:
            old.join_respond(g.JoinGroupResponse(error_code=fenced, member_id=old.member_id))
        if old.sync_respond is not None:
            old.sync_respond(g.SyncGroupResponse(error_code=fenced))
        old.join_respond = old.sync_respond = None
        if old.session_timer is not None:
            old.session_timer.cancel()
        members = group.members
        group.members = {(member_id if mid == old.member_id else mid): (member if m is old else m)
                         for mid, m in members.items()}
        was_leader = group.leader == old.member_id
        if was_leader:
            group.leader = member_id
        self._emit("group.joined", group, member=member_id, client_id=client_id, replaces=old.member_id,
                   group_instance_id=request.group_instance_id)
        if group.state == "Stable" and unchanged and not was_leader:
            self._arm_session(group, member)
            respond(g.JoinGroupResponse(generation_id=group.generation, protocol_type="consumer",
                                        protocol_name=group.protocol, leader=group.leader, member_id=member_id,
                                        members=[]))
            return
        member.join_respond = respond
        if group.state in ("Stable", "CompletingRebalance"):
            self._start_rebalance(group, f"{client_id} kommt als statisches Mitglied zurück")
        self._maybe_complete_join(group)

    def _supports_common_protocol(self, group: Group, protocols: list) -> bool:
        names = {name for name, _m in protocols}
        return all(names & {name for name, _m in m.protocols} for m in group.members.values())

    def _start_rebalance(self, group: Group, reason: str, initial: bool = False) -> None:
        config = self.cluster.config
        kernel = self.cluster.kernel
        old_state = group.state
        group.state = "PreparingRebalance"
        for m in group.members.values():
            if m.sync_respond is not None:
                pending, m.sync_respond = m.sync_respond, None
                pending(g.SyncGroupResponse(error_code=errors.RebalanceInProgressError.errno))
        rebalance_timeout = max((m.rebalance_timeout for m in group.members.values()), default=300_000)
        delay = config["group.initial.rebalance.delay.ms"]
        if initial and old_state == "Empty" and delay > 0:
            group.delay_remaining = max(0, rebalance_timeout - delay)
            group.joined_during_delay = False
            group.delay_timer = kernel.schedule(delay, self._initial_delay_over, group)
            self._emit("group.rebalance", group, state=group.state, reason=reason, delay_ms=delay)
        else:
            self._emit("group.rebalance", group, state=group.state, reason=reason)
        if group.rebalance_timer is not None:
            group.rebalance_timer.cancel()
        group.rebalance_timer = kernel.schedule(rebalance_timeout, self._rebalance_timed_out, group)

    def _initial_delay_over(self, group: Group) -> None:
        config = self.cluster.config
        if not self.available(group.group_id):
            group.delay_timer = self.cluster.kernel.schedule(1000, self._initial_delay_over, group)
            return
        if group.joined_during_delay and group.delay_remaining > 0:
            delay = min(config["group.initial.rebalance.delay.ms"], group.delay_remaining)
            group.delay_remaining -= delay
            group.joined_during_delay = False
            group.delay_timer = self.cluster.kernel.schedule(delay, self._initial_delay_over, group)
            return
        group.delay_timer = None
        self._maybe_complete_join(group)

    def _rebalance_timed_out(self, group: Group) -> None:
        if not self.available(group.group_id):
            group.rebalance_timer = self.cluster.kernel.schedule(1000, self._rebalance_timed_out, group)
            return
        group.rebalance_timer = None
        if group.state != "PreparingRebalance":
            return
        for m in list(group.members.values()):
            if m.join_respond is None:
                self._remove(group, m, "hat nicht rechtzeitig neu beigetreten (Rebalance-Timeout)")
        self._maybe_complete_join(group, force=True)

    def _maybe_complete_join(self, group: Group, force: bool = False) -> None:
        if group.state != "PreparingRebalance" or group.delay_timer is not None:
            return
        members = group.members
        if not force and any(m.join_respond is None for m in members.values()):
            return
        if group.rebalance_timer is not None:
            group.rebalance_timer.cancel()
            group.rebalance_timer = None
        if not members:
            group.state = "Empty"
            group.generation += 1
            group.leader = None
            group.protocol = None
            self._emit("group.empty", group, state="Empty")
            return
        group.generation += 1
        group.protocol = self._select_protocol(group)
        if group.leader not in members:
            group.leader = next(iter(members))
        group.state = "CompletingRebalance"
        for m in members.values():
            m.assignment_bytes = b""
        self._emit("group.generation", group, generation=group.generation, leader=group.leader,
                   leader_client_id=members[group.leader].client_id, member_count=len(members),
                   protocol=group.protocol, state=group.state)
        subscriptions = [g.JoinGroupMember(m.member_id, m.group_instance_id, m.metadata(group.protocol))
                         for m in members.values()]
        for m in members.values():
            pending, m.join_respond = m.join_respond, None
            self._arm_session(group, m)
            if pending is not None:
                pending(g.JoinGroupResponse(
                    generation_id=group.generation, protocol_type="consumer", protocol_name=group.protocol,
                    leader=group.leader, member_id=m.member_id,
                    members=subscriptions if m.member_id == group.leader else []))

    def _select_protocol(self, group: Group) -> str:
        members = list(group.members.values())
        common = [name for name, _m in members[0].protocols
                  if all(name in dict(m.protocols) for m in members)]
        if not common:          # only possible if a member rejoined with other assignors
            return members[0].protocols[0][0]
        votes = {name: 0 for name in common}
        for m in members:
            for name, _m in m.protocols:
                if name in votes:
                    votes[name] += 1
                    break
        # Kafka: most votes wins; ties go to the candidate first in the preference order.
        return max(common, key=lambda name: (votes[name], -common.index(name)))

    # -- SyncGroup -----------------------------------------------------------------------------
    def sync(self, request, respond) -> None:
        group = self.groups.get(request.group_id)
        member = group.members.get(request.member_id) if group else None

        def fail(error_type):
            respond(g.SyncGroupResponse(error_code=error_type.errno))

        if member is None:
            fail(errors.UnknownMemberIdError)
            return
        if request.generation_id != group.generation:
            fail(errors.IllegalGenerationError)
            return
        if group.state == "PreparingRebalance":
            fail(errors.RebalanceInProgressError)
            return
        self._arm_session(group, member)
        if group.state == "Stable":
            respond(g.SyncGroupResponse(protocol_type="consumer", protocol_name=group.protocol,
                                        assignment=member.assignment_bytes))
            return
        member.sync_respond = respond
        if request.member_id == group.leader and request.assignments:
            for entry in request.assignments:
                if entry.member_id in group.members:
                    group.members[entry.member_id].assignment_bytes = bytes(entry.assignment or b"")
            group.state = "Stable"
            stable = []
            for m in group.members.values():
                assignment = [[t, p] for t, ps in sorted(m.assignment.items()) for p in ps]
                stable.append([m.client_id, assignment])
                self._emit("group.assigned", group, member=m.member_id, client_id=m.client_id,
                           generation=group.generation, assignment=assignment)
            self._emit("group.stable", group, generation=group.generation, state="Stable", members=stable)
            for m in group.members.values():
                if m.sync_respond is not None:
                    pending, m.sync_respond = m.sync_respond, None
                    pending(g.SyncGroupResponse(protocol_type="consumer", protocol_name=group.protocol,
                                                assignment=m.assignment_bytes))

    # -- Heartbeat / LeaveGroup / session ------------------------------------------------------
    def heartbeat(self, request) -> int:
        group = self.groups.get(request.group_id)
        member = group.members.get(request.member_id) if group else None
        if member is None:
            return errors.UnknownMemberIdError.errno
        if member.join_respond is None:
            self._arm_session(group, member)
        if group.state == "PreparingRebalance":
            return errors.RebalanceInProgressError.errno
        if request.generation_id != group.generation:
            return errors.IllegalGenerationError.errno
        return 0

    def leave(self, request) -> list:
        group = self.groups.get(request.group_id)
        results = []
        for entry in request.members:
            member = group.members.get(entry.member_id) if group else None
            if member is None and group and not entry.member_id and entry.group_instance_id is not None:
                # An administrator's remove_group_members names a static member by its instance id.
                member = next((m for m in group.members.values() if m.group_instance_id == entry.group_instance_id),
                              None)
            if member is None:
                results.append(g.LeaveGroupMemberResponse(entry.member_id, entry.group_instance_id,
                                                          errors.UnknownMemberIdError.errno))
                continue
            self._remove(group, member, "verlässt die Gruppe (LeaveGroup)", kind="group.left")
            self._after_removal(group, f"{member.client_id} hat die Gruppe verlassen")
            results.append(g.LeaveGroupMemberResponse(entry.member_id, entry.group_instance_id, 0))
        return results

    def _session_expired(self, group: Group, member: Member) -> None:
        member.session_timer = None
        if group.members.get(member.member_id) is not member:
            return
        if not self.available(group.group_id):
            return      # a dead coordinator expires nobody; its successor re-arms every session
        self._remove(group, member,
                     f"hat sich {member.session_timeout} ms nicht gemeldet (session.timeout.ms abgelaufen)",
                     kind="group.member_expired")
        self._after_removal(group, f"Session von {member.client_id} abgelaufen")

    def _remove(self, group: Group, member: Member, why: str, kind: str = "group.left") -> None:
        group.members.pop(member.member_id, None)
        if member.session_timer is not None:
            member.session_timer.cancel()
            member.session_timer = None
        self._emit(kind, group, member=member.member_id, client_id=member.client_id, reason=why)
        if member.join_respond is not None:
            pending, member.join_respond = member.join_respond, None
            pending(g.JoinGroupResponse(error_code=errors.UnknownMemberIdError.errno))
        if member.sync_respond is not None:
            pending, member.sync_respond = member.sync_respond, None
            pending(g.SyncGroupResponse(error_code=errors.UnknownMemberIdError.errno))
        if group.leader == member.member_id:
            group.leader = None

    def _after_removal(self, group: Group, reason: str) -> None:
        if group.state in ("Stable", "CompletingRebalance"):
            if group.members:
                self._start_rebalance(group, reason)
            else:
                group.state = "PreparingRebalance"
            self._maybe_complete_join(group)
        elif group.state == "PreparingRebalance":
            self._maybe_complete_join(group)

    # -- offsets -------------------------------------------------------------------------------
    def commit(self, request) -> o.OffsetCommitResponse:
        group = self.group(request.group_id)
        error = self._commit_error(group, request.member_id, request.generation_id_or_member_epoch)
        topics = []
        for topic in request.topics:
            results = []
            for part in topic.partitions:
                if error:
                    results.append(o.OffsetCommitPartitionResponse(part.partition_index, error))
                    continue
                self._store_offset(group, request.member_id, topic.name, part.partition_index,
                                   part.committed_offset, part.committed_metadata or "")
                results.append(o.OffsetCommitPartitionResponse(part.partition_index, 0))
            topics.append(o.OffsetCommitTopicResponse(topic.name, results))
        return o.OffsetCommitResponse(topics=topics)

    def _commit_error(self, group: Group, member_id: str, generation: int) -> int:
        if generation >= 0 or member_id:
            member = group.members.get(member_id)
            if member is None:
                return errors.UnknownMemberIdError.errno
            if generation != group.generation:
                return errors.IllegalGenerationError.errno
            if group.state == "CompletingRebalance":
                # Kafka accepts commits of the current generation while it prepares a rebalance
                # (members commit before rejoining), but not while assignments are handed out.
                return errors.RebalanceInProgressError.errno
        elif group.members:
            # A commit without membership is only accepted while the group is Empty.
            return errors.UnknownMemberIdError.errno
        return 0

    def _store_offset(self, group: Group, member_id: str, topic: str, partition: int, offset: int,
                      metadata: str) -> None:
        previous = group.offsets.get((topic, partition))
        group.offsets[(topic, partition)] = (offset, metadata)
        if previous is not None and previous[0] == offset:
            return   # periodic auto-commits repeat unchanged offsets; not worth an event
        member = group.members.get(member_id)
        self._emit("offset.committed", group, topic=topic, partition=partition, offset=offset, member=member_id,
                   client_id=member.client_id if member else None)

    # Transactional offsets (the transaction coordinator calls these two; KIP-447).
    def txn_commit_error(self, group_id: str, member_id: str, generation: int) -> int:
        """TxnOffsetCommit's check of the consumer's group metadata: without a generation (a bare
        group id) anything goes; with one, the member and generation must be current."""
        if generation < 0 and not member_id:
            return 0
        return self._commit_error(self.group(group_id), member_id, generation)

    def store_offsets(self, group_id: str, offsets: dict) -> None:
        """A committed transaction's offsets become the group's: {(topic, partition): (offset, metadata)}."""
        group = self.group(group_id)
        for (topic, partition), (offset, metadata) in offsets.items():
            self._store_offset(group, "", topic, partition, offset, metadata)

    def fetch_offsets(self, request) -> o.OffsetFetchResponse:
        group = self.groups.get(request.group_id)
        offsets = group.offsets if group else {}
        if request.topics is None:
            wanted: dict[str, list[int]] = {}
            for (t, p) in sorted(offsets):
                wanted.setdefault(t, []).append(p)
        else:
            wanted = {t.name: list(t.partition_indexes) for t in request.topics}
        topics = []
        for name, indexes in wanted.items():
            parts = []
            for index in indexes:
                entry = offsets.get((name, index))
                if entry is None:
                    parts.append(o.OffsetFetchPartitionResponse(index))
                else:
                    parts.append(o.OffsetFetchPartitionResponse(index, entry[0], -1, entry[1]))
            topics.append(o.OffsetFetchTopicResponse(name, parts))
        return o.OffsetFetchResponse(topics=topics)

    def delete_offsets(self, request) -> o.OffsetDeleteResponse:
        """OffsetDelete: drops committed offsets, except of topics an active member subscribes to."""
        group = self.groups.get(request.group_id)
        if group is None:
            return o.OffsetDeleteResponse(error_code=errors.GroupIdNotFoundError.errno)
        subscribed = group.subscribed_topics() if group.members else set()
        topics = []
        for topic in request.topics:
            results = []
            for index in topic.partitions:
                if topic.name in subscribed:
                    results.append(o.OffsetDeletePartitionResponse(index, errors.GroupSubscribedToTopicError.errno))
                    continue
                if group.offsets.pop((topic.name, index), None) is not None:
                    self._emit("offset.deleted", group, topic=topic.name, partition=index)
                results.append(o.OffsetDeletePartitionResponse(index))
            topics.append(o.OffsetDeleteTopicResponse(topic.name, results))
        return o.OffsetDeleteResponse(topics=topics)

    # -- administration ------------------------------------------------------------------------
    def describe(self, group_id: str) -> g.DescribedGroup:
        group = self.groups.get(group_id)
        if group is None:
            return g.DescribedGroup(group_id=group_id, group_state="Dead")
        return g.DescribedGroup(
            group_id=group_id, group_state=group.state, protocol_type="consumer",
            protocol_data=group.protocol or "",
            members=[g.DescribedGroupMember(m.member_id, m.group_instance_id, m.client_id, "/127.0.0.1",
                                            m.metadata(group.protocol), m.assignment_bytes)
                     for m in group.members.values()])

    def listed(self) -> list:
        return [g.ListedGroup(group.group_id, "consumer", group.state, "classic") for group in self.groups.values()]

    def delete_group(self, group_id: str) -> int:
        """DeleteGroups: only an empty group may go (with its committed offsets)."""
        group = self.groups.get(group_id)
        if group is None:
            return errors.GroupIdNotFoundError.errno
        if group.members:
            return errors.NonEmptyGroupError.errno
        del self.groups[group_id]
        self._emit("group.deleted", group, state="Dead")
        return 0

    def forget_topic(self, topic: str) -> None:
        for group in self.groups.values():
            for tp in [tp for tp in group.offsets if tp[0] == topic]:
                del group.offsets[tp]
