"""kafka.producer.transaction_manager: the transactional producer's state machine and its requests,
after kafka-python 3.0.12 (same states, transitions, checks and error messages).

The producer's public calls (init_transactions, begin_transaction, commit_transaction, …) move the
state and enqueue request handlers by priority (FindCoordinator, InitProducerId, AddPartitions /
AddOffsets, EndTxn); the sender sends one transactional request at a time, before any produce
data, and EndTxn only once every record of the transaction is acknowledged. Each handler turns
the broker's error codes into kafka-python's outcomes: retry, abortable error, fatal error.

Not simulated: KIP-360 epoch bumps after produce errors (kafka-python bumps the epoch with
InitProducerId v3 on OutOfOrderSequence / UnknownProducerId / InvalidProducerEpoch); here a
produce error that fences the producer is fatal, and the others make the transaction abortable.
"""

from __future__ import annotations

import heapq
import itertools
from enum import IntEnum

from ... import errors as Errors
from ...protocol import metadata as m
from ...protocol import offsets as o
from ...protocol import transactions as tx
from ..structs import ConsumerGroupMetadata, TopicPartition

NO_PRODUCER_ID = -1
NO_PRODUCER_EPOCH = -1


class ProducerIdAndEpoch:
    __slots__ = ("producer_id", "epoch")

    def __init__(self, producer_id, epoch):
        self.producer_id = producer_id
        self.epoch = epoch

    @property
    def is_valid(self):
        return NO_PRODUCER_ID < self.producer_id

    def __eq__(self, other):
        return isinstance(other, ProducerIdAndEpoch) and self.producer_id == other.producer_id \
            and self.epoch == other.epoch

    def __str__(self):
        return "ProducerIdAndEpoch(producer_id={}, epoch={})".format(self.producer_id, self.epoch)


class TransactionState(IntEnum):
    UNINITIALIZED = 0
    INITIALIZING = 1
    READY = 2
    IN_TRANSACTION = 3
    COMMITTING_TRANSACTION = 4
    ABORTING_TRANSACTION = 5
    ABORTABLE_ERROR = 6
    FATAL_ERROR = 7

    @classmethod
    def is_transition_valid(cls, source, target):
        if target == cls.INITIALIZING:
            return source == cls.UNINITIALIZED
        elif target == cls.READY:
            return source in (cls.INITIALIZING, cls.COMMITTING_TRANSACTION, cls.ABORTING_TRANSACTION)
        elif target == cls.IN_TRANSACTION:
            return source == cls.READY
        elif target == cls.COMMITTING_TRANSACTION:
            return source == cls.IN_TRANSACTION
        elif target == cls.ABORTING_TRANSACTION:
            return source in (cls.IN_TRANSACTION, cls.ABORTABLE_ERROR)
        elif target == cls.ABORTABLE_ERROR:
            return source in (cls.IN_TRANSACTION, cls.COMMITTING_TRANSACTION, cls.ABORTABLE_ERROR)
        elif target == cls.UNINITIALIZED:
            return False
        elif target == cls.FATAL_ERROR:
            return True


class Priority(IntEnum):
    FIND_COORDINATOR = 0
    INIT_PRODUCER_ID = 1
    ADD_PARTITIONS_OR_OFFSETS = 2
    END_TXN = 3


class TransactionalRequestResult:
    """What a transactional call waits for; the wait lets simulated time pass (Kernel.block)."""

    def __init__(self):
        self._done = False
        self._error = None

    def done(self, error=None):
        self._error = error
        self._done = True

    def wait(self, env, timeout_ms=None):
        deadline = float("inf") if timeout_ms is None else env.kernel.now + timeout_ms
        success = env.block(deadline, lambda: self._done)
        if self._error:
            raise self._error
        return success

    @property
    def is_done(self):
        return self._done

    @property
    def succeeded(self):
        return self._done and self._error is None

    @property
    def failed(self):
        return self._done and self._error is not None

    @property
    def exception(self):
        return self._error


