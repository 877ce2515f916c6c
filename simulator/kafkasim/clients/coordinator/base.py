"""kafka.coordinator.base.BaseCoordinator: membership of a group on the classic protocol.

Finds the group's coordinator (FindCoordinator), joins (JoinGroup, SyncGroup), heartbeats in the
background (kafka-python's heartbeat thread; here a kernel timer, which also leaves the group when
poll() was not called for max_poll_interval_ms) and leaves (LeaveGroup). Nothing here blocks:
every request's response arrives as a callback; the consumer's poll() drives the state machine
and waits for `notify()`.

States: UNJOINED → JOINING → SYNCING → STABLE; a member that must rejoin goes back through
JOINING (after committing, see consumer.py).
"""

from __future__ import annotations

import logging

from ... import errors as Errors
from ...protocol import groups as g
from ...protocol import metadata as m

# Errors after which the coordinator has to be looked up again: it moved, or cannot be reached.
COORDINATOR_ERRORS = (Errors.NotCoordinatorError, Errors.CoordinatorNotAvailableError,
                      Errors.CoordinatorLoadInProgressError, Errors.KafkaConnectionError, Errors.NodeNotReadyError)


class BaseCoordinator:
    def __init__(self, env, client_id: str, group_id: str | None, manager, config: dict, notify) -> None:
        self.env = env
        self.kernel = env.kernel
        self.client_id = client_id
        self.group_id = group_id
        self.group_instance_id = config.get("group_instance_id")
        self.manager = manager
        self.notify = notify
        self.session_timeout_ms = int(config["session_timeout_ms"])
        self.heartbeat_interval_ms = int(config["heartbeat_interval_ms"])
        self.max_poll_interval_ms = int(config["max_poll_interval_ms"])
        self.retry_backoff_ms = int(config["retry_backoff_ms"])
        if group_id is not None:      # kafka-python's Heartbeat checks, when the consumer is built
            if self.heartbeat_interval_ms >= self.session_timeout_ms:
                raise Errors.KafkaConfigurationError(
                    "Heartbeat interval must be lower than the session timeout (%s v %s)"
                    % (self.heartbeat_interval_ms, self.session_timeout_ms))
            if self.heartbeat_interval_ms > self.session_timeout_ms / 3:
                logging.getLogger("kafka.coordinator.heartbeat").warning(
                    "heartbeat_interval_ms is high relative to session_timeout_ms (%s v %s). Recommend "
                    "heartbeat interval less than 1/3rd of session timeout",
                    self.heartbeat_interval_ms, self.session_timeout_ms)
        self.coordinator_id: int | None = None
        self._finding = False
        self._find_waiters: list = []
        self.member_id = ""
        self.generation = -1
        self.protocol: str | None = None
        self.is_leader = False
        self.state = "UNJOINED"
        self.needs_rejoin = False
        self.retry_at = 0                       # after a failed JoinGroup/SyncGroup: not before retry_backoff_ms
        self.last_poll_ms = self.kernel.now
        self._hb_timer = None
        self._hb_in_flight = False
        self.error: Errors.KafkaError | None = None     # raised by the next poll()
        self.closed = False

    # -- the coordinator -----------------------------------------------------------------------
    def coordinator_unknown(self) -> bool:
        return self.coordinator_id is None

    def lookup_coordinator(self, then=None) -> None:
        """FindCoordinator; `then(error | None)` once known (or failed)."""
        if then is not None:
            self._find_waiters.append(then)
        if self.coordinator_id is not None:
            self._finished_lookup(None)
            return
        if self._finding or self.closed:
            return
        node = self.manager.least_loaded_node()
        if node is None:
            self.kernel.schedule(self.manager.earliest_retry_ms(), self._retry_lookup)
            return
        self._finding = True
        self.manager.send(node, m.FindCoordinatorRequest(m.GROUP, [self.group_id]), self._found)

    def _retry_lookup(self) -> None:
        if self.coordinator_id is None and self._find_waiters:
            self.lookup_coordinator()

    def _found(self, response, error) -> None:
        self._finding = False
        if self.closed:
            return
        if error is None:
            entry = response.coordinators[0]
            if entry.error_code == 0:
                self.coordinator_id = entry.node_id
                self._finished_lookup(None)
                self.notify()
                return
            error = Errors.for_code(entry.error_code)()
        self.retry_at = self.kernel.now + self.retry_backoff_ms
        self._finished_lookup(error)
        self.notify()

    def _finished_lookup(self, error) -> None:
        waiters, self._find_waiters = self._find_waiters, []
        for then in waiters:
            then(error)

    def coordinator_dead(self) -> None:
        """The coordinator did not answer (or is not it any more): look it up again."""
        self.coordinator_id = None

    # -- joining -------------------------------------------------------------------------------
    def send_join(self, protocols: list) -> None:
        self.state = "JOINING"
        self.needs_rejoin = False
        request = g.JoinGroupRequest(self.group_id, self.session_timeout_ms, self.max_poll_interval_ms,
                                     self.member_id, self.group_instance_id, "consumer", protocols)
        self.manager.send(self.coordinator_id, request, self._joined)

    def _joined(self, response, error) -> None:
        if self.closed:
            return
        if error is None and response.error_code:
            error = Errors.for_code(response.error_code)()
        if error is not None:
            if isinstance(error, (Errors.InvalidSessionTimeoutError, Errors.InconsistentGroupProtocolError)):
                self.error = error
            if isinstance(error, COORDINATOR_ERRORS):
                self.coordinator_dead()
            self.retry_at = self.kernel.now + self.retry_backoff_ms
            self.fall_out_of_group(error)
            return
        self.generation = response.generation_id
        self.member_id = response.member_id
        self.protocol = response.protocol_name
        self.state = "SYNCING"
        self.is_leader = response.leader == self.member_id
        if self.is_leader:
            self.perform_assignment(response)
        else:
            self.send_sync([])

    def perform_assignment(self, response) -> None:        # pragma: no cover - consumer.py
        raise NotImplementedError

    def send_sync(self, assignments: list) -> None:
        request = g.SyncGroupRequest(self.group_id, self.generation, self.member_id, self.group_instance_id,
                                     "consumer", self.protocol, assignments)
        generation = self.generation
        self.manager.send(self.coordinator_id, request,
                          lambda response, error: self._synced(generation, response, error))

    def _synced(self, generation: int, response, error) -> None:
        if self.closed or generation != self.generation or self.state != "SYNCING":
            return
        if error is None and response.error_code:
            error = Errors.for_code(response.error_code)()
        if error is not None:
            if isinstance(error, COORDINATOR_ERRORS):
                self.coordinator_dead()
            self.retry_at = self.kernel.now + self.retry_backoff_ms
            self.fall_out_of_group(error)
            return
        self.state = "STABLE"
        self.on_join_complete(response.assignment)
        self.arm_heartbeat()
        self.notify()

    def on_join_complete(self, assignment: bytes) -> None:        # pragma: no cover - consumer.py
        raise NotImplementedError

    def fall_out_of_group(self, error: Errors.KafkaError) -> None:
        """A failed JoinGroup, SyncGroup or heartbeat: join again, with a fresh member id when the
        coordinator no longer knows ours."""
        if isinstance(error, Errors.UnknownMemberIdError):
            self.member_id = ""
        self.state = "UNJOINED"
        self.needs_rejoin = True
        self.notify()

    def reset_membership(self) -> None:
        self.member_id = ""
        self.generation = -1
        self.state = "UNJOINED"
        self.stop_heartbeat()
        self.notify()

    # -- heartbeats ----------------------------------------------------------------------------
    def arm_heartbeat(self) -> None:
        if self._hb_timer is not None:
            self._hb_timer.cancel()
        self._hb_timer = self.kernel.schedule(self.heartbeat_interval_ms, self._heartbeat)

    def stop_heartbeat(self) -> None:
        if self._hb_timer is not None:
            self._hb_timer.cancel()
            self._hb_timer = None

    def _heartbeat(self) -> None:
        self._hb_timer = None
        if self.closed or not self.member_id:
            return
        if self.kernel.now - self.last_poll_ms > self.max_poll_interval_ms:
            self.env.trace.emit("group.poll_timeout", group=self.group_id, member=self.member_id,
                                client_id=self.client_id, max_poll_interval_ms=self.max_poll_interval_ms)
            self.send_leave()
            self.reset_membership()
            self.needs_rejoin = True
            return
        if self.state not in ("STABLE", "PREPARING"):
            # Like kafka-python's heartbeat thread: quiet while the member (re)joins.
            self.arm_heartbeat()
            return
        if self.coordinator_id is None:
            # Coordinator unknown: keep the membership, look it up again and keep heartbeating.
            self.lookup_coordinator()
            self.arm_heartbeat()
            return
        if self._hb_in_flight:
            self.arm_heartbeat()
            return
        self._hb_in_flight = True
        request = g.HeartbeatRequest(self.group_id, self.generation, self.member_id, self.group_instance_id)
        self.manager.send(self.coordinator_id, request, self._heartbeat_done)

    def _heartbeat_done(self, response, error) -> None:
        self._hb_in_flight = False
        if self.closed or not self.member_id:
            return
        if error is None and response.error_code:
            error = Errors.for_code(response.error_code)()
        if self.state not in ("STABLE", "PREPARING"):
            self.arm_heartbeat()            # an answer from before the rejoin: no news
        elif error is None:
            self.arm_heartbeat()
        elif isinstance(error, Errors.RebalanceInProgressError):
            self.needs_rejoin = True
            self.notify()
            self.arm_heartbeat()
        elif isinstance(error, COORDINATOR_ERRORS):
            self.coordinator_dead()
            self.arm_heartbeat()
        else:
            self.stop_heartbeat()
            self.fall_out_of_group(error)

    # -- leaving -------------------------------------------------------------------------------
    def send_leave(self, callback=None) -> bool:
        """LeaveGroup; False when there is nothing to leave or nobody to tell."""
        if not self.member_id or self.coordinator_id is None:
            return False
        request = g.LeaveGroupRequest(self.group_id, [g.LeaveGroupMember(self.member_id, self.group_instance_id,
                                                                         "the consumer is being closed")])
        self.manager.send(self.coordinator_id, request, callback or _ignore)
        return True


def _ignore(_response, _error) -> None:
    pass
