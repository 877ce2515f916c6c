"""The producer's client side: record accumulator, batches, sender, retries, idempotence.

Does not block: the kafka-python facade blocks by running the kernel; actors (the Börse ticker)
append whole batches from kernel timers.
"""

from __future__ import annotations

from . import errors
from .log import record_size
from .replication import NET_MS


class Batch:
    __slots__ = ("topic", "partition", "records", "futures", "size", "created_ms", "base_seq",
                 "attempts", "timestamp", "closed")

    def __init__(self, topic: str, partition: int, now: int) -> None:
        self.topic = topic
        self.partition = partition
        self.records: list[tuple] = []
        self.futures: list = []
        self.size = 0
        self.created_ms = now
        self.base_seq = -1
        self.attempts = 0
        self.timestamp = now
        self.closed = False


class ProducerCore:
    def __init__(self, cluster, client_id: str, acks: int = -1, idempotent: bool = True,
                 retries: float = float("inf"), linger_ms: int = 0, batch_size: int = 16384,
                 delivery_timeout_ms: int = 120_000, request_timeout_ms: int = 30_000,
                 retry_backoff_ms: int = 100, max_in_flight: int = 5, retry_backoff_max_ms: int = 1000,
                 reconnect_backoff_ms: int = 50, reconnect_backoff_max_ms: int = 30_000) -> None:
        self.cluster = cluster
        self.client_id = client_id
        self.acks = acks
        self.idempotent = idempotent
        self.retries = retries
        self.linger_ms = linger_ms
        self.batch_size = batch_size
        self.delivery_timeout_ms = delivery_timeout_ms
        self.request_timeout_ms = request_timeout_ms
        self.retry_backoff_ms = retry_backoff_ms
        self.retry_backoff_max_ms = max(retry_backoff_ms, retry_backoff_max_ms)
        self.max_in_flight = 1 if idempotent else max_in_flight
        self.producer_id = cluster.next_producer_id() if idempotent else -1
        self._open: dict[tuple[str, int], Batch] = {}
        self._ready: dict[tuple[str, int], list[Batch]] = {}
        self._in_flight: dict[tuple[str, int], int] = {}
        self._sequence: dict[tuple[str, int], int] = {}
        self._drain_scheduled = False
        self._recheck_timer = None
        self.reconnect_backoff_ms = reconnect_backoff_ms
        self.reconnect_backoff_max_ms = max(reconnect_backoff_ms, reconnect_backoff_max_ms)
        # Per broker the client cannot reach: (failed connection attempts, time of the next attempt).
        self._reconnect: dict[int, tuple[int, int]] = {}
        # Per held partition: the leader the client's metadata still names.
        self._believed_leader: dict[tuple[str, int], int] = {}
        self._held: set[tuple[str, int]] = set()      # partitions whose records wait for a leader
        self.pending = 0          # records not yet completed
        self.sent = 0
        self.acked = 0
        self.errors = 0
        self.closed = False
        self._last_failure_event = -10**9
        cluster.producers.append(self)

    def append(self, topic: str, partition: int, key, value, headers, timestamp: int, future=None) -> None:
        tp = (topic, partition)
        batch = self._open.get(tp)
        now = self.cluster.kernel.now
        if batch is None:
            batch = self._open[tp] = Batch(topic, partition, now)
            batch.timestamp = timestamp
            self._schedule_drain(self.linger_ms)
        batch.records.append((key, value, headers))
        batch.futures.append(future)
        batch.size += record_size(key, value)
        self.sent += 1
        self.pending += 1
        if batch.size >= self.batch_size:
            del self._open[tp]
            self._ready.setdefault(tp, []).append(batch)
            self._schedule_drain(0)

    def append_many(self, topic: str, partition: int, records: list, timestamp: int) -> None:
        """Fast path for actors: a whole list of (key, value, headers) as one batch, no futures."""
        batch = Batch(topic, partition, self.cluster.kernel.now)
        batch.timestamp = timestamp
        batch.records = records
        batch.futures = [None] * len(records)
        self.sent += len(records)
        self.pending += len(records)
        self._ready.setdefault((topic, partition), []).append(batch)
        self._schedule_drain(0)

    def _schedule_drain(self, delay: int) -> None:
        if not self._drain_scheduled or delay == 0:
            self._drain_scheduled = True
            self.cluster.kernel.schedule(delay, self._drain)

    def flush_now(self) -> None:
        """Makes every open batch sendable at once (flush() ignores linger_ms)."""
        for tp, batch in list(self._open.items()):
            self._ready.setdefault(tp, []).append(batch)
        self._open.clear()
        self._schedule_drain(0)

    def _drain(self) -> None:
        self._drain_scheduled = False
        now = self.cluster.kernel.now
        if self._open:
            waiting = False
            for tp, batch in list(self._open.items()):
                if now - batch.created_ms >= self.linger_ms:
                    del self._open[tp]
                    self._ready.setdefault(tp, []).append(batch)
                else:
                    waiting = True
            if waiting:
                self._drain_scheduled = True
                self.cluster.kernel.schedule(1, self._drain)
        next_look = None
        for tp, queue in self._ready.items():
            # Batches that waited longer than delivery.timeout.ms (e.g. no leader) give up in the queue.
            while queue and now - queue[0].created_ms >= self.delivery_timeout_ms:
                self._expire(queue.pop(0))
            if not queue:
                continue
            look = self._hold_until(tp, now)
            if look is not None:
                # kafka-python's accumulator only drains for a known leader the client is connected
                # to; a crashed leader refuses connections, so the batch waits (and is not an
                # attempt, even with retries=0) until the metadata names a new leader.
                self._note_held(tp)
                look = min(look, queue[0].created_ms + self.delivery_timeout_ms)
                next_look = look if next_look is None else min(next_look, look)
                continue
            self._held.discard(tp)
            while queue and self._in_flight.get(tp, 0) < self.max_in_flight:
                self._send(queue.pop(0))
        if next_look is not None:
            self._schedule_recheck(next_look)

    def _hold_until(self, tp: tuple[str, int], now: int) -> int | None:
        """None when the partition's batches can be sent now, else when to look again.

        Mirrors kafka-python 3.0.12: a partition without a leader makes the client refresh its
        metadata every retry_backoff_ms. A leader that is down refuses the connection; every failed
        attempt makes the client refresh its metadata (which names the crashed broker until the
        controller fences it), and the next attempt waits reconnect_backoff_ms doubled per failure
        (±20 % jitter, at most reconnect_backoff_max_ms). So a new leader is only noticed at the first
        failed reconnect after the election, not at the election itself.
        """
        topic = self.cluster.topics.get(tp[0])
        if topic is None or tp[1] >= len(topic.partitions):
            return None                 # sending reports the missing topic or partition
        believed = self._believed_leader.get(tp)
        if believed is not None:
            backoff = self._reconnect.get(believed)
            if backoff is not None and now < backoff[1]:
                return backoff[1]       # the client's metadata still names the broker it cannot reach
        leader = topic.partitions[tp[1]].leader
        if leader is None:
            self._believed_leader.pop(tp, None)
            return now + self.retry_backoff_ms
        if self.cluster.brokers[leader].state == "running":
            self._believed_leader.pop(tp, None)
            self._reconnect.pop(leader, None)
            return None
        self._believed_leader[tp] = leader
        backoff = self._reconnect.get(leader)
        if backoff is not None and now < backoff[1]:
            return backoff[1]
        failures = (backoff[0] if backoff is not None else 0) + 1
        delay = min(self.reconnect_backoff_max_ms, self.reconnect_backoff_ms * 2 ** (failures - 1))
        retry_at = now + max(1, int(delay * self.cluster.kernel.rng.uniform(0.8, 1.2)))
        self._reconnect[leader] = (failures, retry_at)
        return retry_at

    def _note_held(self, tp: tuple[str, int]) -> None:
        if tp in self._held:
            return                      # one explanation per outage, not one per recheck
        self._held.add(tp)
        leader = self.cluster.topics[tp[0]].partitions[tp[1]].leader
        why = (f"ihr Leader, Broker {leader}, ist nicht erreichbar" if leader is not None
               else "sie hat gerade keinen Leader")
        self.cluster.trace.emit(
            "produce.held",
            f"Producer {self.client_id} hält Records für {tp[0]}-{tp[1]} zurück: {why}. Er schickt sie, "
            f"sobald die Metadaten einen erreichbaren Leader nennen – höchstens bis delivery.timeout.ms "
            f"({self.delivery_timeout_ms} ms) nach dem Anlegen des Batches.",
            topic=tp[0], partition=tp[1], client_id=self.client_id, broker=leader)

    def _schedule_recheck(self, at_ms: int) -> None:
        # One timer per producer, however many drains ran meanwhile; an earlier need replaces it.
        timer = self._recheck_timer
        if timer is not None and not timer.cancelled and timer.at <= at_ms:
            return
        if timer is not None:
            timer.cancel()
        self._recheck_timer = self.cluster.kernel.at(at_ms, self._recheck)

    def _recheck(self) -> None:
        self._recheck_timer = None
        self._drain()

    def _send(self, batch: Batch) -> None:
        cluster = self.cluster
        tp = (batch.topic, batch.partition)
        self._in_flight[tp] = self._in_flight.get(tp, 0) + 1
        batch.attempts += 1
        if self.idempotent and batch.base_seq < 0:
            batch.base_seq = self._sequence.get(tp, 0)
            self._sequence[tp] = batch.base_seq + len(batch.records)
        topic = cluster.topics.get(batch.topic)
        if topic is None or batch.partition >= len(topic.partitions):
            cluster.kernel.schedule(NET_MS, self._on_response, batch, None,
                                    errors.UnknownTopicOrPartitionError(
                                        f"Topic {batch.topic} bzw. Partition {batch.partition} gibt es nicht."), -1)
            return
        partition = topic.partitions[batch.partition]
        leader = partition.leader
        incarnation = cluster.brokers[leader].incarnation if leader is not None else -1
        if self.acks == 0:
            cluster.kernel.schedule(NET_MS, partition.handle_produce, batch.records, 0, batch.timestamp,
                                    -1, -1, self.request_timeout_ms, _ignore, self.client_id)
            self._in_flight[tp] -= 1
            self._complete(batch, None, -1)
            return

        def respond(error, base_offset, batch=batch, leader=leader, incarnation=incarnation):
            cluster.kernel.schedule(NET_MS, self._on_response, batch, (leader, incarnation), error, base_offset)

        cluster.kernel.schedule(NET_MS, partition.handle_produce, batch.records, self.acks, batch.timestamp,
                                self.producer_id, batch.base_seq, self.request_timeout_ms, respond,
                                self.client_id)

    def _on_response(self, batch: Batch, origin, error, base_offset: int) -> None:
        cluster = self.cluster
        tp = (batch.topic, batch.partition)
        self._in_flight[tp] -= 1
        if origin is not None and origin[0] is not None:
            broker = cluster.brokers[origin[0]]
            if broker.incarnation != origin[1] or broker.state == "crashed":
                # The broker died before answering: the client only sees a broken connection.
                error = errors.KafkaConnectionError(f"Verbindung zu Broker {origin[0]} abgebrochen.")
                base_offset = -1
        if error is None:
            self._complete(batch, None, base_offset)
        elif error.retriable and batch.attempts <= self.retries:
            now = cluster.kernel.now
            if now - batch.created_ms >= self.delivery_timeout_ms:
                self._expire(batch)
            else:
                if batch.attempts & (batch.attempts - 1) == 0:     # attempts 1, 2, 4, 8, …: no flood
                    cluster.trace.emit(
                        "produce.retry",
                        f"Producer {self.client_id} wiederholt einen Batch für {batch.topic}-{batch.partition} "
                        f"({type(error).__name__}), Versuch {batch.attempts + 1}.",
                        topic=batch.topic, partition=batch.partition, client_id=self.client_id,
                        error=type(error).__name__)
                self._in_flight[tp] += 1
                # kafka-python 3 backs off exponentially from retry_backoff_ms up to retry_backoff_max_ms.
                backoff = min(self.retry_backoff_ms * 2 ** (batch.attempts - 1), self.retry_backoff_max_ms,
                              batch.created_ms + self.delivery_timeout_ms - now)
                cluster.kernel.schedule(backoff, self._resend, batch)
        else:
            self._complete(batch, error, -1)
        if self._ready.get(tp):
            self._schedule_drain(0)

    def _expire(self, batch: Batch) -> None:
        self._complete(batch, errors.KafkaTimeoutError(
            f"Expiring {len(batch.records)} record(s) for {batch.topic}-{batch.partition}: "
            f"{self.cluster.kernel.now - batch.created_ms} ms has passed since batch creation"), -1)

    def _resend(self, batch: Batch) -> None:
        tp = (batch.topic, batch.partition)
        self._in_flight[tp] -= 1
        if self.cluster.kernel.now - batch.created_ms >= self.delivery_timeout_ms:
            self._expire(batch)       # delivery.timeout.ms is up: no further attempt
            return
        # Retries go to the head of the queue so a partition's batches keep their order.
        self._ready.setdefault(tp, []).insert(0, batch)
        self._drain()

    def _complete(self, batch: Batch, error, base_offset: int) -> None:
        n = len(batch.records)
        self.pending -= n
        if error is None:
            self.acked += n
            for i, future in enumerate(batch.futures):
                if future is not None:
                    future._resolve(base_offset + i if base_offset >= 0 else -1, batch.timestamp)
        else:
            self.errors += n
            now = self.cluster.kernel.now
            if now - self._last_failure_event < 1000:       # a dead partition must not flood the trace
                for future in batch.futures:
                    if future is not None:
                        future._reject(error)
                return
            self._last_failure_event = now
            self.cluster.trace.emit(
                "produce.failed",
                f"Producer {self.client_id}: {n} Record(s) für {batch.topic}-{batch.partition} "
                f"endgültig fehlgeschlagen ({type(error).__name__}).",
                topic=batch.topic, partition=batch.partition, client_id=self.client_id,
                error=type(error).__name__)
            for future in batch.futures:
                if future is not None:
                    future._reject(error)

    def idle(self) -> bool:
        return self.pending == 0

    def snapshot(self) -> dict:
        acks = {0: "0", 1: "1", -1: "all"}[self.acks]
        return {"client_id": self.client_id, "acks": acks, "sent": self.sent, "acked": self.acked,
                "errors": self.errors}


def _ignore(*_args) -> None:
    pass
