"""KafkaProducer with kafka-python 3.0's configuration, defaults and errors, on the simulator."""

from __future__ import annotations

import copy
import logging

from ... import errors as Errors
from ...producer_client import ProducerCore
from ...log import record_size
from .. import _binding
from .._metadata import ClusterMetadata
from ..partitioner.abc import Partitioner
from ..partitioner.default import DefaultPartitioner
from ..serializer import Serializer, SerializeWrapper
from ..structs import TopicPartition
from .future import FutureRecordMetadata

log = logging.getLogger("kafka.producer.kafka")

# Simulated client CPU time per send() call (µs): a tight Python send loop manages ~50k/s.
SEND_COST_US = 20
# Stand-in for buffer_memory (32 MiB): records waiting in the accumulator before send() blocks.
MAX_BUFFERED_RECORDS = 100_000


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
        "bootstrap_topics_filter": set(),
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
        "retry_backoff_max_ms": 1000,
        "request_timeout_ms": 30000,
        "receive_buffer_bytes": None,
        "send_buffer_bytes": None,
        "socket_options": None,
        "sock_chunk_bytes": 4096,
        "sock_chunk_buffer_count": 1000,
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
        "api_version_auto_timeout_ms": 2000,
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
        cluster = self._cluster = _binding.current()
        _binding.bootstrap(cluster, self.config)
        if self.config["client_id"] is None:
            self.config["client_id"] = cluster.client_name("kafka-python-producer")
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
        if self.config["transactional_id"]:
            raise Errors.KafkaConfigurationError(
                "Transaktionen (transactional_id) kann der Simulator nicht; dieser Kurs braucht sie nicht.")
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
                if "enable_idempotence" in user:
                    raise Errors.KafkaConfigurationError(
                        "enable_idempotence=True is incompatible with user-provided %s" % (conflict_str,))
                log.warning("%s: Idempotenz wird abgeschaltet, weil %s nicht dazu passt "
                            "(Idempotence will be disabled because user-provided config conflicts with "
                            "idempotent defaults: %s)", self.config["client_id"], conflict_str, conflict_str)
                self.config["enable_idempotence"] = False
        self._metadata = ClusterMetadata(cluster)
        self._core = ProducerCore(
            cluster, self.config["client_id"], acks=acks, idempotent=self.config["enable_idempotence"],
            retries=self.config["retries"], linger_ms=int(self.config["linger_ms"]),
            batch_size=int(self.config["batch_size"]),
            delivery_timeout_ms=int(self.config["delivery_timeout_ms"]),
            request_timeout_ms=int(self.config["request_timeout_ms"]),
            retry_backoff_ms=int(self.config["retry_backoff_ms"]),
            retry_backoff_max_ms=int(self.config["retry_backoff_max_ms"]),
            max_in_flight=int(self.config["max_in_flight_requests_per_connection"]),
            reconnect_backoff_ms=int(self.config["reconnect_backoff_ms"]),
            reconnect_backoff_max_ms=int(self.config["reconnect_backoff_max_ms"]))
        self._closed = False
        ctx = _binding.context()
        if ctx is not None:
            ctx.producers.append(self)
        cluster.trace.emit("producer.created",
                           f"Producer {self.config['client_id']} verbindet sich (acks={ {-1: 'all'}.get(acks, acks) }, "
                           f"Idempotenz {'an' if self.config['enable_idempotence'] else 'aus'}).",
                           client_id=self.config["client_id"])

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
        cluster = self._cluster
        _binding.charge(SEND_COST_US)
        t = cluster.topics.get(topic)
        if t is None and self.config["allow_auto_create_topics"]:
            t = cluster.ensure_topic(topic)
        if t is None:
            cluster.block(cluster.kernel.now + self.config["max_block_ms"],
                          lambda: topic in cluster.topics)
            t = cluster.topics.get(topic)
            if t is None:
                raise Errors.KafkaTimeoutError(
                    "Failed to update metadata after %.1f secs." % (self.config["max_block_ms"] / 1000,))
        if partition is not None:
            if partition < 0:
                raise ValueError("partition must be >= 0")
            if partition >= len(t.partitions):
                raise ValueError("Unrecognized partition %s for topic %s" % (partition, topic))
        else:
            partitioner = self.config["partitioner"]
            if isinstance(partitioner, Partitioner):
                partition = partitioner.partition(topic, key, key_bytes, value, value_bytes, self._metadata)
            else:
                partition = partitioner.partition(topic, key_bytes, self._metadata)
            if partition is None:
                raise ValueError(f"Partitioner did not assign a partition for topic {topic}!")
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
        header_size = sum(len(k.encode("utf-8")) + len(v) for k, v in headers) if headers else -1
        future = FutureRecordMetadata(cluster, tp, len(key_bytes) if key_bytes is not None else -1,
                                      len(value_bytes) if value_bytes is not None else -1, header_size)
        timestamp = cluster.wall_ms() if timestamp_ms is None else int(timestamp_ms)
        if self._core.pending >= MAX_BUFFERED_RECORDS:
            # buffer_memory is full: send() blocks until the sender made room (max_block_ms).
            core = self._core
            if not cluster.block(cluster.kernel.now + self.config["max_block_ms"],
                                 lambda: core.pending < MAX_BUFFERED_RECORDS // 2):
                raise Errors.KafkaTimeoutError(
                    "Failed to allocate memory within the configured max blocking time %s ms."
                    % (self.config["max_block_ms"],))
        self._core.append(topic, partition, key_bytes, value_bytes, headers or None, timestamp, future)
        return future

    def flush(self, timeout=None):
        cluster = self._cluster
        self._core.flush_now()
        deadline = float("inf") if timeout is None else cluster.kernel.now + timeout * 1000
        if not cluster.block(deadline, self._core.idle):
            raise Errors.KafkaTimeoutError("Timeout waiting for future")

    def close(self, timeout=None, null_logger=False):
        if self._closed:
            return
        try:
            self.flush(timeout)
        finally:
            self._closed = True
            self._core.closed = True

    def partitions_for(self, topic):
        t = self._cluster.ensure_topic(topic)
        return None if t is None else set(range(len(t.partitions)))

    def metrics(self, raw=False):
        core = self._core
        return {"producer-metrics": {"record-send-total": core.sent, "record-error-total": core.errors}}
