"""The transaction coordinator (KIP-98, as a Kafka 4.3.1 broker answers a client that speaks the
transaction protocol up to EndTxn v3, as kafka-python 3.0.12 does).

A transactional id is mapped to a partition of __transaction_state; that partition's leader is
its coordinator. Per transactional id the coordinator keeps the producer id, the epoch, the state
(Empty, Ongoing, CompleteCommit, CompleteAbort), the partitions and consumer groups of the open
transaction and when it began. Kafka writes this state into __transaction_state; here it lives
in the cluster's memory (every broker that becomes coordinator sees it, as one that loads the log).

* InitProducerId: a new id gets a producer id and epoch 0; an id seen before gets its epoch bumped,
  which fences every older producer with that id; an open transaction of the old one is aborted.
* AddPartitionsToTxn / AddOffsetsToTxn open the transaction; EndTxn writes a COMMIT or ABORT
  marker into each of its partitions (a control record that takes an offset) and, on commit, makes
  the offsets sent with TxnOffsetCommit the group's committed offsets.
* A transaction open longer than its transaction.timeout.ms is aborted by the coordinator's
  periodic check (transaction.abort.timed.out.transaction.cleanup.interval.ms) with an epoch
  bump: the producer is fenced.
"""

from __future__ import annotations

from .. import errors
from ..protocol import offsets as o
from .group_coordinator import offsets_partition_for

EMPTY, ONGOING, COMPLETE_COMMIT, COMPLETE_ABORT = "Empty", "Ongoing", "CompleteCommit", "CompleteAbort"


class TransactionMetadata:
    __slots__ = ("transactional_id", "producer_id", "epoch", "state", "timeout_ms", "started_ms", "partitions",
                 "groups", "offsets")

    def __init__(self, transactional_id: str, producer_id: int, timeout_ms: int) -> None:
        self.transactional_id = transactional_id
        self.producer_id = producer_id
        self.epoch = -1
        self.state = EMPTY
        self.timeout_ms = timeout_ms
        self.started_ms = -1
        self.partitions: list[tuple[str, int]] = []       # in the order they were added
        self.groups: list[str] = []
        # TxnOffsetCommit: group -> {(topic, partition): (offset, metadata)}, committed with the markers
        self.offsets: dict[str, dict[tuple[str, int], tuple[int, str]]] = {}


