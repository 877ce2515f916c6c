"""kafka.coordinator.consumer.ConsumerCoordinator: a consumer's side of its group.

On top of membership (base.py): each assignor's subscription metadata for JoinGroup (bytes in the
consumer protocol), the assignment the group leader computes with kafka-python's assignor classes,
the rebalance listener (called from poll(), in the consumer's own thread), committed offsets
(OffsetCommit, OffsetFetch) and auto-commit every auto_commit_interval_ms inside poll().
Rebalancing is eager (before rejoining, a member commits and gives up all its partitions) or, with
CooperativeStickyAssignor, cooperative (KIP-429): a member keeps its partitions across the join,
gives up only those missing from its new assignment and then rejoins once more so they can move.
"""

from __future__ import annotations

from ... import errors as Errors
from ...protocol import groups as g
from ...protocol import offsets as o
from ...protocol.api import struct
from ...protocol.consumer import Assignment, decode_assignment, decode_subscription, encode_assignment, \
    encode_subscription
from ..structs import TopicPartition
from .assignors import RebalanceProtocol, rebalance_protocol
from .base import COORDINATOR_ERRORS, BaseCoordinator

# What an assignor gets for each member, as kafka-python's JoinGroupResponseMember.
GroupMember = struct("GroupMember", "member_id group_instance_id metadata")

REBALANCING = ("Offset commit cannot be completed since the consumer is undergoing a rebalance for auto "
               "partition assignment. You can try completing the rebalance by calling poll() and then retry "
               "the operation.")
NOT_A_MEMBER = ("Offset commit cannot be completed since the consumer is not part of an active group for auto "
                "partition assignment; it is likely that the consumer was kicked out of the group.")


class AssignmentView:
    """What on_assignment() gets: kafka-python's ConsumerProtocolAssignment interface."""

    def __init__(self, assignment: Assignment) -> None:
        self.version = assignment.version
        self.assigned_partitions = assignment.assigned_partitions
        self.user_data = assignment.user_data

    def partitions(self) -> list:
        return [TopicPartition(t, p) for t, ps in self.assigned_partitions for p in ps]


