"""kafka.net.manager.KafkaConnectionManager: a client's connections to brokers and its metadata.

Connections open on demand, one network hop each way. A refused or broken connection puts the
node into reconnect backoff (reconnect_backoff_ms, doubled per failure up to
reconnect_backoff_max_ms, ±20 % jitter) and asks for fresh metadata, as kafka-python does; a
metadata request goes to the least loaded node that can be reached. Everything here is callback
driven (kernel timers and network deliveries); blocking is left to the public client methods.
"""

from __future__ import annotations

from ... import errors as Errors
from ...protocol.metadata import MetadataRequest


class KafkaConnectionManager:
    def __init__(self, env, client_id: str, cluster, config: dict) -> None:
        self.env = env
        self.kernel = env.kernel
        self.network = env.network
        self.client_id = client_id
        self.cluster = cluster
        self.bootstrap_servers = config.get("bootstrap_servers", "localhost")
        self.reconnect_backoff_ms = int(config.get("reconnect_backoff_ms", 50))
        self.reconnect_backoff_max_ms = max(self.reconnect_backoff_ms, int(config.get("reconnect_backoff_max_ms", 30000)))
        self.retry_backoff_ms = int(config.get("retry_backoff_ms", 100))
        self.allow_auto_create_topics = bool(config.get("allow_auto_create_topics", True))
        self._conns: dict[int, object] = {}
        self._connecting: dict[int, list] = {}
        self._backoff: dict[int, tuple[int, int]] = {}
        self._metadata_pending = False
        self._metadata_timer = None
        self._age_timer = None
        self.closed = False
        # Called when a connection opens, fails or breaks (a waiting poll() may go on).
        self.on_change = None

    # -- connections ---------------------------------------------------------------------------
    def is_connected(self, node_id: int) -> bool:
        conn = self._conns.get(node_id)
        return conn is not None and conn.open

    def in_flight(self, node_id: int) -> int:
        conn = self._conns.get(node_id)
        return conn.in_flight() if conn is not None and conn.open else 0

    def connection_delay(self, node_id: int) -> int:
        """ms until a connection attempt to the node is allowed again (0: now or already connected)."""
        backoff = self._backoff.get(node_id)
        if backoff is None:
            return 0
        return max(0, backoff[1] - self.kernel.now)

    def ready(self, node_id: int) -> bool:
        """True when a request can go to the node now; otherwise starts connecting (if allowed)."""
        if self.is_connected(node_id):
            return True
        self._connect(node_id)
        return False

    def _connect(self, node_id: int) -> None:
        if self.closed or node_id in self._connecting or self.connection_delay(node_id) > 0:
            return
        self._connecting[node_id] = []
        self.network.connect(node_id, self.client_id, lambda conn, err: self._connected(node_id, conn, err))

    def _connected(self, node_id: int, conn, error) -> None:
        waiting = self._connecting.pop(node_id, [])
        if self.closed:
            if conn is not None:
                conn.close()
            return
        if conn is not None:
            self._conns[node_id] = conn
            self._backoff.pop(node_id, None)
            conn.on_close = lambda err, conn=conn: self._closed(node_id, conn, err)
        else:
            failures = self._backoff.get(node_id, (0, 0))[0] + 1
            delay = min(self.reconnect_backoff_max_ms, self.reconnect_backoff_ms * 2 ** (failures - 1))
            self._backoff[node_id] = (failures, self.kernel.now + max(1, int(delay * self.kernel.rng.uniform(0.8, 1.2))))
            self.request_metadata_update()
        for callback in waiting:
            callback(conn, error)
        if self.on_change is not None:
            self.on_change()

    def _closed(self, node_id: int, conn, error) -> None:
        if self._conns.get(node_id) is conn:
            del self._conns[node_id]
        if not self.closed:
            self.request_metadata_update()
            if self.on_change is not None:
                self.on_change()

    def send(self, node_id: int, request, callback, expect_response: bool = True) -> None:
        """Sends `request` to the node (connecting first if needed); `callback(response, error)`."""
        if self.closed:
            self.kernel.schedule(0, callback, None, Errors.KafkaConnectionError("Client geschlossen."))
            return
        conn = self._conns.get(node_id)
        if conn is not None and conn.open:
            conn.send(request, callback, expect_response)
            return

        def connected(conn, error):
            if conn is None:
                callback(None, error)
            else:
                conn.send(request, callback, expect_response)

        if self.connection_delay(node_id) > 0 and node_id not in self._connecting:
            # In reconnect backoff: fails at once, as kafka-python's does; the caller retries.
            self.kernel.schedule(0, callback, None, Errors.NodeNotReadyError(
                f"Broker {node_id} ist gerade nicht erreichbar (reconnect backoff)."))
            return
        self._connect(node_id)
        self._connecting[node_id].append(connected)

    def least_loaded_node(self) -> int | None:
        """A broker to ask for metadata: connected with the fewest requests in flight, else one that
        may be connected to now; None when every known broker is in reconnect backoff."""
        nodes = self.cluster.broker_ids() or self.network.node_ids()
        connected = [n for n in nodes if self.is_connected(n)]
        if connected:
            return min(connected, key=lambda n: (self.in_flight(n), n))
        for n in nodes:
            if n in self._connecting or self.connection_delay(n) == 0:
                return n
        return None

    def earliest_retry_ms(self) -> int:
        nodes = self.cluster.broker_ids() or self.network.node_ids()
        return min((self.connection_delay(n) for n in nodes), default=self.retry_backoff_ms) or self.retry_backoff_ms

    # -- metadata ------------------------------------------------------------------------------
    def request_metadata_update(self) -> None:
        self.cluster.request_update()
        self.maybe_refresh_metadata()

    def maybe_refresh_metadata(self) -> None:
        if self.closed or self._metadata_pending or self._metadata_timer is not None:
            return
        if not self.cluster.need_update(self.kernel.now):
            return
        node = self.least_loaded_node()
        if node is None:
            self._metadata_timer = self.kernel.schedule(self.earliest_retry_ms(), self._retry_metadata)
            return
        self._metadata_pending = True
        topics = self.cluster.wanted_topics()
        request = MetadataRequest(topics=topics, allow_auto_topic_creation=self.allow_auto_create_topics)
        self.send(node, request, lambda response, error: self._metadata_done(response, error, topics is None))

    def _retry_metadata(self) -> None:
        self._metadata_timer = None
        self.maybe_refresh_metadata()

    def _metadata_done(self, response, error, all_topics: bool) -> None:
        self._metadata_pending = False
        if self.closed:
            return
        if error is not None:
            self.cluster.request_update()
            self._metadata_timer = self.kernel.schedule(self.retry_backoff_ms, self._retry_metadata)
            return
        self.cluster.update_metadata(response, self.kernel.now, all_topics)
        if self.cluster.need_update(self.kernel.now):
            self._metadata_timer = self.kernel.schedule(self.retry_backoff_ms, self._retry_metadata)
        self._arm_age_timer()

    def _arm_age_timer(self) -> None:
        if self._age_timer is not None:
            self._age_timer.cancel()
        self._age_timer = self.kernel.schedule(self.cluster.metadata_max_age_ms, self._age_refresh)

    def _age_refresh(self) -> None:
        self._age_timer = None
        self.maybe_refresh_metadata()

    def bootstrap(self, timeout_ms: int) -> None:
        """Blocks until a first Metadata response arrived; KafkaTimeoutError after timeout_ms."""
        version = self.cluster.version
        self.request_metadata_update()
        if not self.env.block(self.kernel.now + timeout_ms, lambda: self.cluster.version != version):
            raise Errors.KafkaTimeoutError("Unable to bootstrap from %s" % (self.bootstrap_servers,))

    def fetch_metadata(self, timeout_ms: int, all_topics: bool = False) -> bool:
        """Blocks until the next Metadata response (for every topic with all_topics)."""
        cluster = self.cluster
        deadline = self.kernel.now + timeout_ms
        if not all_topics:
            version = cluster.version
            self.request_metadata_update()
            return self.env.block(deadline, lambda: cluster.version != version)
        version = cluster.full_version
        previous = cluster.need_all_topics
        cluster.need_all_topics = True
        try:
            def listed():
                if cluster.full_version != version:
                    return True
                self.request_metadata_update()      # a partial request was in flight: ask again
                return False
            self.request_metadata_update()
            return self.env.block(deadline, listed)
        finally:
            cluster.need_all_topics = previous

    def close(self) -> None:
        self.closed = True
        for timer in (self._metadata_timer, self._age_timer):
            if timer is not None:
                timer.cancel()
        for conn in list(self._conns.values()):
            conn.close()
        self._conns.clear()
