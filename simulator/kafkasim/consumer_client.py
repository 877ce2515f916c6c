"""The consumer's client side: fetching, positions, commits and group membership (join, sync,
heartbeat, auto-commit) on the classic protocol.

Does not block: the kafka-python facade blocks by running the kernel; background consumers call
poll_once() from kernel timers.
"""

from __future__ import annotations

from . import errors
from .assignors import assign as run_assignor
from .events import display, short

# kafka-python's retry_backoff_ms for group requests to an unavailable coordinator.
RETRY_BACKOFF_MS = 100


class ConsumerCore:
    def __init__(self, cluster, client_id: str, group_id: str | None = None,
                 auto_offset_reset: str = "latest", enable_auto_commit: bool = True,
                 auto_commit_interval_ms: int = 5000, session_timeout_ms: int = 45_000,
                 heartbeat_interval_ms: int = 3000, max_poll_interval_ms: int = 300_000,
                 assignors: tuple[str, ...] = ("range", "roundrobin"), max_poll_records: int = 500) -> None:
        self.cluster = cluster
        self.client_id = client_id
        self.group_id = group_id
        self.auto_offset_reset = auto_offset_reset
        self.enable_auto_commit = enable_auto_commit and group_id is not None
        self.auto_commit_interval_ms = auto_commit_interval_ms
        self.session_timeout_ms = session_timeout_ms
        self.heartbeat_interval_ms = heartbeat_interval_ms
        self.max_poll_interval_ms = max_poll_interval_ms
        self.assignors = assignors
        self.max_poll_records = max_poll_records
        self.subscription: list[str] | None = None
        self.manual: list[tuple[str, int]] | None = None
        self.assignment: list[tuple[str, int]] = []
        self.positions: dict[tuple[str, int], int | None] = {}
        self.member_id = ""
        self.generation = -1
        self.state = "UNJOINED"      # UNJOINED, JOINING, SYNCING, STABLE
        self.needs_rejoin = False
        self.version = 0             # bumps on every membership change, wakes blocked polls
        self.last_poll_ms = cluster.kernel.now
        self.next_commit_ms = cluster.kernel.now + auto_commit_interval_ms
        self._hb_timer = None
        self._rr = 0
        self.closed = False
        self.join_user_data = ({}, -1)
        self.retry_at = 0             # after a failed JoinGroup/SyncGroup: not before retry_backoff_ms
        self.consumed = 0
        self.error: errors.KafkaError | None = None
        # (revoked, assigned) → None; the facade forwards it to a ConsumerRebalanceListener.
        self.on_rebalance = None
        self.before_leave = None   # close(): what must reach the coordinator before LeaveGroup

    # -- subscription ----------------------------------------------------------------------------
    def subscribe(self, topics: list[str]) -> None:
        if self.manual:
            raise errors.IllegalStateError(
                "Subscription to topics, partitions and pattern are mutually exclusive")
        self.subscription = list(dict.fromkeys(topics))
        for topic in self.subscription:
            self.cluster.ensure_topic(topic)
        if self.group_id is None:
            # Like kafka-python: without a group the consumer simply takes every partition.
            self._assign_all_subscribed()
        else:
            self.needs_rejoin = True

    def _assign_all_subscribed(self) -> None:
        tps = []
        for topic in self.subscription or ():
            t = self.cluster.topics.get(topic)
            if t is not None:
                tps.extend((topic, p.index) for p in t.partitions)
        if tps != self.assignment:
            # No group, no rebalance: kafka-python's listener hears nothing of this (only close()).
            self._set_assignment(tps)

    def assign(self, tps: list[tuple[str, int]]) -> None:
        if self.subscription:
            raise errors.IllegalStateError(
                "Subscription to topics, partitions and pattern are mutually exclusive")
        self.manual = list(dict.fromkeys(tps))
        self._set_assignment(self.manual)

    def unsubscribe(self) -> None:
        if self.group_id is not None and self.member_id:
            self.maybe_commit_sync()
            self.cluster.coordinator.leave(self.group_id, self.member_id)
        self._reset_membership()
        self.subscription = None
        self.manual = None
        self._set_assignment([])

    def _set_assignment(self, tps: list[tuple[str, int]]) -> None:
        old = self.positions
        self.assignment = list(tps)
        self.positions = {tp: old.get(tp) for tp in tps}
        self.version += 1

    def _reset_membership(self) -> None:
        self.member_id = ""
        self.generation = -1
        self.state = "UNJOINED"
        if self._hb_timer is not None:
            self._hb_timer.cancel()
            self._hb_timer = None
        self.version += 1

    # -- group protocol ----------------------------------------------------------------------------
    def _ensure_group(self) -> bool:
        """True when the consumer may fetch (stable member or manual assignment)."""
        if self.subscription is None:
            return True
        if self.group_id is None:
            self._assign_all_subscribed()     # picks up topics created or grown since
            return True
        if self.state == "STABLE" and not self.needs_rejoin:
            return True
        if self.state in ("JOINING", "SYNCING"):
            return False
        if self.cluster.kernel.now < self.retry_at:
            return False
        if self.state == "STABLE":
            self.maybe_commit_sync()
        if self.on_rebalance is not None:
            # Eager rebalancing: everything is revoked before JoinGroup. kafka-python 3 tells the
            # listener before every join, the first one too (with nothing to revoke).
            self.on_rebalance(list(self.assignment), None)
        self.needs_rejoin = False
        self.state = "JOINING"
        # What the sticky assignor's user data carries: the last assignment and its generation.
        self.join_user_data = (self.assignment_by_topic(), self.generation if self.assignment else -1)
        protocols = [(name, list(self.subscription)) for name in self.assignors]
        self.member_id = self.cluster.coordinator.join(
            self.group_id, self.member_id, self.client_id, protocols, self.session_timeout_ms,
            self.max_poll_interval_ms, self._on_joined, owner=self)
        return False

    def _on_joined(self, error, info) -> None:
        if self.closed:
            return
        if error is not None:
            if isinstance(error, (errors.InvalidSessionTimeoutError, errors.InconsistentGroupProtocolError)):
                self.error = error
            self.retry_at = self.cluster.kernel.now + RETRY_BACKOFF_MS
            self._fall_out_of_group(error)
            return
        self.generation = info["generation"]
        self.member_id = info["member_id"]
        self.state = "SYNCING"
        assignments = None
        if info["members"] is not None:
            assignments = self._compute_assignment(info["protocol"], info["members"])
        self.cluster.coordinator.sync(self.group_id, self.member_id, self.generation, assignments, self._on_synced)

    def _compute_assignment(self, protocol: str, members: list) -> dict:
        topics = sorted({t for _m, ts, _i, _o in members for t in ts})
        partitions = {}
        for topic in topics:
            t = self.cluster.ensure_topic(topic)
            if t is not None:
                partitions[topic] = list(range(len(t.partitions)))
        previous = {}
        if protocol == "sticky":
            for member_id, _ts, _i, owner in members:
                if owner is not None:
                    previous[member_id] = owner.join_user_data
        result = run_assignor(protocol, partitions, [(m, ts, i) for m, ts, i, _o in members], previous)
        return result

    def assignment_by_topic(self) -> dict[str, list[int]]:
        out: dict[str, list[int]] = {}
        for t, p in self.assignment:
            out.setdefault(t, []).append(p)
        return out

    def _on_synced(self, error, assignment) -> None:
        if self.closed:
            return
        if error is not None:
            self.retry_at = self.cluster.kernel.now + RETRY_BACKOFF_MS
            self._fall_out_of_group(error)
            return
        tps = [(t, p) for t in sorted(assignment) for p in assignment[t]]
        self._set_assignment(tps)
        self.positions = {tp: None for tp in tps}
        self.state = "STABLE"
        self.version += 1
        self._arm_heartbeat()
        if self.on_rebalance is not None:
            self.on_rebalance(None, tps)

    def _arm_heartbeat(self) -> None:
        if self._hb_timer is not None:
            self._hb_timer.cancel()
        self._hb_timer = self.cluster.kernel.schedule(self.heartbeat_interval_ms, self._heartbeat)

    def _heartbeat(self) -> None:
        self._hb_timer = None
        if self.closed or not self.member_id:
            return
        now = self.cluster.kernel.now
        if now - self.last_poll_ms > self.max_poll_interval_ms:
            self.cluster.trace.emit(
                "group.poll_timeout",
                f"{self.client_id} hat {self.max_poll_interval_ms} ms nicht gepollt (max.poll.interval.ms) "
                f"und verlässt die Consumer-Gruppe {self.group_id}.",
                group=self.group_id, member=self.member_id, client_id=self.client_id)
            self.cluster.coordinator.leave(self.group_id, self.member_id)
            self._reset_membership()
            self.needs_rejoin = True
            return
        error = self.cluster.coordinator.heartbeat(self.group_id, self.member_id, self.generation)
        if error is None:
            self._arm_heartbeat()
            return
        if isinstance(error, errors.RebalanceInProgressError):
            self.needs_rejoin = True
            self.version += 1
            self._arm_heartbeat()
        elif isinstance(error, errors.CoordinatorNotAvailableError):
            # Coordinator unknown: keep the membership, look it up again and keep heartbeating.
            self._arm_heartbeat()
        else:
            self._fall_out_of_group(error)

    def _fall_out_of_group(self, error: errors.KafkaError) -> None:
        """A failed JoinGroup, SyncGroup or heartbeat: join again, with a fresh member id when the
        coordinator no longer knows ours; the version bump wakes blocked polls."""
        if isinstance(error, errors.UnknownMemberIdError):
            self.member_id = ""
        self.state = "UNJOINED"
        self.needs_rejoin = True
        self.version += 1

    # -- fetching ---------------------------------------------------------------------------------
    def _init_positions(self) -> None:
        cluster = self.cluster
        for tp, pos in self.positions.items():
            if pos is not None:
                continue
            committed = None
            if self.group_id is not None:
                try:
                    committed = cluster.coordinator.committed(self.group_id, *tp)
                except errors.CoordinatorNotAvailableError:
                    continue        # the position waits until the coordinator answers again
            partition = cluster.partition(*tp)
            if partition is None:
                continue
            if committed is not None:
                self.positions[tp] = committed
            else:
                self.positions[tp] = self._reset_offset(partition)

    def _reset_offset(self, partition) -> int:
        if self.auto_offset_reset == "earliest":
            return partition.log.log_start_offset
        if self.auto_offset_reset == "latest":
            return partition.hw
        raise errors.NoOffsetForPartitionError(
            f"Kein committeter Offset für {partition.label} und auto_offset_reset={self.auto_offset_reset!r}.")

    def poll_once(self, max_records: int | None = None) -> list[tuple[tuple[str, int], list[tuple]]]:
        """Advances the group protocol and returns [(tp, records)] available right now."""
        if self.error is not None:
            error, self.error = self.error, None
            raise error
        cluster = self.cluster
        now = cluster.kernel.now
        self.last_poll_ms = now
        if not self._ensure_group():
            return []
        if self.enable_auto_commit and now >= self.next_commit_ms:
            self.commit_positions()
        if not self.assignment:
            return []
        self._init_positions()
        limit = max_records or self.max_poll_records
        out = []
        n = len(self.assignment)
        start = self._rr
        for i in range(n):
            if limit <= 0:
                break
            tp = self.assignment[(start + i) % n]
            pos = self.positions.get(tp)
            partition = cluster.partition(*tp)
            if pos is None or partition is None or not partition.leader_alive():
                continue
            log = partition.log
            if pos < log.log_start_offset or pos > log.log_end_offset:
                cluster.trace.emit(
                    "offset.reset",
                    f"{self.client_id}: Offset {pos} gibt es in {partition.label} nicht (mehr); "
                    f"auto_offset_reset={self.auto_offset_reset} setzt die Position neu.",
                    topic=tp[0], partition=tp[1], offset=pos)
                pos = self.positions[tp] = self._reset_offset(partition)
            if pos >= partition.hw:
                continue
            records = log.read(pos, partition.hw, limit)
            if not records:
                continue
            self.positions[tp] = records[-1][0] + 1
            limit -= len(records)
            out.append((tp, records))
            self._rr = (start + i + 1) % n
        if out:
            count = sum(len(r) for _tp, r in out)
            self.consumed += count
            cluster.metrics_consumed += count
            if cluster.record_events:
                for tp, records in out:
                    first = records[0]
                    if len(records) == 1:
                        text = (f"{self.client_id} liest aus {tp[0]}-{tp[1]} Offset {first[0]} "
                                f"(Key {short(display(first[2]))}, Value {short(display(first[3]))})")
                    else:
                        text = (f"{self.client_id} liest aus {tp[0]}-{tp[1]} {len(records)} Records, "
                                f"Offsets {first[0]} bis {records[-1][0]}")
                    if self.group_id:
                        text += f" (Consumer-Gruppe {self.group_id})"
                    cluster.trace.emit("record.fetched", text + ".", topic=tp[0], partition=tp[1],
                                        offset=first[0], count=len(records), client_id=self.client_id,
                                        group=self.group_id, key=display(first[2]), value=display(first[3]))
        return out

    # -- commits ----------------------------------------------------------------------------------
    def commit_positions(self, offsets: dict | None = None):
        self.next_commit_ms = self.cluster.kernel.now + self.auto_commit_interval_ms
        if offsets is None:
            offsets = {tp: (pos, "") for tp, pos in self.positions.items() if pos is not None}
        if not offsets:
            return None
        managed = self.subscription is not None
        if managed and self.state != "STABLE":
            # kafka-python fails such commits itself, before sending anything.
            if self.state in ("JOINING", "SYNCING") or self.needs_rejoin:
                return errors.RebalanceInProgressError(
                    "Offset commit cannot be completed since the consumer is undergoing a rebalance for auto "
                    "partition assignment. You can try completing the rebalance by calling poll() and then "
                    "retry the operation.")
            return errors.CommitFailedError(
                "Offset commit cannot be completed since the consumer is not part of an active group for auto "
                "partition assignment; it is likely that the consumer was kicked out of the group.")
        error = self.cluster.coordinator.commit(self.group_id, self.member_id if managed else "",
                                                self.generation if managed else -1, offsets)
        if isinstance(error, (errors.UnknownMemberIdError, errors.IllegalGenerationError,
                              errors.RebalanceInProgressError)):
            # As kafka-python: the member has to rejoin, the caller gets CommitFailedError.
            if managed:
                self.needs_rejoin = True
                if isinstance(error, errors.UnknownMemberIdError):
                    self.member_id = ""
            return errors.CommitFailedError(type(error)())
        return error

    def maybe_commit_sync(self) -> None:
        if self.enable_auto_commit and self.state == "STABLE":
            self.commit_positions()

    def next_wakeup(self) -> float:
        """When a waiting poll must look again even if no data arrives (auto-commit, retries)."""
        times = [self.retry_at] if self.retry_at > self.cluster.kernel.now else []
        if self.enable_auto_commit:
            times.append(self.next_commit_ms)
        return min(times) if times else float("inf")

    def close(self, autocommit: bool = True) -> None:
        if self.closed:
            return
        if autocommit:
            self.maybe_commit_sync()
        try:
            if self.on_rebalance is not None and self.subscription is not None and self.assignment:
                # kafka-python 3 (like Java's onLeavePrepare): before leaving, close() revokes every
                # partition, so a listener can still act while this consumer owns them.
                self.on_rebalance(list(self.assignment), None)
        finally:
            if self.before_leave is not None:
                self.before_leave()
            if self.group_id is not None and self.member_id:
                self.cluster.coordinator.leave(self.group_id, self.member_id)
            self._reset_membership()
            self.closed = True

    def abandon(self) -> None:
        """The process ended without close(): heartbeats stop, the session will time out."""
        if self._hb_timer is not None:
            self._hb_timer.cancel()
            self._hb_timer = None
        self.closed = True
