"""kafka.producer.KafkaProducer with kafka-python 3.0's configuration, defaults and errors.

send() validates and serializes in the caller, waits for the topic's metadata (max_block_ms),
picks the partition with the configured partitioner on the client's metadata and hands the
record to the accumulator; the sender does the rest in the background.
"""

from __future__ import annotations

import copy
import logging

from ... import errors as Errors
from ...protocol.records import record_size
from .. import env as _env
from ..cluster import ClusterMetadata, ensure_valid_topic_name
from ..net.manager import KafkaConnectionManager
from ..partitioner.abc import Partitioner
from ..partitioner.default import DefaultPartitioner
from ..serializer import Serializer, SerializeWrapper
from ..structs import TopicPartition
from .future import FutureRecordMetadata
from .record_accumulator import RecordAccumulator
from .sender import Sender
from .transaction_manager import TransactionManager

log = logging.getLogger("kafka.producer.kafka")

# Simulated client CPU time per send() call (µs): a tight Python send loop manages ~50k/s.
SEND_COST_US = 20
# kafka-python's codecs (names exactly so: "GZIP" is refused). Compression is not simulated: the
# broker stores the records as given, which changes nothing a script can observe but sizes.
COMPRESSION_TYPES = (None, "gzip", "snappy", "lz4", "zstd")
# Stand-in for buffer_memory (32 MiB): records waiting in the accumulator before send() blocks.
MAX_BUFFERED_RECORDS = 100_000
# The ceiling of the sender's retry backoff. kafka-python 3.0.12 has no setting for it (it refuses
# `retry_backoff_max_ms` as an unrecognized config), so the simulator keeps it internal.
RETRY_BACKOFF_MAX_MS = 1000


