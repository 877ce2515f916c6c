"""The group coordinator of the classic consumer group protocol (JoinGroup/SyncGroup).

States as in Kafka: Empty → PreparingRebalance → CompletingRebalance → Stable. A new group waits
group.initial.rebalance.delay.ms for more members before its first generation; later rebalances
start when a member joins, leaves or misses its session timeout. The group leader (a client)
computes the assignment; the coordinator only hands it out. Responses travel one network hop.
"""

from __future__ import annotations

from . import errors
from .replication import NET_MS


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
    __slots__ = ("member_id", "client_id", "protocols", "session_timeout", "rebalance_timeout",
                 "join_cb", "sync_cb", "assignment", "session_timer", "instance_id", "owner")

    def __init__(self, member_id, client_id, protocols, session_timeout, rebalance_timeout, owner=None):
        self.member_id = member_id
        self.client_id = client_id
        self.protocols = protocols            # [(assignor name, [topics])] in preference order
        self.session_timeout = session_timeout
        self.rebalance_timeout = rebalance_timeout
        self.join_cb = None
        self.sync_cb = None
        self.assignment: dict[str, list[int]] = {}
        self.session_timer = None
        self.instance_id = None
        self.owner = owner

    def topics(self) -> list[str]:
        return list(self.protocols[0][1]) if self.protocols else []


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