class ConsumerCoordinator(BaseCoordinator):
    # OffsetFetch's require_stable (the consumer sets it for read_committed): offsets a transaction
    # has sent but not yet committed are answered with UNSTABLE_OFFSET_COMMIT, which is retried.
    require_stable = False

    def __init__(self, env, client_id, group_id, manager, metadata, subscription, config: dict, assignors: list,
                 notify) -> None:
        super().__init__(env, client_id, group_id, manager, config, notify)
        self.metadata = metadata
        self.subscription = subscription
        self.assignors = assignors
        self.rebalance_protocol = rebalance_protocol(assignors)
        self.enable_auto_commit = bool(config["enable_auto_commit"]) and group_id is not None
        self.auto_commit_interval_ms = int(config["auto_commit_interval_ms"])
        self.next_commit_ms = self.kernel.now + self.auto_commit_interval_ms
        self._leader_response = None        # a JoinGroup answer waiting for metadata of the members' topics
        self._to_announce: list = []        # listener calls (method, partitions) not made yet
        self._group_topics: set[str] = set()      # every member's topics (the leader knows them)
        self._metadata_snapshot = None            # partition ids per group topic, as last seen
        self._assignment_snapshot = None          # … and as the leader assigned them
        self._needs_join_prepare = True           # commit and tell the listener before the next join round
        self.in_listener = False                  # the rebalance listener is running (its IO thread)
        self.listener_error = None                # a failed on_partitions_assigned, for the next poll()
        self.positions_at_close: dict = {}        # how far it got, for views after close()
        metadata.add_listener(self._metadata_updated)

    # -- the poll loop -------------------------------------------------------------------------
    def poll(self) -> bool:
        """Advances the group protocol; True when the consumer may fetch."""
        if self.error is not None:
            error, self.error = self.error, None
            raise error
        now = self.kernel.now
        self.last_poll_ms = now
        sub = self.subscription
        if not sub.partitions_auto_assigned():
            self._maybe_auto_commit(now)
            return True
        if self.group_id is None:
            self._assign_all_subscribed()      # picks up topics created or grown since
            return True
        if self.state == "STABLE" and not self.needs_rejoin:
            self._announce_assignment()
            self._maybe_auto_commit(now)
            return True
        if self.state in ("JOINING", "SYNCING", "PREPARING") or now < self.retry_at:
            return False
        if self.coordinator_id is None:
            self.lookup_coordinator()
            return False
        if self._needs_join_prepare:
            self._prepare_join()
            if self.state == "PREPARING":
                return False
        self.send_join(self._protocols())
        return False

    def _prepare_join(self) -> None:
        """kafka-python's _on_join_prepare, once per join round (also before the first one): commit
        what was consumed, then tell the listener what is revoked: every partition (eager), or only
        those of topics no longer subscribed, which the member gives up now (cooperative)."""
        self._needs_join_prepare = False
        self._announce_assignment()
        offsets = self._positions() if self.enable_auto_commit and self.state == "STABLE" else {}
        if offsets:
            self.state = "PREPARING"
            self.next_commit_ms = self.kernel.now + self.auto_commit_interval_ms
            self.commit_async(offsets, self._prepared)
        if self.rebalance_protocol == RebalanceProtocol.EAGER:
            self.call_listener("on_partitions_revoked", list(self.subscription.assignment))
            return
        subscribed = set(self.subscription.subscription or ())
        owned = list(self.subscription.assignment)
        revoked = [tp for tp in owned if tp[0] not in subscribed]
        if revoked:
            self.call_listener("on_partitions_revoked", revoked)
            self.subscription.set_assignment(sorted(tp for tp in owned if tp[0] in subscribed))

    def call_listener(self, method: str, tps) -> None:
        """Calls the rebalance listener as kafka-python 3 does, on its IO thread: blocking consumer
        calls inside raise RuntimeError (see `in_listener`); a failing revoke stops the join (or
        close()) at once, a failing assignment is in place already and surfaces from poll()."""
        listener = self.subscription.listener
        if listener is None:
            return
        self.in_listener = True
        try:
            getattr(listener, method)({TopicPartition(*tp) for tp in tps})
        except Exception as exc:
            error = Errors.KafkaError("User rebalance callback throws an error")
            error.__cause__ = exc
            if method == "on_partitions_revoked":
                raise error from exc
            self.listener_error = self.listener_error or error
        finally:
            self.in_listener = False

    def _prepared(self, _error) -> None:
        if self.state == "PREPARING":
            self.state = "UNJOINED"
            self.needs_rejoin = True
            self.notify()

    def _protocols(self) -> list:
        topics = sorted(self.subscription.subscription or ())
        return [g.JoinGroupProtocol(a.name, _encode_metadata(a.metadata(topics))) for a in self.assignors]

    def perform_assignment(self, response) -> None:
        """The group leader assigns with fresh metadata of every member's topics: it asks for it
        first (one round trip) and assigns when the answer is in (see _metadata_updated)."""
        members = [GroupMember(mm.member_id, mm.group_instance_id, decode_subscription(mm.metadata))
                   for mm in response.members]
        topics = {t for member in members for t in member.metadata.topics}
        self._group_topics = topics
        self.metadata.set_topics(set(self.subscription.subscription or ()) | topics)
        self._leader_response = (self.generation, members, topics, self.metadata.version)
        self.manager.request_metadata_update()

    def _snapshot(self, metadata) -> dict:
        topics = set(self.subscription.subscription or ()) | self._group_topics
        return {t: frozenset(metadata.partitions_for_topic(t) or ()) for t in sorted(topics)}

    def _metadata_updated(self, metadata) -> None:
        if self.subscription.partitions_auto_assigned():
            self._metadata_snapshot = self._snapshot(metadata)
            # kafka-python's leader rejoins when the metadata it assigned with has changed (new partitions).
            if self._assignment_snapshot is not None and self._assignment_snapshot != self._metadata_snapshot \
                    and self.state == "STABLE":
                self.needs_rejoin = True
        pending = self._leader_response
        if pending is not None and pending[0] == self.generation and self.state == "SYNCING" \
                and not self.closed and metadata.version > pending[3]:
            _generation, members, topics, _version = pending
            missing = [t for t in topics if metadata.partition_count(t) is None
                       and t not in metadata.unknown_topics and t not in metadata.invalid_topics]
            if missing:
                # A topic is still being created (auto-creation): ask again.
                self._leader_response = (self.generation, members, topics, metadata.version)
                self.manager.request_metadata_update()
            else:
                self._leader_response = None
                self._assignment_snapshot = self._snapshot(metadata)
                assignor = next(a for a in self.assignors if a.name == self.protocol)
                assignment = assignor.assign(metadata, members)
                self.send_sync([g.SyncGroupAssignment(mid, _encode_assignment(a)) for mid, a in assignment.items()])
        self.notify()

    def on_join_complete(self, assignment_bytes: bytes) -> None:
        assignment = decode_assignment(assignment_bytes)
        by_topic: dict[str, list[int]] = {}
        for topic, partitions in assignment.assigned_partitions:
            by_topic.setdefault(topic, []).extend(partitions)
        tps = [(t, p) for t in sorted(by_topic) for p in by_topic[t]]
        self._needs_join_prepare = True
        if not self.is_leader:
            self._assignment_snapshot = None
            self._group_topics = set()
        if self.rebalance_protocol == RebalanceProtocol.COOPERATIVE:
            self._cooperative_join_complete(assignment, tps)
            return
        self.subscription.set_assignment(tps, keep_positions=False)
        self._assignor_learns(assignment)
        self._to_announce.append(("on_partitions_assigned", tps))

    def _cooperative_join_complete(self, assignment, tps: list) -> None:
        """KIP-429 as kafka-python's _on_join_complete does it: partitions kept keep their positions,
        the listener hears only of the partitions lost (revoked) and won (assigned), and a member
        that lost some rejoins at once so that they can go to their new owner."""
        owned = set(self.subscription.assignment)
        revoked = sorted(owned - set(tps))
        added = sorted(set(tps) - owned)
        self.subscription.set_assignment(sorted(tps))
        self._assignor_learns(assignment)
        if revoked:
            self._to_announce.append(("on_partitions_revoked", revoked))
        if added:
            self._to_announce.append(("on_partitions_assigned", added))
        if revoked:
            self.needs_rejoin = True

    def _assignor_learns(self, assignment) -> None:
        assignor = next((a for a in self.assignors if a.name == self.protocol), None)
        if assignor is not None:
            assignor.on_assignment(AssignmentView(assignment), self.generation)

    def _announce_assignment(self) -> None:
        """The listener calls of the last join, in kafka-python's order; both run even when the
        first fails (the failure surfaces from poll())."""
        calls, self._to_announce = self._to_announce, []
        for method, tps in calls:
            try:
                self.call_listener(method, tps)
            except Errors.KafkaError as error:       # a failed revoke here: the join is done already
                self.listener_error = error

    def _assign_all_subscribed(self) -> None:
        """Subscribed without a group: the consumer simply takes every partition (kafka-python)."""
        sub = self.subscription
        tps = []
        for topic in sub.subscription or ():
            tps.extend((topic, p) for p in sorted(self.metadata.partitions_for_topic(topic) or ()))
        if tps != list(sub.assignment):
            # No group, no rebalance: kafka-python's listener hears nothing of this.
            sub.set_assignment(tps)

    def next_wakeup(self) -> float:
        """When a waiting poll must look again even if nothing arrives (auto-commit, retries)."""
        now = self.kernel.now
        times = [self.retry_at] if self.retry_at > now else []
        if self.enable_auto_commit:
            times.append(self.next_commit_ms)
        return min(times) if times else float("inf")

    # -- commits -------------------------------------------------------------------------------
    def _positions(self) -> dict:
        return {tp: (s.position, "") for tp, s in self.subscription.assignment.items() if s.position is not None}

    def _maybe_auto_commit(self, now: int) -> None:
        if not self.enable_auto_commit or now < self.next_commit_ms:
            return
        self.next_commit_ms = now + self.auto_commit_interval_ms
        offsets = self._positions()
        if offsets and (not self.subscription.partitions_auto_assigned() or self.state == "STABLE"):
            self.commit_async(offsets, None)

    def _commit_precheck(self):
        if self.subscription.partitions_auto_assigned() and self.state != "STABLE":
            # kafka-python fails such commits itself, before sending anything.
            if self.state in ("JOINING", "SYNCING", "PREPARING") or self.needs_rejoin:
                return Errors.RebalanceInProgressError(REBALANCING)
            return Errors.CommitFailedError(NOT_A_MEMBER)
        return None

    def commit_async(self, offsets: dict, callback) -> None:
        """OffsetCommit for {tp: (offset, metadata)}; callback(error | None) with the answer."""
        callback = callback or _ignore_error
        self.next_commit_ms = self.kernel.now + self.auto_commit_interval_ms
        if not offsets:
            callback(None)
            return
        error = self._commit_precheck()
        if error is not None:
            callback(error)
            return
        if self.coordinator_id is None:
            self.lookup_coordinator(lambda err: callback(err) if err is not None else self._send_commit(offsets, callback))
            return
        self._send_commit(offsets, callback)

    def _send_commit(self, offsets: dict, callback) -> None:
        managed = self.subscription.partitions_auto_assigned()
        by_topic: dict[str, list] = {}
        for (topic, partition), (offset, meta) in offsets.items():
            by_topic.setdefault(topic, []).append(o.OffsetCommitPartition(partition, offset, -1, meta))
        request = o.OffsetCommitRequest(self.group_id, self.generation if managed else -1,
                                        self.member_id if managed else "", self.group_instance_id,
                                        [o.OffsetCommitTopic(t, ps) for t, ps in by_topic.items()])

        def done(response, error):
            if error is None:
                codes = [p.error_code for t in response.topics for p in t.partitions if p.error_code]
                if codes:
                    error = Errors.for_code(codes[0])()
            if error is not None:
                if isinstance(error, COORDINATOR_ERRORS):
                    self.coordinator_dead()
                elif isinstance(error, (Errors.UnknownMemberIdError, Errors.IllegalGenerationError,
                                        Errors.RebalanceInProgressError)):
                    # As kafka-python: the member has to rejoin, the caller gets CommitFailedError.
                    if managed:
                        self.needs_rejoin = True
                        if isinstance(error, Errors.UnknownMemberIdError):
                            self.member_id = ""
                    error = Errors.CommitFailedError(type(error)())
            callback(error)
            self.notify()

        self.manager.send(self.coordinator_id, request, done)

    def commit_sync(self, offsets: dict, timeout_ms=None):
        """Commits and waits; retriable errors (coordinator moving) are retried after
        retry_backoff_ms until timeout_ms, as kafka-python's synchronous commit does."""
        env = self.env
        deadline = float("inf") if timeout_ms is None else self.kernel.now + timeout_ms
        while True:
            result: dict = {}
            self.commit_async(offsets, lambda err: result.setdefault("error", err))
            if not env.block(deadline, lambda: "error" in result):
                raise Errors.KafkaTimeoutError("Timeout waiting for group coordinator")
            error = result["error"]
            if error is None or not error.retriable:
                return error
            if self.kernel.now >= deadline:
                raise Errors.KafkaTimeoutError("Timeout waiting for group coordinator (%s)" % (error,))
            env.block(min(deadline, self.kernel.now + self.retry_backoff_ms))

    def fetch_committed(self, tps: list, callback) -> None:
        """OffsetFetch; callback({tp: (offset, metadata) | None}, None) or callback(None, error)."""
        if self.coordinator_id is None:
            self.lookup_coordinator(lambda err: callback(None, err) if err is not None
                                    else self._send_offset_fetch(tps, callback))
            return
        self._send_offset_fetch(tps, callback)

    def _send_offset_fetch(self, tps: list, callback) -> None:
        by_topic: dict[str, list[int]] = {}
        for topic, partition in tps:
            by_topic.setdefault(topic, []).append(partition)
        request = o.OffsetFetchRequest(self.group_id, [o.OffsetFetchTopic(t, ps) for t, ps in by_topic.items()],
                                       self.require_stable)

        def done(response, error):
            if error is None and response.error_code:
                error = Errors.for_code(response.error_code)()
            if error is not None:
                if isinstance(error, COORDINATOR_ERRORS):
                    self.coordinator_dead()
                callback(None, error)
                return
            result = {}
            for topic in response.topics:
                for part in topic.partitions:
                    if part.error_code == Errors.UnstableOffsetCommitError.errno:
                        callback(None, Errors.UnstableOffsetCommitError())     # retriable: asked again
                        return
                    result[(topic.name, part.partition_index)] = (
                        (part.committed_offset, part.metadata or "") if part.committed_offset >= 0 else None)
            callback(result, None)

        self.manager.send(self.coordinator_id, request, done)

    def fetch_committed_sync(self, tps: list, timeout_ms=None) -> dict:
        env = self.env
        deadline = float("inf") if timeout_ms is None else self.kernel.now + timeout_ms
        while True:
            result: dict = {}
            self.fetch_committed(tps, lambda offsets, err: result.update(offsets=offsets, error=err))
            if not env.block(deadline, lambda: "error" in result):
                raise Errors.KafkaTimeoutError("Timeout waiting for group coordinator")
            error = result["error"]
            if error is None:
                return result["offsets"]
            if not error.retriable:
                raise error
            if self.kernel.now >= deadline:
                raise Errors.KafkaTimeoutError("Timeout waiting for group coordinator (%s)" % (error,))
            env.block(min(deadline, self.kernel.now + self.retry_backoff_ms))

    # -- leaving -------------------------------------------------------------------------------
    def maybe_commit_sync(self) -> None:
        if self.enable_auto_commit and (self.state == "STABLE" or not self.subscription.partitions_auto_assigned()):
            try:
                self.commit_sync(self._positions(), timeout_ms=self.manager.retry_backoff_ms * 50)
            except Errors.KafkaError:
                pass                             # kafka-python logs a failed commit on close and goes on

    def leave_group(self) -> None:
        # As kafka-python (since Kafka 2.3): a static member (group_instance_id) never sends
        # LeaveGroup; only its session timeout ends its membership.
        if self.group_id is not None and self.member_id and self.group_instance_id is None:
            done: dict = {}
            if self.send_leave(lambda response, error: done.setdefault("done", True)):
                self.env.block(self.kernel.now + 5000, lambda: "done" in done)
        self.reset_membership()

    def close(self, autocommit: bool = True) -> None:
        if self.closed:
            return
        if autocommit:
            self.maybe_commit_sync()
        sub = self.subscription
        if sub.partitions_auto_assigned():
            # kafka-python's _on_close_prepare (also without a group) (Java's onLeavePrepare): the partitions are revoked.
            revoked = list(sub.assignment)
            self.positions_at_close = self._positions()
            try:
                if revoked:
                    self.call_listener("on_partitions_revoked", revoked)
            finally:
                sub.set_assignment([])
                self.leave_group()
                self.closed = True
            return
        self.leave_group()
        self.closed = True

    def abandon(self) -> None:
        """The process ended without close(): heartbeats stop, the session will time out."""
        self.stop_heartbeat()
        self.closed = True


def _ignore_error(_error) -> None:
    pass


def _encode_metadata(subscription) -> bytes:
    """An assignor's metadata() as bytes (ours are Subscription structs; custom ones may return bytes)."""
    if isinstance(subscription, (bytes, bytearray)):
        return bytes(subscription)
    return encode_subscription(subscription)


def _encode_assignment(assignment) -> bytes:
    if isinstance(assignment, (bytes, bytearray)):
        return bytes(assignment)
    return encode_assignment(Assignment(getattr(assignment, "version", 0),
                                        [(t, list(ps)) for t, ps in assignment.assigned_partitions],
                                        getattr(assignment, "user_data", None)))
