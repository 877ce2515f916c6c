"""What both Kafka 4.x group clients do: talk to their broker over the simulated network, heart-beat
in the interval the broker names, and wait on simulated time for an answer when a control calls.

A heartbeat that a timer sends is asynchronous (it runs inside the kernel); one that a control
calls (`heartbeat()`, joining, leaving) blocks until its answer arrived. Never two at once: a
heartbeat already in flight is waited for, as the Java clients' heartbeat manager does.
"""

from __future__ import annotations

from ..cluster import ClusterMetadata
from ..net.manager import KafkaConnectionManager

# A control waits at most this long (simulated) for an answer from the broker.
ANSWER_BOUND_MS = 30_000


class MemberError(Exception):
    """A wrong use of a group client or an error the broker returned; the message is German."""


class GroupMemberClient:
    error_class = MemberError

    def __init__(self, env, node_id: int, name: str) -> None:
        self.env = env
        self.kernel = env.kernel
        self.node_id = node_id
        self.name = name
        self._manager = KafkaConnectionManager(env, name, ClusterMetadata(env.kernel.rng), {})
        self._heartbeat_timer = None
        self._heartbeat_in_flight = False
        self.closed = False

    # --- requests ----------------------------------------------------------------------------------

    def send(self, request, on_response) -> None:
        """Sends `request` to the broker; `on_response(response)` when it is answered."""
        def done(response, error):
            if error is not None:
                raise self.error_class(f"{self.name}: keine Verbindung zum Broker ({error}).")
            on_response(response)
        self._manager.send(self.node_id, request, done)

    def call(self, request):
        """Sends `request` and waits (simulated time) for its answer."""
        answer = []
        self.send(request, answer.append)
        # A ShareFetch may wait at the broker for max_wait_ms before it is answered.
        bound = ANSWER_BOUND_MS + (getattr(request, "max_wait_ms", 0) or 0)
        if not self.env.block(self.kernel.now + bound, lambda: bool(answer)):
            raise self.error_class(f"{self.name}: der Broker antwortet nicht auf {type(request).__name__}.")
        return answer[0]

    # --- heartbeats --------------------------------------------------------------------------------

    def heartbeat_request(self):
        raise NotImplementedError

    def on_heartbeat(self, response) -> int:
        """Takes the broker's answer; returns the ms until the next heartbeat."""
        raise NotImplementedError

    def heartbeat(self) -> None:
        """One heartbeat now, waiting for its answer (the control's call)."""
        if self.closed:
            return
        self.env.block(self.kernel.now + ANSWER_BOUND_MS, lambda: not self._heartbeat_in_flight)
        answered = []
        self._send_heartbeat(lambda: answered.append(True))
        if not self.env.block(self.kernel.now + ANSWER_BOUND_MS, lambda: bool(answered) or self.closed):
            raise self.error_class(f"{self.name}: der Broker antwortet nicht auf den Heartbeat.")

    def _timed_heartbeat(self) -> None:
        self._heartbeat_timer = None
        if not self.closed and not self._heartbeat_in_flight:
            self._send_heartbeat()

    def _send_heartbeat(self, then=None) -> None:
        self._heartbeat_in_flight = True

        def answered(response):
            self._heartbeat_in_flight = False
            if self.closed:
                return
            delay = self.on_heartbeat(response)
            self._schedule_heartbeat(delay)
            if then is not None:
                then()
        self.send(self.heartbeat_request(), answered)

    def _schedule_heartbeat(self, delay_ms: int) -> None:
        if self._heartbeat_timer is not None:
            self._heartbeat_timer.cancel()
        self._heartbeat_timer = self.kernel.schedule(delay_ms, self._timed_heartbeat)

    def leave(self, request) -> None:
        """Sends the leave heartbeat (epoch -1) and stops heart-beating."""
        self.env.block(self.kernel.now + ANSWER_BOUND_MS, lambda: not self._heartbeat_in_flight)
        self.call(request)
        self.closed = True
        if self._heartbeat_timer is not None:
            self._heartbeat_timer.cancel()
        self._manager.close()
