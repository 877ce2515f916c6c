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
# After a broken or refused connection a timed heartbeat tries again this much later (retry.backoff.ms).
RETRY_BACKOFF_MS = 100


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

    def send(self, request, on_response, on_error=None) -> None:
        """Sends `request` to the broker; `on_response(response)` when it is answered,
        `on_error(error)` when the connection is refused or breaks."""
        def done(response, error):
            if error is not None:
                self._next_node()
                if on_error is not None:
                    on_error(error)
                return
            on_response(response)
        self._manager.send(self.node_id, request, done)

    def _next_node(self) -> None:
        """The broker did not answer: the next request goes to the next broker of the bootstrap list
        (every broker serves the Kafka 4.x groups in the simulator)."""
        nodes = self.env.network.node_ids()
        if self.node_id in nodes and len(nodes) > 1:
            self.node_id = nodes[(nodes.index(self.node_id) + 1) % len(nodes)]

    def call(self, request):
        """Sends `request` and waits (simulated time) for its answer."""
        answer, failed = [], []
        self.send(request, answer.append, failed.append)
        # A ShareFetch may wait at the broker for max_wait_ms before it is answered.
        bound = ANSWER_BOUND_MS + (getattr(request, "max_wait_ms", 0) or 0)
        if not self.env.block(self.kernel.now + bound, lambda: bool(answer or failed)):
            raise self.error_class(f"{self.name}: der Broker antwortet nicht auf {type(request).__name__}.")
        if failed:
            raise self.error_class(f"{self.name}: keine Verbindung zum Broker ({failed[0]}). Bitte noch einmal "
                                   "versuchen, sobald ein Broker läuft.")
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
        answered, failed = [], []
        self._send_heartbeat(lambda: answered.append(True), failed.append)
        if not self.env.block(self.kernel.now + ANSWER_BOUND_MS, lambda: bool(answered or failed) or self.closed):
            raise self.error_class(f"{self.name}: der Broker antwortet nicht auf den Heartbeat.")
        if failed:
            raise self.error_class(f"{self.name}: keine Verbindung zum Broker ({failed[0]}).")

    def _timed_heartbeat(self) -> None:
        self._heartbeat_timer = None
        if not self.closed and not self._heartbeat_in_flight:
            self._send_heartbeat()

    def _send_heartbeat(self, then=None, on_error=None) -> None:
        self._heartbeat_in_flight = True

        def answered(response):
            self._heartbeat_in_flight = False
            if self.closed:
                return
            delay = self.on_heartbeat(response)
            self._schedule_heartbeat(delay)
            if then is not None:
                then()

        def failed(error):
            # As the Java clients do: the heartbeat goes out again after the retry backoff.
            self._heartbeat_in_flight = False
            if not self.closed:
                self._schedule_heartbeat(RETRY_BACKOFF_MS)
            if on_error is not None:
                on_error(error)
        self.send(self.heartbeat_request(), answered, failed)

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
