"""kafka.producer.sender.Sender: takes ready batches from the accumulator and sends them as
Produce requests, one per broker, to the partitions' leaders; retries, expiry, idempotence.

Runs on kernel timers (kafka-python runs it in a background thread). Like kafka-python 3.0.12,
it drains a partition only while its leader is known and the connection to it is ready: a leader
that is down refuses the connection, every failed attempt refreshes the metadata (which names the
crashed broker until the controller fences it), and the next attempt waits out the reconnect
backoff. So a new leader is noticed at the first failed reconnect after its election.
"""

from __future__ import annotations

from ... import errors as Errors
from ...protocol import produce as pr
from ...protocol.records import RecordBatch
from ...protocol.transactions import InitProducerIdRequest
from ..future import in_io_thread
from .transaction_manager import TransactionState


class Sender:
    def __init__(self, env, client_id: str, manager, metadata, accumulator, *, acks: int, idempotent: bool,
                 retries: float, request_timeout_ms: int, retry_backoff_ms: int, retry_backoff_max_ms: int,
                 max_in_flight: int, delivery_timeout_ms: int, transaction_manager=None) -> None:
        self.env = env
        self.kernel = env.kernel
        self.client_id = client_id
        self.manager = manager
        self.metadata = metadata
        self.accumulator = accumulator
        self.acks = acks
        self.idempotent = idempotent
        self.retries = retries
        self.request_timeout_ms = request_timeout_ms
        self.retry_backoff_ms = retry_backoff_ms
        self.retry_backoff_max_ms = max(retry_backoff_ms, retry_backoff_max_ms)
        self.max_in_flight = 1 if idempotent else max_in_flight
        self.delivery_timeout_ms = delivery_timeout_ms
        # A transactional producer's TransactionManager (None for the others: an idempotent one gets
        # its producer id below, without a transaction coordinator).
        self.txn = transaction_manager
        self.transactional_id = transaction_manager.transactional_id if transaction_manager else None
        self._txn_in_flight = False
        self.producer_id = -1
        self.producer_epoch = -1
        self._pid_pending = False
        self._in_flight: dict[tuple[str, int], int] = {}
        self._sequence: dict[tuple[str, int], int] = {}
        self._held: set[tuple[str, int]] = set()      # partitions whose records wait for a leader
        self._timer = None
        self._last_failure_event = -10**9
        self.sent = 0
        self.acked = 0
        self.errors = 0
        self.closed = False

    # -- scheduling ----------------------------------------------------------------------------
    def wakeup(self, delay: int = 0) -> None:
        self.wakeup_at(self.kernel.now + max(0, int(delay)))

    def wakeup_at(self, at_ms: int) -> None:
        # One timer, however often woken; an earlier need replaces a later one.
        timer = self._timer
        if timer is not None and not timer.cancelled and timer.at <= at_ms:
            return
        if timer is not None:
            timer.cancel()
        self._timer = self.kernel.at(at_ms, self.run)

    def run(self) -> None:
        self._timer = None
        acc = self.accumulator
        txn = self.txn
        if txn is not None and not self._run_transactional():
            return
        next_wake = acc.close_lingered()
        pid_ready = not self.idempotent or self.producer_id >= 0
        if not pid_ready and acc.ready and txn is None:
            self._init_producer_id()
        now = self.kernel.now
        sendable: dict[int, list] = {}
        for tp, queue in acc.ready.items():
            for batch in acc.expired(queue):
                self._expire(batch)
            if not queue or not pid_ready:
                continue
            if txn is not None and not txn.is_send_to_partition_allowed(tp):
                continue                      # waits for AddPartitionsToTxn
            look = self._hold_until(tp, now)
            if look is not None:
                look = min(look, queue[0].created_ms + self.delivery_timeout_ms)
                next_wake = look if next_wake is None else min(next_wake, look)
                continue
            self._held.discard(tp)
            if self._in_flight.get(tp, 0) < self.max_in_flight:
                # One batch per partition and request, as kafka-python drains; the rest next round.
                sendable.setdefault(self.metadata.leader_for_partition(tp), []).append(queue.pop(0))
                if queue and self._in_flight.get(tp, 0) + 1 < self.max_in_flight:
                    next_wake = now
        for node, batches in sendable.items():
            self._send(node, batches)
        if next_wake is not None:
            self.wakeup_at(next_wake)

    def _hold_until(self, tp: tuple[str, int], now: int) -> int | None:
        """None when the partition's batches can go now, else when to look again."""
        leader = self.metadata.leader_for_partition(tp)
        if leader is None or leader == -1:
            self.manager.request_metadata_update()
            self._note_held(tp)
            return now + self.retry_backoff_ms
        if self.manager.ready(leader):
            return None
        delay = self.manager.connection_delay(leader)
        if delay > 0:
            self._note_held(tp)         # the leader refused the connection: an outage, not a first connect
        return now + max(1, delay)

    def _note_held(self, tp: tuple[str, int]) -> None:
        if tp in self._held:
            return                      # one explanation per outage, not one per recheck
        self._held.add(tp)
        leader = self.metadata.leader_for_partition(tp)
        self.env.trace.emit("produce.held", topic=tp[0], partition=tp[1], client_id=self.client_id,
                            broker=leader if leader not in (None, -1) else None,
                            delivery_timeout_ms=self.delivery_timeout_ms)

    # -- producer id ---------------------------------------------------------------------------
    def _init_producer_id(self) -> None:
        if self._pid_pending:
            return
        node = self.manager.least_loaded_node()
        if node is None:
            self.wakeup(self.manager.earliest_retry_ms())
            return
        self._pid_pending = True
        self.manager.send(node, InitProducerIdRequest(transactional_id=None), self._producer_id_done)

    def _producer_id_done(self, response, error) -> None:
        self._pid_pending = False
        if error is None and response.error_code == 0:
            self.producer_id = response.producer_id
            self.producer_epoch = response.producer_epoch
            self.wakeup()
        else:
            self.wakeup(self.retry_backoff_ms)

    # -- transactions (kafka-python's Sender.run_once and _maybe_send_pending_request) ----------
    def _run_transactional(self) -> bool:
        """Sends the next transactional request if one is due; True when produce data may go now."""
        txn = self.txn
        if self._txn_in_flight or self._maybe_send_txn_request():
            return False                      # one transactional request at a time, before any data
        if txn.has_fatal_error() or not txn.has_producer_id():
            if txn.last_error is not None:
                self._abort_undrained(txn.last_error)
            return False
        if txn.has_abortable_error():
            self._abort_undrained(txn.last_error or Errors.TransactionAbortedError())
        return True

    def _maybe_send_txn_request(self) -> bool:
        txn = self.txn
        acc = self.accumulator
        if txn.is_completing() and acc.pending:
            if txn.is_aborting():
                self._abort_undrained(txn.last_error or Errors.TransactionAbortedError())
            acc.flush()                       # the transaction's records go now, lingering or not
        handler = txn.next_request_handler(acc.pending > 0)
        if handler is None:
            return False
        if handler.needs_coordinator():
            node = txn.coordinator(handler.coordinator_type, handler.coordinator_key)
            if node is None:
                txn.lookup_coordinator(handler.coordinator_type, handler.coordinator_key)
                txn.retry(handler)
                self.wakeup()
                return True
        else:
            node = self.manager.least_loaded_node()
            if node is None:
                txn.retry(handler)
                self.wakeup(self.manager.earliest_retry_ms())
                return True
        if handler.is_retry and not getattr(handler, "_backed_off", False):
            handler._backed_off = True        # kafka-python sleeps retry_backoff_ms before a retry
            txn.retry(handler)
            self.wakeup(self.retry_backoff_ms)
            return True
        handler._backed_off = False
        self._txn_in_flight = True
        self.manager.send(node, handler.request,
                          lambda response, error: self._txn_response(handler, response, error))
        return True

    def _txn_response(self, handler, response, error) -> None:
        self._txn_in_flight = False
        handler.on_complete(response, error)
        pid = self.txn.producer_id_and_epoch
        if (pid.producer_id, pid.epoch) != (self.producer_id, self.producer_epoch):
            self.producer_id, self.producer_epoch = pid.producer_id, pid.epoch
            self._sequence.clear()            # a new epoch starts every partition's sequence at 0
        self.wakeup()

    def _abort_undrained(self, error) -> None:
        """Fails the records not yet sent (kafka-python's abort_undrained_batches)."""
        acc = self.accumulator
        acc.flush()
        for tp, queue in list(acc.ready.items()):
            batches, queue[:] = list(queue), []
            for batch in batches:
                self._complete(batch, error, -1)

    # -- sending -------------------------------------------------------------------------------
    def _send(self, node: int, batches: list) -> None:
        by_topic: dict[str, list] = {}
        for batch in batches:
            tp = batch.topic_partition
            self._in_flight[tp] = self._in_flight.get(tp, 0) + 1
            batch.attempts += 1
            if self.idempotent and batch.base_sequence < 0:
                batch.base_sequence = self._sequence.get(tp, 0)
                self._sequence[tp] = batch.base_sequence + len(batch.records)
            records = RecordBatch(batch.records, self.producer_id, self.producer_epoch, batch.base_sequence,
                                  self.txn is not None, batch.size, batch.max_timestamp)
            by_topic.setdefault(batch.topic, []).append(pr.ProducePartitionData(batch.partition, records))
        request = pr.ProduceRequest(self.transactional_id, self.acks, self.request_timeout_ms,
                                    [pr.ProduceTopicData(t, parts) for t, parts in by_topic.items()])
        if self.acks == 0:
            self.manager.send(node, request, _ignore, expect_response=False)
            for batch in batches:
                self._in_flight[batch.topic_partition] -= 1
                # kafka-python completes with a made-up answer whose base offset is the schema's
                # default 0: a record's offset is its index in the batch.
                self._complete(batch, None, 0)
            return
        self.manager.send(node, request, lambda response, error: self._on_response(batches, response, error))

    def _on_response(self, batches: list, response, error) -> None:
        results: dict[tuple[str, int], tuple] = {}
        if response is not None:
            for topic in response.responses:
                for part in topic.partition_responses:
                    err = None
                    if part.error_code:
                        cls = Errors.for_code(part.error_code)
                        err = cls(part.error_message) if part.error_message else cls()
                    results[(topic.name, part.index)] = (err, part.base_offset, part.log_append_time_ms)
        for batch in batches:
            tp = batch.topic_partition
            self._in_flight[tp] -= 1
            if response is None:
                err, base, append_time = error, -1, -1
            else:
                err, base, append_time = results.get(tp, (Errors.UnknownError("Keine Antwort für diese Partition."),
                                                          -1, -1))
            if err is None:
                self._complete(batch, None, base, append_time)
            elif err.retriable and batch.attempts <= self.retries:
                self._retry(batch, err)
            else:
                if self.txn is not None:
                    self._transaction_failed(err)
                self._complete(batch, err, -1)
        self.wakeup()

    def _transaction_failed(self, error) -> None:
        """A batch of the transaction failed for good: fencing is fatal, anything else makes the
        transaction abortable (the epoch bump of KIP-360 is not simulated)."""
        txn = self.txn
        if isinstance(error, (Errors.ProducerFencedError, Errors.InvalidProducerEpochError,
                              Errors.InvalidTxnStateError)):
            txn.transition_to_fatal_error(Errors.ProducerFencedError()
                                          if isinstance(error, Errors.InvalidProducerEpochError) else error)
        elif txn.state in (TransactionState.IN_TRANSACTION, TransactionState.COMMITTING_TRANSACTION,
                           TransactionState.ABORTABLE_ERROR):
            txn.transition_to_abortable_error(error)

    def _retry(self, batch, error) -> None:
        now = self.kernel.now
        if now - batch.created_ms >= self.delivery_timeout_ms:
            self._expire(batch)
            return
        if batch.attempts & (batch.attempts - 1) == 0:     # attempts 1, 2, 4, 8, …: no flood
            self.env.trace.emit("produce.retry", topic=batch.topic, partition=batch.partition,
                                client_id=self.client_id, error=type(error).__name__, attempt=batch.attempts + 1)
        if error.invalid_metadata:
            self.manager.request_metadata_update()
        tp = batch.topic_partition
        self._in_flight[tp] = self._in_flight.get(tp, 0) + 1      # the partition waits for this retry
        # kafka-python 3 backs off exponentially from retry_backoff_ms up to retry_backoff_max_ms.
        backoff = min(self.retry_backoff_ms * 2 ** (batch.attempts - 1), self.retry_backoff_max_ms,
                      batch.created_ms + self.delivery_timeout_ms - now)
        self.kernel.schedule(backoff, self._resend, batch)

    def _resend(self, batch) -> None:
        self._in_flight[batch.topic_partition] -= 1
        if self.kernel.now - batch.created_ms >= self.delivery_timeout_ms:
            self._expire(batch)       # delivery.timeout.ms is up: no further attempt
            return
        self.accumulator.reenqueue(batch)
        self.run()

    def _expire(self, batch) -> None:
        self._complete(batch, Errors.KafkaTimeoutError(
            f"Expiring {len(batch.records)} record(s) for {batch.topic}-{batch.partition}: "
            f"{self.kernel.now - batch.created_ms} ms has passed since batch creation"), -1)

    def _complete(self, batch, error, base_offset: int, log_append_time: int = -1) -> None:
        if batch.futures:
            with in_io_thread(self.client_id):
                self._settle(batch, error, base_offset, log_append_time)
        else:
            self._settle(batch, error, base_offset, log_append_time)

    def _settle(self, batch, error, base_offset: int, log_append_time: int) -> None:
        n = len(batch.records)
        self.accumulator.pending -= n
        futures = batch.futures or ()
        if error is None:
            self.acked += n
            records = batch.records
            for i, future in enumerate(futures):
                if future is not None:
                    future._resolve(base_offset + i if base_offset >= 0 else -1,
                                    log_append_time if log_append_time != -1 else records[i][0])
            return
        self.errors += n
        now = self.kernel.now
        if now - self._last_failure_event >= 1000:       # a dead partition must not flood the trace
            self._last_failure_event = now
            self.env.trace.emit("produce.failed", topic=batch.topic, partition=batch.partition,
                                client_id=self.client_id, error=type(error).__name__, count=n)
        for future in futures:
            if future is not None:
                future._reject(error)

    def in_flight(self) -> int:
        return sum(self._in_flight.values())


def _ignore(_response, _error) -> None:
    pass