class TransactionManager:
    def __init__(self, transactional_id, transaction_timeout_ms, retry_backoff_ms):
        self.transactional_id = transactional_id
        self.transaction_timeout_ms = transaction_timeout_ms
        self.retry_backoff_ms = retry_backoff_ms
        self._coordinators = {m.GROUP: {}, m.TRANSACTION: None}
        self._new_partitions_in_transaction = set()
        self._pending_partitions_in_transaction = set()
        self._partitions_in_transaction = set()
        self._pending_txn_offset_commits = {}
        self._current_state = TransactionState.UNINITIALIZED
        self._last_error = None
        self.producer_id_and_epoch = ProducerIdAndEpoch(NO_PRODUCER_ID, NO_PRODUCER_EPOCH)
        self._transaction_started = False
        self._pending_requests = []
        self._sort_ids = itertools.count()

    # -- the producer's calls ------------------------------------------------------------------
    def initialize_transactions(self):
        self._ensure_transactional()
        self._transition_to(TransactionState.INITIALIZING)
        self.producer_id_and_epoch = ProducerIdAndEpoch(NO_PRODUCER_ID, NO_PRODUCER_EPOCH)
        handler = InitProducerIdHandler(self, self.transaction_timeout_ms)
        self._enqueue_request(handler)
        return handler.result

    def begin_transaction(self):
        self._ensure_transactional()
        self._maybe_fail_with_error()
        self._transition_to(TransactionState.IN_TRANSACTION)

    def begin_commit(self):
        self._ensure_transactional()
        self._maybe_fail_with_error()
        self._transition_to(TransactionState.COMMITTING_TRANSACTION)
        return self._begin_completing_transaction(True)

    def begin_abort(self):
        self._ensure_transactional()
        if self._current_state != TransactionState.ABORTABLE_ERROR:
            self._maybe_fail_with_error()
        self._transition_to(TransactionState.ABORTING_TRANSACTION)
        self._new_partitions_in_transaction.clear()
        return self._begin_completing_transaction(False)

    def _begin_completing_transaction(self, committed):
        if self._new_partitions_in_transaction:
            self._enqueue_request(self._add_partitions_to_transaction_handler())
        handler = EndTxnHandler(self, committed)
        self._enqueue_request(handler)
        return handler.result

    def send_offsets_to_transaction(self, offsets, group_metadata):
        if isinstance(group_metadata, str):
            group_metadata = ConsumerGroupMetadata(group_id=group_metadata)
        elif not isinstance(group_metadata, ConsumerGroupMetadata):
            raise TypeError(
                "send_offsets_to_transaction expects group_metadata to be a "
                "ConsumerGroupMetadata or a group_id str, got %r" % (type(group_metadata),))
        if group_metadata.generation_id > 0 and not group_metadata.member_id:
            raise ValueError(
                "Invalid ConsumerGroupMetadata: generation_id=%s implies a"
                " joined group but member_id is empty" % (group_metadata.generation_id,))
        self._ensure_transactional()
        self._maybe_fail_with_error()
        if self._current_state != TransactionState.IN_TRANSACTION:
            raise Errors.KafkaError(
                "Cannot send offsets to transaction because the producer is not in an active transaction")
        handler = AddOffsetsToTxnHandler(self, group_metadata, offsets)
        self._enqueue_request(handler)
        return handler.result

    def maybe_add_partition_to_transaction(self, topic_partition):
        self._fail_if_not_ready_for_send()
        if self.is_partition_added(topic_partition) or self.is_partition_pending_add(topic_partition):
            return
        self._new_partitions_in_transaction.add(topic_partition)

    def _fail_if_not_ready_for_send(self):
        if self.has_error():
            raise Errors.KafkaError(
                "Cannot perform send because at least one previous transactional or"
                " idempotent request has failed with errors.", self._last_error)
        if not self.has_producer_id():
            raise Errors.IllegalStateError(
                "Cannot perform a 'send' before completing a call to init_transactions"
                " when transactions are enabled.")
        if self._current_state != TransactionState.IN_TRANSACTION:
            raise Errors.IllegalStateError("Cannot call send in state %s" % (self._current_state.name,))

    # -- state ---------------------------------------------------------------------------------
    def is_send_to_partition_allowed(self, tp):
        if self.has_fatal_error():
            return False
        return tp in self._partitions_in_transaction

    def has_producer_id(self):
        return self.producer_id_and_epoch.is_valid

    def is_transactional(self):
        return self.transactional_id is not None

    def is_completing(self):
        return self._current_state in (TransactionState.COMMITTING_TRANSACTION,
                                       TransactionState.ABORTING_TRANSACTION)

    def is_aborting(self):
        return self._current_state == TransactionState.ABORTING_TRANSACTION

    @property
    def last_error(self):
        return self._last_error

    @property
    def state(self):
        return self._current_state

    def has_error(self):
        return self._current_state in (TransactionState.ABORTABLE_ERROR, TransactionState.FATAL_ERROR)

    def has_fatal_error(self):
        return self._current_state == TransactionState.FATAL_ERROR

    def has_abortable_error(self):
        return self._current_state == TransactionState.ABORTABLE_ERROR

    def transition_to_abortable_error(self, exc):
        if self._current_state == TransactionState.ABORTING_TRANSACTION:
            return
        self._transition_to(TransactionState.ABORTABLE_ERROR, error=exc)

    def transition_to_fatal_error(self, exc):
        self._transition_to(TransactionState.FATAL_ERROR, error=exc)

    def is_partition_added(self, partition):
        return partition in self._partitions_in_transaction

    def is_partition_pending_add(self, partition):
        return partition in self._new_partitions_in_transaction or partition in self._pending_partitions_in_transaction

    def partitions_in_transaction(self):
        return sorted(self._partitions_in_transaction | self._pending_partitions_in_transaction
                      | self._new_partitions_in_transaction)

    def _transition_to(self, target, error=None):
        if not self._current_state.is_transition_valid(self._current_state, target):
            raise Errors.KafkaError("TransactionalId %s: Invalid transition attempted from state %s to state %s" % (
                self.transactional_id, self._current_state.name, target.name))
        if target in (TransactionState.FATAL_ERROR, TransactionState.ABORTABLE_ERROR):
            if error is None:
                raise Errors.IllegalArgumentError("Cannot transition to %s with an None exception" % (target.name,))
            self._last_error = error
        else:
            self._last_error = None
        self._current_state = target

    def _ensure_transactional(self):
        if not self.is_transactional():
            raise Errors.IllegalStateError("Transactional method invoked on a non-transactional producer.")

    def _maybe_fail_with_error(self):
        if self.has_error():
            raise Errors.KafkaError(
                "Cannot execute transactional method because we are in an error state: %s" % (self._last_error,))

    def _complete_transaction(self):
        self._transition_to(TransactionState.READY)
        self._transaction_started = False
        self._new_partitions_in_transaction.clear()
        self._pending_partitions_in_transaction.clear()
        self._partitions_in_transaction.clear()

    # -- the request queue (the sender's side) -------------------------------------------------
    def _enqueue_request(self, handler):
        heapq.heappush(self._pending_requests, (handler.priority, next(self._sort_ids), handler))

    def retry(self, handler):
        handler.set_retry()
        self._enqueue_request(handler)

    def _add_partitions_to_transaction_handler(self):
        self._pending_partitions_in_transaction.update(self._new_partitions_in_transaction)
        self._new_partitions_in_transaction.clear()
        return AddPartitionsToTxnHandler(self, self._pending_partitions_in_transaction)

    def enqueue_new_partitions(self):
        """AddPartitionsToTxn for the partitions send() just added. kafka-python's sender thread,
        woken by send(), does this at once; here it happens in send(), so that a transaction ended
        right after the send() (abort_transaction()) includes the partition as on a real client."""
        if not self._new_partitions_in_transaction:
            return False
        self._enqueue_request(self._add_partitions_to_transaction_handler())
        return True

    def next_request_handler(self, has_incomplete_batches):
        if self._new_partitions_in_transaction:
            self._enqueue_request(self._add_partitions_to_transaction_handler())
        if not self._pending_requests:
            return None
        _, _, handler = self._pending_requests[0]
        if isinstance(handler, EndTxnHandler) and has_incomplete_batches:
            return None                       # EndTxn only after every batch is acknowledged
        heapq.heappop(self._pending_requests)
        if self._maybe_terminate_request_with_error(handler):
            return None
        if isinstance(handler, EndTxnHandler) and not self._transaction_started:
            # Nothing was added to the transaction: no EndTxn, the transaction just ends.
            handler.result.done()
            if self._current_state != TransactionState.FATAL_ERROR:
                self._complete_transaction()
            handler = heapq.heappop(self._pending_requests)[2] if self._pending_requests else None
        return handler

    def _maybe_terminate_request_with_error(self, handler):
        if self.has_error():
            if self.has_abortable_error() and isinstance(handler, FindCoordinatorHandler):
                return False
            handler.fail(self._last_error)
            return True
        return False

    def coordinator(self, coord_type, coord_key):
        if coord_type == m.GROUP:
            return self._coordinators[m.GROUP].get(coord_key)
        return self._coordinators[m.TRANSACTION]

    def lookup_coordinator(self, coord_type, coord_key):
        if coord_type == m.GROUP:
            self._coordinators[m.GROUP].pop(coord_key, None)
        else:
            self._coordinators[m.TRANSACTION] = None
        self._enqueue_request(FindCoordinatorHandler(self, coord_type, coord_key))


