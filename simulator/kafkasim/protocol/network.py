"""The simulated network: connections from clients to broker endpoints, with latency.

A client opens a connection to a node id; the connection is there one hop later if the broker
runs, else refused. Requests and responses each travel one hop. When a broker goes down, its
connections break: requests still in flight fail with KafkaConnectionError one hop later, and
responses it would still give are lost, so nothing from a broker's earlier life ever arrives.

An endpoint (the broker side) offers `up` and `handle(request, client_id, respond)`; it may call
`respond(response)` at once or later (a produce waiting for its replicas, a long-polling fetch).
"""

from __future__ import annotations

from ..errors import KafkaConnectionError
from .request_log import RequestLog

# One network hop between a client and a broker (or between brokers), in simulated ms.
NET_MS = 1


class Network:
    def __init__(self, kernel, latency_ms: int = NET_MS) -> None:
        self.kernel = kernel
        self.latency = latency_ms
        self._endpoints: dict[int, object] = {}
        self._addresses: dict[int, tuple[str, int]] = {}
        self._connections: dict[int, set[Connection]] = {}
        # Every request and its answer, for the page's „Ablauf“ (request_log.py).
        self.requests = RequestLog(kernel)

    # -- broker side ---------------------------------------------------------------------------
    def register(self, node_id: int, endpoint, host: str, port: int) -> None:
        self._endpoints[node_id] = endpoint
        self._addresses[node_id] = (host, port)
        self._connections[node_id] = set()

    def node_down(self, node_id: int, reason: str) -> None:
        """The broker stopped or crashed: every connection to it breaks."""
        for conn in sorted(self._connections[node_id], key=lambda c: c.serial):
            conn._break(KafkaConnectionError(reason))
        self._connections[node_id].clear()

    # -- client side ---------------------------------------------------------------------------
    def node_ids(self) -> list[int]:
        """Every broker answers at some address; a client's bootstrap list reaches all of them."""
        return sorted(self._endpoints)

    def address(self, node_id: int) -> tuple[str, int]:
        return self._addresses[node_id]

    def connect(self, node_id: int, client_id: str, on_done) -> None:
        """Opens a connection; one hop later `on_done(connection, None)` or `on_done(None, error)`."""
        self.kernel.schedule(self.latency, self._connected, node_id, client_id, on_done)

    def _connected(self, node_id: int, client_id: str, on_done) -> None:
        endpoint = self._endpoints.get(node_id)
        if endpoint is None or not endpoint.up:
            on_done(None, KafkaConnectionError(f"Connection refused: Broker {node_id} ist nicht erreichbar."))
            return
        conn = Connection(self, node_id, client_id, endpoint)
        self._connections[node_id].add(conn)
        on_done(conn, None)


class Connection:
    __slots__ = ("network", "node_id", "client_id", "endpoint", "open", "serial", "_pending", "_next", "on_close")

    _serials = 0

    def __init__(self, network: Network, node_id: int, client_id: str, endpoint) -> None:
        Connection._serials += 1
        self.serial = Connection._serials
        self.network = network
        self.node_id = node_id
        self.client_id = client_id
        self.endpoint = endpoint
        self.open = True
        self._pending: dict[int, object] = {}
        self._next = 0
        self.on_close = None            # called (with the error) when the connection breaks

    def in_flight(self) -> int:
        return len(self._pending)

    def send(self, request, on_response, expect_response: bool = True) -> None:
        """Sends a request; `on_response(response, None)` or `on_response(None, error)` later.

        Without expect_response (Produce with acks=0) nothing comes back and nothing is waited for.
        """
        if not self.open:
            self.network.kernel.schedule(0, on_response, None, KafkaConnectionError("Verbindung geschlossen."))
            return
        self._next += 1
        rid = self._next
        entry = self.network.requests.sent(self.client_id, self.node_id, request, expect_response)
        if expect_response:
            self._pending[rid] = (on_response, entry)
        self.network.kernel.schedule(self.network.latency, self._deliver, rid, request, expect_response)

    def _deliver(self, rid: int, request, expect_response: bool) -> None:
        if not self.open:
            return
        if expect_response:
            def respond(response, rid=rid):
                if self.open and rid in self._pending:
                    self.network.kernel.schedule(self.network.latency, self._complete, rid, response)
        else:
            respond = _ignore
        self.endpoint.handle(request, self.client_id, respond)

    def _complete(self, rid: int, response) -> None:
        pending = self._pending.pop(rid, None)
        if pending is not None and self.open:
            callback, entry = pending
            self.network.requests.answered(entry, response)
            callback(response, None)

    def _break(self, error) -> None:
        if not self.open:
            return
        self.open = False
        pending, self._pending = self._pending, {}
        kernel = self.network.kernel
        for rid in sorted(pending):
            callback, entry = pending[rid]
            kernel.schedule(self.network.latency, self._failed, callback, entry, error)
        if self.on_close is not None:
            kernel.schedule(self.network.latency, self.on_close, error)

    def _failed(self, callback, entry, error) -> None:
        self.network.requests.failed(entry, error)
        callback(None, error)

    def close(self) -> None:
        """The client closes the connection; what is still in flight is dropped."""
        if self.open:
            self.open = False
            self._pending.clear()
            conns = self.network._connections.get(self.node_id)
            if conns is not None:
                conns.discard(self)


def _ignore(_response) -> None:
    pass