class KafkaProducer:
    DEFAULT_CONFIG = {
        "bootstrap_servers": "localhost",
        "client_id": None,
        "key_serializer": None,
        "value_serializer": None,
        "enable_idempotence": True,
        "transactional_id": None,
        "transaction_timeout_ms": 60000,
        "delivery_timeout_ms": 120000,
        "acks": -1,
        "compression_type": None,
        "retries": float("inf"),
        "batch_size": 16384,
        "linger_ms": 0,
        "partitioner": DefaultPartitioner(),
        "connections_max_idle_ms": 9 * 60 * 1000,
        "max_block_ms": 60000,
        "max_request_size": 1048576,
        "allow_auto_create_topics": True,
        "metadata_max_age_ms": 300000,
        "retry_backoff_ms": 100,
        "request_timeout_ms": 30000,
        "receive_buffer_bytes": None,
        "send_buffer_bytes": None,
        "socket_options": None,
        "receive_message_max_bytes": 100_000_000,
        "client_dns_lookup": "use_all_dns_ips",
        "reconnect_backoff_ms": 50,
        "reconnect_backoff_max_ms": 30000,
        "max_in_flight_requests_per_connection": 5,
        "security_protocol": "PLAINTEXT",
        "ssl_context": None,
        "ssl_check_hostname": True,
        "ssl_cafile": None,
        "ssl_certfile": None,
        "ssl_keyfile": None,
        "ssl_password": None,
        "ssl_crlfile": None,
        "ssl_ciphers": None,
        "api_version": None,
        "bootstrap_timeout_ms": 30000,
        "metric_reporters": [],
        "metrics_enabled": True,
        "metrics_num_samples": 2,
        "metrics_sample_window_ms": 30000,
        "selector": None,
        "sasl_mechanism": None,
        "sasl_plain_username": None,
        "sasl_plain_password": None,
        "sasl_kerberos_name": None,
        "sasl_kerberos_service_name": "kafka",
        "sasl_kerberos_domain_name": None,
        "sasl_oauth_token_provider": None,
        "socks5_proxy": None,
        "proxy_url": None,
        "kafka_client": None,
    }

    def __init__(self, **configs):
        user = set(configs)
        unknown = user - set(self.DEFAULT_CONFIG)
        if unknown:
            raise ValueError("Unrecognized configs: %s" % (unknown,))
        self.config = copy.copy(self.DEFAULT_CONFIG)
        self.config.update(configs)
        env = self._env = _env.current()
        if self.config["client_id"] is None:
            self.config["client_id"] = env.client_name("kafka-python-producer")
        for name in ("key_serializer", "value_serializer"):
            s = self.config[name]
            if s is not None and not isinstance(s, Serializer):
                if not callable(s):
                    raise Errors.KafkaConfigurationError(f"{name} muss aufrufbar sein oder ein Serializer.")
                self.config[name] = SerializeWrapper(s)
        acks = self.config["acks"]
        if acks == "all":
            acks = -1
        if acks not in (0, 1, -1):
            raise Errors.KafkaConfigurationError(f"Ungültiger Wert acks={acks!r}: erlaubt sind 0, 1 und 'all'.")
        self.config["acks"] = acks
        codec = self.config["compression_type"]
        if codec not in COMPRESSION_TYPES:
            raise ValueError("Not supported codec: {}".format(codec))
        user_set_idempotence = "enable_idempotence" in user
        if user_set_idempotence and not self.config["enable_idempotence"] and self.config["transactional_id"]:
            raise Errors.KafkaConfigurationError("Cannot set transactional_id without enable_idempotence.")
        if self.config["transactional_id"]:
            self.config["enable_idempotence"] = True
            user_set_idempotence = True       # the transactional path is strict: conflicts raise
        if self.config["enable_idempotence"]:
            conflicts = []
            if "acks" in user and acks != -1:
                conflicts.append(("acks", acks))
            if "retries" in user and self.config["retries"] == 0:
                conflicts.append(("retries", 0))
            if "max_in_flight_requests_per_connection" in user \
                    and self.config["max_in_flight_requests_per_connection"] > 5:
                conflicts.append(("max_in_flight_requests_per_connection",
                                  self.config["max_in_flight_requests_per_connection"]))
            if conflicts:
                conflict_str = ", ".join("%s=%r" % kv for kv in conflicts)
                if user_set_idempotence:
                    raise Errors.KafkaConfigurationError(
                        "enable_idempotence=True is incompatible with user-provided %s" % (conflict_str,))
                log.warning("%s: Idempotenz wird abgeschaltet, weil %s nicht dazu passt "
                            "(Idempotence will be disabled because user-provided config conflicts with "
                            "idempotent defaults: %s)", self.config["client_id"], conflict_str, conflict_str)
                self.config["enable_idempotence"] = False
        cfg = self.config
        client_id = cfg["client_id"]
        self._transaction_manager = None
        self._init_transactions_result = None
        if cfg["transactional_id"]:
            self._transaction_manager = TransactionManager(cfg["transactional_id"], cfg["transaction_timeout_ms"],
                                                           cfg["retry_backoff_ms"])
        self._metadata = ClusterMetadata(env.kernel.rng, int(cfg["metadata_max_age_ms"]))
        self._manager = KafkaConnectionManager(env, client_id, self._metadata, cfg)
        self._manager.bootstrap(cfg["bootstrap_timeout_ms"])
        self._accumulator = RecordAccumulator(env.kernel, int(cfg["batch_size"]), int(cfg["linger_ms"]),
                                              int(cfg["delivery_timeout_ms"]))
        self._sender = Sender(
            env, client_id, self._manager, self._metadata, self._accumulator, acks=acks,
            idempotent=cfg["enable_idempotence"], retries=cfg["retries"],
            request_timeout_ms=int(cfg["request_timeout_ms"]), retry_backoff_ms=int(cfg["retry_backoff_ms"]),
            retry_backoff_max_ms=RETRY_BACKOFF_MAX_MS,
            max_in_flight=int(cfg["max_in_flight_requests_per_connection"]),
            delivery_timeout_ms=int(cfg["delivery_timeout_ms"]), transaction_manager=self._transaction_manager)
        # New metadata (a new leader, a new partition) may let held batches go.
        self._metadata.add_listener(lambda _metadata: self._sender.wakeup())
        self._closed = False
        env.producers.append(self)
        ctx = _env.context()
        if ctx is not None:
            ctx.producers.append(self)
        env.trace.emit("producer.created", client_id=client_id, acks={-1: "all"}.get(acks, acks),
                       idempotent=bool(cfg["enable_idempotence"]))

    def __str__(self):
        return "<KafkaProducer client_id=%s>" % (self.config["client_id"],)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def bootstrap_connected(self):
        return True

    def _serialize(self, serializer, topic, headers, data):
        if serializer is None:
            return data
        return serializer.serialize(topic, headers, data)

    def send(self, topic, value=None, key=None, headers=None, partition=None, timestamp_ms=None):
        if self._closed:
            raise Errors.IllegalStateError("KafkaProducer already closed!")
        if value is None and key is None:
            raise ValueError("Need at least one: key or value")
        if headers is None:
            headers = []
        if not isinstance(headers, list):
            raise TypeError("headers must be list-type")
        if not all(isinstance(h, tuple) and len(h) == 2 and isinstance(h[0], str) and isinstance(h[1], bytes)
                   for h in headers):
            raise TypeError("All headers items must be (str, bytes) tuples")
        key_bytes = self._serialize(self.config["key_serializer"], topic, headers, key)
        value_bytes = self._serialize(self.config["value_serializer"], topic, headers, value)
        if type(key_bytes) not in (bytes, bytearray, memoryview, type(None)):
            raise TypeError("Unsupported type for serialized key: %s" % type(key_bytes))
        if type(value_bytes) not in (bytes, bytearray, memoryview, type(None)):
            raise TypeError("Unsupported type for serialized value: %s" % type(value_bytes))
        if not isinstance(topic, str):
            raise TypeError("topic must be a str")
        _env.charge(SEND_COST_US)
        metadata = self._metadata
        count = metadata.partition_count(topic)
        if count is None or (partition is not None and partition >= count):
            ensure_valid_topic_name(topic)
            count = self._wait_on_metadata(topic, partition)
        first_partition = None
        if partition is not None:
            if partition < 0:
                raise ValueError("partition must be >= 0")
            if partition >= count:
                raise ValueError("Unrecognized partition %s for topic %s" % (partition, topic))
        else:
            partitioner = self.config["partitioner"]
            if isinstance(partitioner, Partitioner):
                partition = partitioner.partition(topic, key, key_bytes, value, value_bytes, metadata)
            else:
                partition = partitioner.partition(topic, key_bytes, metadata)
            if partition is None:
                raise ValueError(f"Partitioner did not assign a partition for topic {topic}!")
            on_new_batch = getattr(partitioner, "on_new_batch", None)
            if on_new_batch is not None and key_bytes is None and (topic, partition) not in self._accumulator.open:
                # KIP-480, as kafka-python: the record would open a new batch, so the sticky
                # partition moves on first and the record goes where the new batch starts.
                on_new_batch(topic, metadata, partition)
                first_partition = partition
                partition = partitioner.partition(topic, key, key_bytes, value, value_bytes, metadata)
        if key_bytes is not None and not isinstance(key_bytes, bytes):
            key_bytes = bytes(key_bytes)
        if value_bytes is not None and not isinstance(value_bytes, bytes):
            value_bytes = bytes(value_bytes)
        size = record_size(key_bytes, value_bytes) + 61
        if size > self.config["max_request_size"]:
            raise Errors.MessageSizeTooLargeError(
                "The message is %d bytes when serialized which is larger than the maximum request size you "
                "have configured with the max_request_size configuration" % (size,))
        tp = TopicPartition(topic, partition)
        txn = self._transaction_manager
        if txn is not None:
            if first_partition is not None and first_partition != partition:
                # kafka-python adds the partition it picked first too, before the sticky partitioner
                # moves on (KIP-480): that partition is in the transaction and gets a marker.
                txn.maybe_add_partition_to_transaction(TopicPartition(topic, first_partition))
            txn.maybe_add_partition_to_transaction(tp)
            if txn.enqueue_new_partitions():
                self._sender.wakeup()
        header_size = sum(len(k.encode("utf-8")) + len(v) for k, v in headers) if headers else -1
        env = self._env
        future = FutureRecordMetadata(env, tp, len(key_bytes) if key_bytes is not None else -1,
                                      len(value_bytes) if value_bytes is not None else -1, header_size)
        timestamp = env.wall_ms() if timestamp_ms is None else int(timestamp_ms)
        accumulator = self._accumulator
        if accumulator.pending >= MAX_BUFFERED_RECORDS:
            # buffer_memory is full: send() blocks until the sender made room (max_block_ms).
            if not env.block(env.kernel.now + self.config["max_block_ms"],
                             lambda: accumulator.pending < MAX_BUFFERED_RECORDS // 2):
                raise Errors.KafkaTimeoutError(
                    "Failed to allocate memory within the configured max blocking time %s ms."
                    % (self.config["max_block_ms"],))
        self._sender.sent += 1
        if accumulator.append(tp, timestamp, key_bytes, value_bytes, headers or None, future):
            self._sender.wakeup(self.config["linger_ms"])
        if topic_partition_ready(accumulator, tp):
            self._sender.wakeup()
        return future

    # -- transactions (kafka-python's KafkaProducer methods, same checks and messages) ------------
    def init_transactions(self):
        if not self._transaction_manager:
            raise Errors.IllegalStateError("Cannot call init_transactions without setting a transactional_id.")
        if self._init_transactions_result is None:
            self._init_transactions_result = self._transaction_manager.initialize_transactions()
            self._sender.wakeup()
        try:
            if not self._init_transactions_result.wait(self._env, timeout_ms=self.config["max_block_ms"]):
                raise Errors.KafkaTimeoutError("Timeout expired while initializing transactional state in %s ms."
                                               % (self.config["max_block_ms"],))
        finally:
            if self._init_transactions_result.failed:
                self._init_transactions_result = None

    def begin_transaction(self):
        if not self._transaction_manager:
            raise Errors.IllegalStateError("Cannot use transactional methods without enabling transactions")
        self._transaction_manager.begin_transaction()

    def send_offsets_to_transaction(self, offsets, group_metadata):
        if not self._transaction_manager:
            raise Errors.IllegalStateError("Cannot use transactional methods without enabling transactions")
        result = self._transaction_manager.send_offsets_to_transaction(offsets, group_metadata)
        self._await_transactional(result)

    def commit_transaction(self):
        if not self._transaction_manager:
            raise Errors.IllegalStateError("Cannot commit transaction since transactions are not enabled")
        result = self._transaction_manager.begin_commit()
        self._await_transactional(result)

    def abort_transaction(self):
        if not self._transaction_manager:
            raise Errors.IllegalStateError("Cannot abort transaction since transactions are not enabled.")
        result = self._transaction_manager.begin_abort()
        self._await_transactional(result)

    def _await_transactional(self, result):
        """The sender thread carries the transactional request; the caller blocks until it is done."""
        self._sender.wakeup()
        result.wait(self._env)

    @classmethod
    def max_usable_produce_magic(cls, api_version):
        if api_version >= (0, 11):
            return 2
        elif api_version >= (0, 10, 0):
            return 1
        else:
            return 0

    def _wait_on_metadata(self, topic, partition):
        """Blocks until the client's metadata knows the topic (and the partition), max_block_ms."""
        env = self._env
        metadata = self._metadata
        metadata.add_topic(topic)
        deadline = env.kernel.now + self.config["max_block_ms"]

        def known():
            count = metadata.partition_count(topic)
            if count is not None and (partition is None or partition < count):
                return True
            self._manager.request_metadata_update()
            return False

        if not env.block(deadline, known):
            count = metadata.partition_count(topic)
            if count is not None and partition is not None:
                return count            # the partition check below reports it
            raise Errors.KafkaTimeoutError(
                "Failed to update metadata after %.1f secs." % (self.config["max_block_ms"] / 1000,))
        return metadata.partition_count(topic)

    def flush(self, timeout=None):
        env = self._env
        self._accumulator.flush()
        self._sender.wakeup()
        deadline = float("inf") if timeout is None else env.kernel.now + timeout * 1000
        if not env.block(deadline, self._idle):
            raise Errors.KafkaTimeoutError("Timeout waiting for future")

    def _idle(self):
        return self._accumulator.pending == 0

    @classmethod
    def max_usable_produce_magic(cls, api_version):
        """The record format a broker of api_version takes (kafka-python's rule): 2 since Kafka 0.11."""
        if api_version >= (0, 11):
            return 2
        elif api_version >= (0, 10, 0):
            return 1
        return 0

    def close(self, timeout=None, null_logger=False):
        if self._closed:
            return
        try:
            self.flush(timeout)
            # Closing its connections takes the producer one network hop.
            env = self._env
            env.block(env.kernel.now + env.network.latency)
        finally:
            self._closed = True
            self._manager.close()

    def partitions_for(self, topic):
        if self._metadata.partition_count(topic) is None:
            try:
                self._wait_on_metadata(topic, None)
            except Errors.KafkaTimeoutError:
                return None
        return self._metadata.partitions_for_topic(topic)

    def metrics(self, raw=False):
        sender = self._sender
        return {"producer-metrics": {"record-send-total": sender.sent, "record-error-total": sender.errors}}

    # -- for views and the page's own producers ------------------------------------------------
    def _snapshot(self) -> dict:
        sender = self._sender
        acks = {0: "0", 1: "1", -1: "all"}[self.config["acks"]]
        out = {"client_id": self.config["client_id"], "acks": acks, "sent": sender.sent, "acked": sender.acked,
               "errors": sender.errors}
        txn = self._transaction_manager
        if txn is not None:
            out["transactional_id"] = txn.transactional_id
            out["transaction_state"] = txn.state.name
        return out

    def _send_batch(self, topic, partition, records, size=None, max_timestamp=None):
        """Hands a list of (timestamp, key, value, headers) for one partition to the accumulator as a
        ready batch, without futures (the Börse ticker's way of publishing many prices per tick)."""
        if size is None:
            size = sum(record_size(k, v) for _ts, k, v, _h in records)
        if max_timestamp is None:
            max_timestamp = max(r[0] for r in records)
        self._sender.sent += len(records)
        self._accumulator.append_batch((topic, partition), records, size, max_timestamp)
        self._sender.wakeup()


def topic_partition_ready(accumulator, tp) -> bool:
    """A batch of this partition is ready to go (full) or linger_ms is 0."""
    return accumulator.linger_ms == 0 or tp in accumulator.ready