class TxnRequestHandler:
    priority = Priority.ADD_PARTITIONS_OR_OFFSETS
    coordinator_type = m.TRANSACTION

    def __init__(self, transaction_manager, result=None):
        self.transaction_manager = transaction_manager
        self.request = None
        self._result = result or TransactionalRequestResult()
        self._is_retry = False

    @property
    def transactional_id(self):
        return self.transaction_manager.transactional_id

    @property
    def producer_id(self):
        return self.transaction_manager.producer_id_and_epoch.producer_id

    @property
    def producer_epoch(self):
        return self.transaction_manager.producer_id_and_epoch.epoch

    @property
    def coordinator_key(self):
        return self.transactional_id

    @property
    def result(self):
        return self._result

    @property
    def is_retry(self):
        return self._is_retry

    def set_retry(self):
        self._is_retry = True

    def needs_coordinator(self):
        return self.coordinator_type is not None

    def fatal_error(self, exc):
        self.transaction_manager.transition_to_fatal_error(exc)
        self._result.done(error=exc)

    def abortable_error(self, exc):
        self.transaction_manager.transition_to_abortable_error(exc)
        self._result.done(error=exc)

    def fail(self, exc):
        self._result.done(error=exc)

    def reenqueue(self):
        self.transaction_manager.retry(self)

    def on_complete(self, response, error):
        tm = self.transaction_manager
        if error is not None:
            if isinstance(error, Errors.KafkaConnectionError) or getattr(error, "retriable", False):
                if self.needs_coordinator():
                    tm.lookup_coordinator(self.coordinator_type, self.coordinator_key)
                self.reenqueue()
            else:
                self.fatal_error(Errors.KafkaError(
                    "Could not execute transactional request for unknown reasons: %s" % error))
            return
        self.handle_response(response)

    def _lookup_txn_coordinator(self):
        self.transaction_manager.lookup_coordinator(m.TRANSACTION, self.transactional_id)