class TransactionCoordinator:
    def __init__(self, cluster) -> None:
        self.cluster = cluster
        self._next_producer_id = 1000
        self.transactions: dict[str, TransactionMetadata] = {}
        self._check_timer = None

    # -- where ---------------------------------------------------------------------------------
    def state_partition(self, transactional_id: str):
        topic = self.cluster.controller.ensure_transaction_state_topic()
        if topic is None:
            return None
        return topic.partitions[offsets_partition_for(transactional_id, len(topic.partitions))]

    def coordinator_of(self, transactional_id: str) -> int | None:
        p = self.state_partition(transactional_id)
        return None if p is None else p.leader

    def coordinator_error(self, node_id: int, transactional_id: str) -> int:
        coordinator = self.coordinator_of(transactional_id)
        if coordinator is None or not self.cluster.brokers[coordinator].up:
            return errors.CoordinatorNotAvailableError.errno
        if coordinator != node_id:
            return errors.NotCoordinatorError.errno
        return 0

    def _new_producer_id(self) -> int:
        self._next_producer_id += 1
        return self._next_producer_id

    # -- InitProducerId ------------------------------------------------------------------------
    def init_producer_id(self, transactional_id: str | None, timeout_ms: int = 60000) -> tuple[int, int, int]:
        """(error code, producer id, epoch)."""
        if not transactional_id:
            return 0, self._new_producer_id(), 0
        if timeout_ms <= 0 or timeout_ms > self.cluster.config["transaction.max.timeout.ms"]:
            return errors.InvalidTransactionTimeoutError.errno, -1, -1
        txn = self.transactions.get(transactional_id)
        if txn is None:
            txn = self.transactions[transactional_id] = TransactionMetadata(
                transactional_id, self._new_producer_id(), timeout_ms)
        elif txn.state == ONGOING:
            self._abort_fencing(txn, "fenced")
        txn.epoch += 1
        txn.timeout_ms = timeout_ms
        self.cluster.trace.emit("txn.initialized", transactional_id=transactional_id, producer_id=txn.producer_id,
                                epoch=txn.epoch)
        return 0, txn.producer_id, txn.epoch

    def _producer_error(self, transactional_id: str, producer_id: int, epoch: int) -> int:
        txn = self.transactions.get(transactional_id)
        if txn is None or txn.producer_id != producer_id:
            return errors.InvalidProducerIdMappingError.errno
        if epoch < txn.epoch:
            return errors.ProducerFencedError.errno
        if epoch > txn.epoch:
            return errors.InvalidProducerEpochError.errno
        return 0

    # -- opening a transaction -----------------------------------------------------------------
    def _open(self, txn: TransactionMetadata) -> None:
        if txn.state != ONGOING:
            txn.state = ONGOING
            txn.started_ms = self.cluster.kernel.now
            txn.partitions = []
            txn.groups = []
            txn.offsets = {}
            self._arm_timeout_check()

    def add_partitions(self, request) -> list:
        """AddPartitionsToTxn: [(topic, [(partition, error code)])]."""
        wanted = [(t.name, list(t.partitions)) for t in request.topics]
        error = self._producer_error(request.transactional_id, request.producer_id, request.producer_epoch)
        if not error:
            unknown = {(name, p) for name, parts in wanted for p in parts if self.cluster.partition(name, p) is None}
            if unknown:
                return [(name, [(p, errors.UnknownTopicOrPartitionError.errno if (name, p) in unknown
                                 else errors.OperationNotAttemptedError.errno) for p in parts])
                        for name, parts in wanted]
            txn = self.transactions[request.transactional_id]
            self._open(txn)
            for name, parts in wanted:
                for p in parts:
                    if (name, p) not in txn.partitions:
                        txn.partitions.append((name, p))
        return [(name, [(p, error) for p in parts]) for name, parts in wanted]

    def add_offsets(self, request) -> int:
        """AddOffsetsToTxn: the group's __consumer_offsets partition joins the transaction."""
        error = self._producer_error(request.transactional_id, request.producer_id, request.producer_epoch)
        if error:
            return error
        txn = self.transactions[request.transactional_id]
        self._open(txn)
        if request.group_id not in txn.groups:
            txn.groups.append(request.group_id)
        return 0

    def txn_offset_commit(self, request) -> int:
        """TxnOffsetCommit, at the group coordinator: the offsets wait for the transaction's end."""
        txn = self.transactions.get(request.transactional_id)
        if txn is None or txn.producer_id != request.producer_id:
            return errors.InvalidProducerIdMappingError.errno
        if request.producer_epoch < txn.epoch:
            return errors.ProducerFencedError.errno
        if txn.state != ONGOING or request.group_id not in txn.groups:
            return errors.InvalidTxnStateError.errno
        error = self.cluster.groups.txn_commit_error(request.group_id, request.member_id or "",
                                                     request.generation_id)
        if error:
            return error
        staged = txn.offsets.setdefault(request.group_id, {})
        for topic in request.topics:
            for part in topic.partitions:
                staged[(topic.name, part.partition_index)] = (part.committed_offset, part.committed_metadata or "")
        return 0

    def mark_unstable(self, group_id: str, response):
        """OffsetFetch with require_stable: partitions with offsets of an open transaction answer
        UNSTABLE_OFFSET_COMMIT instead of the last committed offset."""
        pending = {tp for t in self.transactions.values() if t.state == ONGOING for tp in t.offsets.get(group_id, ())}
        if not pending:
            return response
        topics = [o.OffsetFetchTopicResponse(topic.name, [
            o.OffsetFetchPartitionResponse(part.partition_index, error_code=errors.UnstableOffsetCommitError.errno)
            if (topic.name, part.partition_index) in pending else part for part in topic.partitions])
            for topic in response.topics]
        return response._replace(topics=topics)

    # -- ending --------------------------------------------------------------------------------
    def end_txn(self, request) -> int:
        error = self._producer_error(request.transactional_id, request.producer_id, request.producer_epoch)
        if error:
            return error
        txn = self.transactions[request.transactional_id]
        commit = bool(request.committed)
        if txn.state == ONGOING:
            self._complete(txn, commit, "client")
            return 0
        if (txn.state == COMPLETE_COMMIT and commit) or (txn.state == COMPLETE_ABORT and not commit):
            return 0                          # a retried EndTxn of what is already done
        return errors.InvalidTxnStateError.errno

    def _complete(self, txn: TransactionMetadata, commit: bool, reason: str) -> None:
        for topic, index in txn.partitions:
            p = self.cluster.partition(topic, index)
            if p is not None:
                p.write_marker(txn.producer_id, txn.epoch, commit)
        if commit:
            for group_id, offsets in txn.offsets.items():
                self.cluster.groups.store_offsets(group_id, offsets)
        txn.state = COMPLETE_COMMIT if commit else COMPLETE_ABORT
        self.cluster.trace.emit("txn.ended", transactional_id=txn.transactional_id, producer_id=txn.producer_id,
                                commit=commit, reason=reason, partitions=[f"{t}-{p}" for t, p in txn.partitions],
                                timeout_ms=txn.timeout_ms)
        txn.partitions = []
        txn.groups = []
        txn.offsets = {}

    def _abort_fencing(self, txn: TransactionMetadata, reason: str) -> None:
        """Aborts an open transaction with a bumped epoch: its producer can no longer end it."""
        txn.epoch += 1
        self._complete(txn, False, reason)

    # -- timeouts ------------------------------------------------------------------------------
    def _arm_timeout_check(self) -> None:
        """The periodic check runs every cleanup interval (on the interval's grid since the broker
        started) while transactions are open."""
        if self._check_timer is not None and not self._check_timer.cancelled:
            return
        kernel = self.cluster.kernel
        interval = self.cluster.config["transaction.abort.timed.out.transaction.cleanup.interval.ms"]
        due = min(t.started_ms + t.timeout_ms for t in self.transactions.values() if t.state == ONGOING)
        at = max(kernel.now + 1, -(-due // interval) * interval)
        self._check_timer = kernel.at(at, self._abort_timed_out)

    def _abort_timed_out(self) -> None:
        self._check_timer = None
        now = self.cluster.kernel.now
        for txn in self.transactions.values():
            if txn.state == ONGOING and now >= txn.started_ms + txn.timeout_ms:
                self._abort_fencing(txn, "timeout")
        if any(t.state == ONGOING for t in self.transactions.values()):
            self._arm_timeout_check()

    # -- views ---------------------------------------------------------------------------------
    def snapshot(self) -> list[dict]:
        return [{"transactional_id": t.transactional_id, "producer_id": t.producer_id, "epoch": t.epoch,
                 "state": t.state, "partitions": [f"{topic}-{p}" for topic, p in t.partitions],
                 "groups": list(t.groups), "timeout_ms": t.timeout_ms,
                 "started_ms": t.started_ms if t.state == ONGOING else None}
                for t in self.transactions.values()]