class GroupCoordinator:
    def __init__(self, cluster) -> None:
        self.cluster = cluster
        self.groups: dict[str, Group] = {}
        self.offsets_topic_created = False

    # -- helpers -------------------------------------------------------------------------------
    def _emit(self, kind: str, text: str, group: Group, **details) -> None:
        self.cluster.trace.emit(kind, text, group=group.group_id, **details)

    def _later(self, fn, *args) -> None:
        self.cluster.kernel.schedule(NET_MS, fn, *args)

    def group(self, group_id: str) -> Group:
        group = self.groups.get(group_id)
        if group is None:
            group = self.groups[group_id] = Group(group_id)
            # The first FindCoordinator makes the brokers create their internal offsets topic.
            self.cluster.ensure_offsets_topic()
            self.offsets_topic_created = True
        return group

    # -- where the coordinator lives -----------------------------------------------------------
    def _offsets_partition(self, group_id: str):
        topic = self.cluster.ensure_offsets_topic()
        if topic is None:
            return None
        return topic.partitions[offsets_partition_for(group_id, len(topic.partitions))]

    def available(self, group_id: str) -> bool:
        """A group's coordinator answers only while its __consumer_offsets partition has a live leader."""
        p = self._offsets_partition(group_id)
        return p is not None and p.leader_alive()

    def _unavailable(self, group_id: str) -> errors.KafkaError:
        p = self._offsets_partition(group_id)
        who = f"Broker {p.leader}" if p is not None and p.leader is not None else "keiner"
        return errors.CoordinatorNotAvailableError(
            f"Der Group Coordinator der Consumer-Gruppe {group_id} ({who}) ist nicht erreichbar.")

    def offsets_leader_changed(self, index: int, new_leader: int | None) -> None:
        """Failover: the new leader of the offsets partition loads the groups and takes over."""
        for group in self.groups.values():
            p = self._offsets_partition(group.group_id)
            if p is None or p.index != index:
                continue
            if new_leader is None:
                self._emit("group.coordinator_lost",
                           f"Die Consumer-Gruppe {group.group_id} hat keinen Group Coordinator mehr: kein Replikat "
                           f"ihrer Partition {p.label} läuft.", group, coordinator=None)
                continue
            self._emit("group.coordinator_moved",
                       f"Broker {new_leader} ist neuer Group Coordinator der Consumer-Gruppe {group.group_id}: er "
                       f"lädt Mitglieder, Generation und Offsets aus {p.label} und übernimmt.",
                       group, coordinator=new_leader)
            for m in group.members.values():
                if m.join_cb is None:
                    self._arm_session(group, m)

    def _arm_session(self, group: Group, member: Member) -> None:
        if member.session_timer is not None:
            member.session_timer.cancel()
        member.session_timer = self.cluster.kernel.schedule(
            member.session_timeout, self._session_expired, group, member)

    # -- JoinGroup -----------------------------------------------------------------------------
    def join(self, group_id: str, member_id: str, client_id: str, protocols: list, session_timeout: int,
             rebalance_timeout: int, on_joined, owner=None) -> str:
        cluster = self.cluster
        group = self.group(group_id)
        config = cluster.config
        if not self.available(group_id):
            self._later(on_joined, self._unavailable(group_id), None)
            return member_id
        if not (config["group.min.session.timeout.ms"] <= session_timeout <= config["group.max.session.timeout.ms"]):
            self._later(on_joined, errors.InvalidSessionTimeoutError(
                f"session_timeout_ms={session_timeout} liegt nicht zwischen "
                f"{config['group.min.session.timeout.ms']} und {config['group.max.session.timeout.ms']}."), None)
            return member_id
        member = group.members.get(member_id) if member_id else None
        if member_id and member is None:
            self._later(on_joined, errors.UnknownMemberIdError(
                f"Die Consumer-Gruppe {group_id} kennt das Mitglied {member_id} nicht (mehr)."), None)
            return member_id
        if member is None:
            member_id = f"{client_id}-{cluster.uuid()}"
            member = Member(member_id, client_id, protocols, session_timeout, rebalance_timeout, owner)
            if group.members and not self._supports_common_protocol(group, protocols):
                self._later(on_joined, errors.InconsistentGroupProtocolError(
                    "Die Mitglieder der Gruppe haben keinen gemeinsamen Partition-Assignor."), None)
                return member_id
            group.members[member_id] = member
            self._emit("group.joined",
                       f"{client_id} tritt der Consumer-Gruppe {group_id} bei (Member-ID {member_id}).",
                       group, member=member_id, client_id=client_id)
            if group.delay_timer is not None and group.generation == 0:
                # Kafka extends the initial delay for newcomers only while the group is brand new.
                group.joined_during_delay = True
        else:
            member.protocols = protocols
        if member.session_timer is not None:
            member.session_timer.cancel()
            member.session_timer = None
        member.join_cb = on_joined
        if member.sync_cb is not None:
            cb, member.sync_cb = member.sync_cb, None
            self._later(cb, errors.RebalanceInProgressError("Die Gruppe hat einen neuen Rebalance begonnen."), None)
        if group.state == "Empty":
            self._start_rebalance(group, f"{client_id} ist das erste Mitglied", initial=True)
        elif group.state in ("Stable", "CompletingRebalance"):
            self._start_rebalance(group, f"{client_id} tritt bei")
        self._maybe_complete_join(group)
        return member_id

    def _supports_common_protocol(self, group: Group, protocols: list) -> bool:
        names = {name for name, _t in protocols}
        return all(names & {name for name, _t in m.protocols} for m in group.members.values())

    def _start_rebalance(self, group: Group, reason: str, initial: bool = False) -> None:
        config = self.cluster.config
        kernel = self.cluster.kernel
        old_state = group.state
        group.state = "PreparingRebalance"
        for m in group.members.values():
            if m.sync_cb is not None:
                cb, m.sync_cb = m.sync_cb, None
                self._later(cb, errors.RebalanceInProgressError("Die Gruppe hat einen neuen Rebalance begonnen."), None)
        rebalance_timeout = max((m.rebalance_timeout for m in group.members.values()), default=300_000)
        delay = config["group.initial.rebalance.delay.ms"]
        if initial and old_state == "Empty" and delay > 0:
            group.delay_remaining = max(0, rebalance_timeout - delay)
            group.joined_during_delay = False
            group.delay_timer = kernel.schedule(delay, self._initial_delay_over, group)
            self._emit("group.rebalance",
                       f"Consumer-Gruppe {group.group_id} startet einen Rebalance ({reason}) und wartet "
                       f"group.initial.rebalance.delay.ms = {delay} ms auf weitere Mitglieder.",
                       group, state=group.state, reason=reason, delay_ms=delay)
        else:
            self._emit("group.rebalance",
                       f"Consumer-Gruppe {group.group_id} startet einen Rebalance: {reason}. Alle Mitglieder "
                       f"müssen neu beitreten (JoinGroup).", group, state=group.state, reason=reason)
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
            if m.join_cb is None:
                self._remove(group, m, "hat nicht rechtzeitig neu beigetreten (Rebalance-Timeout)")
        self._maybe_complete_join(group, force=True)

    def _maybe_complete_join(self, group: Group, force: bool = False) -> None:
        if group.state != "PreparingRebalance" or group.delay_timer is not None:
            return
        members = group.members
        if not force and any(m.join_cb is None for m in members.values()):
            return
        if group.rebalance_timer is not None:
            group.rebalance_timer.cancel()
            group.rebalance_timer = None
        if not members:
            group.state = "Empty"
            group.generation += 1
            group.leader = None
            group.protocol = None
            self._emit("group.empty", f"Consumer-Gruppe {group.group_id} hat keine Mitglieder mehr (Empty). "
                       f"Ihre committeten Offsets bleiben erhalten.", group, state="Empty")
            return
        group.generation += 1
        group.protocol = self._select_protocol(group)
        if group.leader not in members:
            group.leader = next(iter(members))
        group.state = "CompletingRebalance"
        for m in members.values():
            m.assignment = {}
        self._emit("group.generation",
                   f"Consumer-Gruppe {group.group_id}: Generation {group.generation} mit {len(members)} "
                   f"Mitglied(ern); {members[group.leader].client_id} ist Gruppen-Leader und berechnet die "
                   f"Zuordnung mit dem Assignor {group.protocol}.",
                   group, generation=group.generation, leader=group.leader, protocol=group.protocol,
                   state=group.state)
        subscriptions = [(m.member_id, dict(m.protocols).get(group.protocol, m.topics()), m.instance_id, m.owner)
                         for m in members.values()]
        for m in members.values():
            cb, m.join_cb = m.join_cb, None
            self._arm_session(group, m)
            if cb is not None:
                self._later(cb, None, {
                    "generation": group.generation, "member_id": m.member_id, "leader": group.leader,
                    "protocol": group.protocol,
                    "members": subscriptions if m.member_id == group.leader else None})

    def _select_protocol(self, group: Group) -> str:
        members = list(group.members.values())
        common = [name for name, _t in members[0].protocols
                  if all(name in dict(m.protocols) for m in members)]
        if not common:          # only possible if a member rejoined with other assignors
            return members[0].protocols[0][0]
        votes = {name: 0 for name in common}
        for m in members:
            for name, _t in m.protocols:
                if name in votes:
                    votes[name] += 1
                    break
        # Kafka: most votes wins; ties go to the candidate first in the preference order.
        return max(common, key=lambda name: (votes[name], -common.index(name)))

    # -- SyncGroup -----------------------------------------------------------------------------
    def sync(self, group_id: str, member_id: str, generation: int, assignments, on_synced) -> None:
        group = self.groups.get(group_id)
        if not self.available(group_id):
            self._later(on_synced, self._unavailable(group_id), None)
            return
        member = group.members.get(member_id) if group else None
        if member is None:
            self._later(on_synced, errors.UnknownMemberIdError("Unbekanntes Mitglied."), None)
            return
        if generation != group.generation:
            self._later(on_synced, errors.IllegalGenerationError("Veraltete Generation."), None)
            return
        if group.state == "PreparingRebalance":
            self._later(on_synced, errors.RebalanceInProgressError("Rebalance läuft."), None)
            return
        self._arm_session(group, member)
        if group.state == "Stable":
            self._later(on_synced, None, dict(member.assignment))
            return
        member.sync_cb = on_synced
        if member_id == group.leader and assignments is not None:
            for mid, assignment in assignments.items():
                if mid in group.members:
                    group.members[mid].assignment = assignment
            group.state = "Stable"
            parts = []
            for m in group.members.values():
                tps = [f"{t}-{p}" for t in sorted(m.assignment) for p in m.assignment[t]]
                parts.append(f"{m.client_id} → {', '.join(tps) if tps else 'nichts'}")
                self._emit("group.assigned",
                           f"{m.client_id} bekommt in der Consumer-Gruppe {group.group_id} "
                           f"(Generation {group.generation}) die Partitionen: {', '.join(tps) if tps else 'keine'}.",
                           group, member=m.member_id, client_id=m.client_id, generation=group.generation,
                           assignment=[[t, p] for t in sorted(m.assignment) for p in m.assignment[t]])
            self._emit("group.stable",
                       f"Consumer-Gruppe {group.group_id} ist stabil (Generation {group.generation}): "
                       + "; ".join(parts) + ".", group, generation=group.generation, state="Stable")
            for m in group.members.values():
                if m.sync_cb is not None:
                    cb, m.sync_cb = m.sync_cb, None
                    self._later(cb, None, dict(m.assignment))

    # -- Heartbeat / LeaveGroup / session ------------------------------------------------------
    def heartbeat(self, group_id: str, member_id: str, generation: int):
        if not self.available(group_id):
            return self._unavailable(group_id)
        group = self.groups.get(group_id)
        member = group.members.get(member_id) if group else None
        if member is None:
            return errors.UnknownMemberIdError("Unbekanntes Mitglied.")
        if member.join_cb is None:
            self._arm_session(group, member)
        if group.state == "PreparingRebalance":
            return errors.RebalanceInProgressError("Die Gruppe rebalanciert.")
        if generation != group.generation:
            return errors.IllegalGenerationError("Veraltete Generation.")
        return None

    def leave(self, group_id: str, member_id: str) -> None:
        if not self.available(group_id):
            return      # the LeaveGroup request is lost; the session will time out instead
        group = self.groups.get(group_id)
        member = group.members.get(member_id) if group else None
        if member is None:
            return
        self._remove(group, member, "verlässt die Gruppe (LeaveGroup)", kind="group.left")
        self._after_removal(group, f"{member.client_id} hat die Gruppe verlassen")

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
        self._emit(kind, f"{member.client_id} {why}: Consumer-Gruppe {group.group_id}.", group,
                   member=member.member_id, client_id=member.client_id)
        if member.join_cb is not None:
            cb, member.join_cb = member.join_cb, None
            self._later(cb, errors.UnknownMemberIdError("Mitglied entfernt."), None)
        if member.sync_cb is not None:
            cb, member.sync_cb = member.sync_cb, None
            self._later(cb, errors.UnknownMemberIdError("Mitglied entfernt."), None)
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
    def commit(self, group_id: str, member_id: str, generation: int, offsets: dict):
        group = self.group(group_id)
        if not self.available(group_id):
            return self._unavailable(group_id)
        if generation >= 0 or member_id:
            member = group.members.get(member_id)
            if member is None:
                return errors.UnknownMemberIdError()
            if generation != group.generation:
                return errors.IllegalGenerationError()
            if group.state == "CompletingRebalance":
                # Kafka accepts commits of the current generation while it prepares a rebalance
                # (members commit before rejoining), but not while assignments are handed out.
                return errors.RebalanceInProgressError("Commit während eines Rebalance.")
        elif group.members:
            # A commit without membership is only accepted while the group is Empty.
            return errors.UnknownMemberIdError()
        for (topic, partition), (offset, metadata) in offsets.items():
            previous = group.offsets.get((topic, partition))
            group.offsets[(topic, partition)] = (offset, metadata)
            if previous is not None and previous[0] == offset:
                continue   # periodic auto-commits repeat unchanged offsets; not worth an event
            member = group.members.get(member_id)
            who = member.client_id if member else "ein Consumer"
            self._emit("offset.committed",
                       f"{who} committet in Consumer-Gruppe {group_id} den Offset {offset} für {topic}-{partition}: "
                       f"als Nächstes wird dort ab Offset {offset} gelesen.", group,
                       topic=topic, partition=partition, offset=offset, member=member_id)
        return None

    def committed(self, group_id: str, topic: str, partition: int):
        """The committed offset (None if there is none); raises while the coordinator is down."""
        if not self.available(group_id):
            raise self._unavailable(group_id)
        group = self.groups.get(group_id)
        if group is None:
            return None
        entry = group.offsets.get((topic, partition))
        return entry[0] if entry else None

    def topic_changed(self, topic: str) -> None:
        """The group leader's metadata shows new partitions of a subscribed topic: rebalance."""
        for group in self.groups.values():
            if group.state in ("Stable", "CompletingRebalance") and any(
                    topic in m.topics() for m in group.members.values()):
                self._start_rebalance(group, f"das Topic {topic} hat neue Partitionen")
                self._maybe_complete_join(group)

    def delete_group(self, group_id: str):
        """DeleteGroups: only an empty group may go (with its committed offsets)."""
        if not self.available(group_id):
            return self._unavailable(group_id)
        group = self.groups.get(group_id)
        if group is None:
            return errors.GroupIdNotFoundError()
        if group.members:
            return errors.NonEmptyGroupError()
        del self.groups[group_id]
        self._emit("group.deleted", f"Consumer-Gruppe {group_id} wurde gelöscht, mitsamt ihren committeten Offsets.",
                   group, state="Dead")
        return None

    def forget_topic(self, topic: str) -> None:
        for group in self.groups.values():
            for tp in [tp for tp in group.offsets if tp[0] == topic]:
                del group.offsets[tp]