class InitProducerIdHandler(TxnRequestHandler):
    priority = Priority.INIT_PRODUCER_ID

    def __init__(self, transaction_manager, transaction_timeout_ms):
        super().__init__(transaction_manager)
        self.request = tx.InitProducerIdRequest(transactional_id=self.transactional_id,
                                                transaction_timeout_ms=transaction_timeout_ms)

    def handle_response(self, response):
        error_type = Errors.for_code(response.error_code)
        tm = self.transaction_manager
        if error_type is Errors.NoError:
            tm.producer_id_and_epoch = ProducerIdAndEpoch(response.producer_id, response.producer_epoch)
            tm._transition_to(TransactionState.READY)
            self._result.done()
        elif issubclass(error_type, Errors.RetriableError):
            if error_type in (Errors.NotCoordinatorError, Errors.CoordinatorNotAvailableError):
                self._lookup_txn_coordinator()
            self.reenqueue()
        elif error_type in (Errors.ProducerFencedError, Errors.InvalidProducerEpochError):
            self.fatal_error(Errors.ProducerFencedError())
        elif error_type is Errors.TransactionalIdAuthorizationFailedError:
            self.fatal_error(error_type())
        else:
            self.fatal_error(Errors.KafkaError("Unexpected error in InitProducerIdResponse: %s" % (error_type())))


class AddPartitionsToTxnHandler(TxnRequestHandler):
    def __init__(self, transaction_manager, topic_partitions):
        super().__init__(transaction_manager)
        topic_data = {}
        for tp in sorted(topic_partitions):
            topic_data.setdefault(tp.topic, []).append(tp.partition)
        self.request = tx.AddPartitionsToTxnRequest(
            self.transactional_id, self.producer_id, self.producer_epoch,
            [tx.AddPartitionsToTxnTopic(topic, parts) for topic, parts in topic_data.items()])

    def handle_response(self, response):
        tm = self.transaction_manager
        has_partition_errors = False
        results = {TopicPartition(topic, partition): Errors.for_code(code)
                   for topic, partition_data in response.results for partition, code in partition_data}
        for tp, error_type in results.items():
            if error_type is Errors.NoError:
                continue
            elif issubclass(error_type, Errors.RetriableError):
                if error_type in (Errors.CoordinatorNotAvailableError, Errors.NotCoordinatorError):
                    self._lookup_txn_coordinator()
                self.reenqueue()
                return
            elif error_type in (Errors.InvalidProducerEpochError, Errors.ProducerFencedError):
                self.fatal_error(Errors.ProducerFencedError())
                return
            elif error_type is Errors.TransactionalIdAuthorizationFailedError:
                self.fatal_error(error_type())
                return
            elif error_type in (Errors.InvalidProducerIdMappingError, Errors.InvalidTxnStateError):
                self.fatal_error(Errors.KafkaError(error_type()))
                return
            else:
                has_partition_errors = True
        tm._pending_partitions_in_transaction -= set(results)
        if has_partition_errors:
            self.abortable_error(Errors.KafkaError(
                "Could not add partitions to transaction due to errors: %s" % (results)))
        else:
            tm._partitions_in_transaction.update(results)
            tm._transaction_started = True
            self._result.done()


class FindCoordinatorHandler(TxnRequestHandler):
    priority = Priority.FIND_COORDINATOR
    coordinator_type = None

    def __init__(self, transaction_manager, coord_type, coord_key):
        super().__init__(transaction_manager)
        self._coord_type = coord_type
        self._coord_key = coord_key
        self.request = m.FindCoordinatorRequest(coord_type, [coord_key])

    @property
    def coordinator_key(self):
        return None

    def handle_response(self, response):
        result = response.coordinators[0]
        error_type = Errors.for_code(result.error_code)
        tm = self.transaction_manager
        if error_type is Errors.NoError:
            if self._coord_type == m.GROUP:
                tm._coordinators[m.GROUP][self._coord_key] = result.node_id
            else:
                tm._coordinators[m.TRANSACTION] = result.node_id
            self._result.done()
        elif issubclass(error_type, Errors.RetriableError):
            self.reenqueue()
        elif error_type is Errors.TransactionalIdAuthorizationFailedError:
            self.fatal_error(error_type())
        else:
            self.fatal_error(Errors.KafkaError(
                "Could not find a coordinator with type %s with key %s due to"
                " unexpected error: %s" % (self._coord_type, self._coord_key, error_type())))


class EndTxnHandler(TxnRequestHandler):
    priority = Priority.END_TXN

    def __init__(self, transaction_manager, committed):
        super().__init__(transaction_manager)
        self.request = tx.EndTxnRequest(self.transactional_id, self.producer_id, self.producer_epoch, committed)

    def handle_response(self, response):
        error_type = Errors.for_code(response.error_code)
        if error_type is Errors.NoError:
            self.transaction_manager._complete_transaction()
            self._result.done()
        elif issubclass(error_type, Errors.RetriableError):
            if error_type in (Errors.CoordinatorNotAvailableError, Errors.NotCoordinatorError):
                self._lookup_txn_coordinator()
            self.reenqueue()
        elif error_type in (Errors.InvalidProducerEpochError, Errors.ProducerFencedError):
            self.fatal_error(Errors.ProducerFencedError())
        elif error_type in (Errors.TransactionalIdAuthorizationFailedError, Errors.InvalidTxnStateError):
            self.fatal_error(error_type())
        else:
            self.fatal_error(Errors.KafkaError("Unhandled error in EndTxnResponse: %s" % (error_type())))


class AddOffsetsToTxnHandler(TxnRequestHandler):
    def __init__(self, transaction_manager, group_metadata, offsets):
        super().__init__(transaction_manager)
        self.group_metadata = group_metadata
        self.consumer_group_id = group_metadata.group_id
        self.offsets = offsets
        self.request = tx.AddOffsetsToTxnRequest(self.transactional_id, self.producer_id, self.producer_epoch,
                                                 self.consumer_group_id)

    def handle_response(self, response):
        error_type = Errors.for_code(response.error_code)
        tm = self.transaction_manager
        if error_type is Errors.NoError:
            for tp, offset in self.offsets.items():
                tm._pending_txn_offset_commits[tp] = offset
            tm._enqueue_request(TxnOffsetCommitHandler(tm, self.group_metadata, tm._pending_txn_offset_commits,
                                                       self._result))
            tm._transaction_started = True
        elif issubclass(error_type, Errors.RetriableError):
            if error_type in (Errors.CoordinatorNotAvailableError, Errors.NotCoordinatorError):
                self._lookup_txn_coordinator()
            self.reenqueue()
        elif error_type in (Errors.InvalidProducerEpochError, Errors.ProducerFencedError):
            self.fatal_error(Errors.ProducerFencedError())
        elif error_type in (Errors.UnknownProducerIdError, Errors.InvalidProducerIdMappingError):
            self.abortable_error(error_type())
        elif error_type is Errors.TransactionalIdAuthorizationFailedError:
            self.fatal_error(error_type())
        elif error_type is Errors.GroupAuthorizationFailedError:
            self.abortable_error(error_type(self.consumer_group_id))
        else:
            self.fatal_error(Errors.KafkaError("Unexpected error in AddOffsetsToTxnResponse: %s" % (error_type())))


class TxnOffsetCommitHandler(TxnRequestHandler):
    coordinator_type = m.GROUP

    def __init__(self, transaction_manager, group_metadata, offsets, result):
        super().__init__(transaction_manager, result=result)
        self.group_metadata = group_metadata
        self.consumer_group_id = group_metadata.group_id
        self.offsets = offsets
        self.request = self._build_request()

    def _build_request(self):
        topic_data = {}
        for tp, offset in self.offsets.items():
            topic_data.setdefault(tp.topic, []).append(o.OffsetCommitPartition(
                tp.partition, offset.offset, offset.leader_epoch, offset.metadata))
        gm = self.group_metadata
        return tx.TxnOffsetCommitRequest(
            self.transactional_id, self.consumer_group_id, self.producer_id, self.producer_epoch,
            gm.generation_id, gm.member_id, gm.group_instance_id,
            [o.OffsetCommitTopic(topic, parts) for topic, parts in topic_data.items()])

    @property
    def coordinator_key(self):
        return self.consumer_group_id

    def handle_response(self, response):
        tm = self.transaction_manager
        lookup_coordinator = False
        retriable_failure = False
        errors = {TopicPartition(topic, partition): Errors.for_code(code)
                  for topic, partition_data in response.topics for partition, code in partition_data}
        for tp, error_type in errors.items():
            if error_type is Errors.NoError:
                del tm._pending_txn_offset_commits[tp]
            elif issubclass(error_type, Errors.RetriableError):
                retriable_failure = True
                if error_type in (Errors.CoordinatorNotAvailableError, Errors.NotCoordinatorError,
                                  Errors.RequestTimedOutError):
                    lookup_coordinator = True
            elif error_type is Errors.GroupAuthorizationFailedError:
                self.abortable_error(error_type(self.consumer_group_id))
                return
            elif error_type in (Errors.InvalidProducerEpochError, Errors.ProducerFencedError):
                self.fatal_error(Errors.ProducerFencedError())
                return
            elif error_type is Errors.FencedInstanceIdError:
                self.abortable_error(error_type())
                return
            elif error_type in (Errors.IllegalGenerationError, Errors.UnknownMemberIdError):
                self.abortable_error(Errors.CommitFailedError(
                    "Transaction offset commit failed due to consumer group"
                    " metadata mismatch: %s" % (error_type.__name__,)))
                return
            elif error_type in (Errors.TransactionalIdAuthorizationFailedError,
                                Errors.UnsupportedForMessageFormatError):
                self.fatal_error(error_type())
                return
            else:
                self.fatal_error(Errors.KafkaError("Unexpected error in TxnOffsetCommitResponse: %s" % (error_type())))
                return
        if lookup_coordinator:
            tm.lookup_coordinator(m.GROUP, self.consumer_group_id)
        if not retriable_failure:
            self.result.done()
        elif tm._pending_txn_offset_commits:
            self.offsets = tm._pending_txn_offset_commits
            self.request = self._build_request()
            self.reenqueue()
