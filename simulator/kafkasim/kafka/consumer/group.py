"""KafkaConsumer with kafka-python 3.0's configuration, defaults and errors, on the simulator."""

from __future__ import annotations

import copy

from ... import errors as Errors
from ...consumer_client import ConsumerCore
from ...replication import NET_MS
from .. import _binding
from ..coordinator.assignors import assignor_name
from ..coordinator.assignors.range import RangePartitionAssignor
from ..coordinator.assignors.roundrobin import RoundRobinPartitionAssignor
from ..future import Future
from ..serializer import Deserializer, DeserializeWrapper
from ..structs import ConsumerGroupMetadata, MemberState, OffsetAndMetadata, TopicPartition
from .fetcher import ConsumerRecord

# Simulated client CPU time of a poll() call that returns at once (µs).
POLL_COST_US = 50


class KafkaConsumer:
    DEFAULT_CONFIG = {
        "bootstrap_servers": "localhost",
        "client_id": "kafka-python-3.0.12",
        "client_rack": "",
        "group_id": None,
        "group_instance_id": None,
        "key_deserializer": None,
        "value_deserializer": None,
        "enable_incremental_fetch_sessions": True,
        "fetch_max_wait_ms": 500,
        "fetch_min_bytes": 1,
        "fetch_max_bytes": 52428800,
        "max_partition_fetch_bytes": 1 * 1024 * 1024,
        "request_timeout_ms": 30000,
        "retry_backoff_ms": 100,
        "reconnect_backoff_ms": 50,
        "reconnect_backoff_max_ms": 30000,
        "max_in_flight_requests_per_connection": 5,
        "auto_offset_reset": "latest",
        "enable_auto_commit": True,
        "auto_commit_interval_ms": 5000,
        "default_offset_commit_callback": lambda offsets, response: True,
        "check_crcs": True,
        "isolation_level": "read_uncommitted",
        "allow_auto_create_topics": True,
        "metadata_max_age_ms": 5 * 60 * 1000,
        "client_dns_lookup": "use_all_dns_ips",
        "partition_assignment_strategy": (RangePartitionAssignor, RoundRobinPartitionAssignor),
        "max_poll_records": 500,
        "max_poll_interval_ms": 300000,
        "session_timeout_ms": 45000,
        "heartbeat_interval_ms": 3000,
        "receive_buffer_bytes": None,
        "send_buffer_bytes": None,
        "receive_message_max_bytes": 100_000_000,
        "socket_options": None,
        "consumer_timeout_ms": float("inf"),
        "security_protocol": "PLAINTEXT",
        "ssl_context": None,
        "ssl_check_hostname": True,
        "ssl_cafile": None,
        "ssl_certfile": None,
        "ssl_keyfile": None,
        "ssl_crlfile": None,
        "ssl_password": None,
        "ssl_ciphers": None,
        "api_version": None,
        "bootstrap_timeout_ms": 30000,
        "connections_max_idle_ms": 9 * 60 * 1000,
        "metric_reporters": [],
        "metrics_enabled": True,
        "metrics_num_samples": 2,
        "metrics_sample_window_ms": 30000,
        "metric_group_prefix": "consumer",
        "selector": None,
        "exclude_internal_topics": True,
        "sasl_mechanism": None,
        "sasl_plain_username": None,
        "sasl_plain_password": None,
        "sasl_kerberos_name": None,
        "sasl_kerberos_service_name": "kafka",
        "sasl_kerberos_domain_name": None,
        "sasl_oauth_token_provider": None,
        "proxy_url": None,
        "socks5_proxy": None,
        "kafka_client": None,
    }

    def __init__(self, *topics, **configs):
        unknown = set(configs) - set(self.DEFAULT_CONFIG)
        if unknown:
            raise Errors.KafkaConfigurationError("Unrecognized configs: %s" % (unknown,))
        self.config = copy.copy(self.DEFAULT_CONFIG)
        self.config.update(configs)
        cfg = self.config
        if cfg["auto_offset_reset"] not in ("earliest", "latest", "none"):
            raise Errors.KafkaConfigurationError(
                "Unrecognized auto_offset_reset value: %s (erlaubt: 'earliest', 'latest', 'none')"
                % (cfg["auto_offset_reset"],))
        if cfg["group_instance_id"] is not None and cfg["group_id"] is None:
            raise Errors.KafkaConfigurationError("group_instance_id requires group_id")
        for name in ("key_deserializer", "value_deserializer"):
            d = cfg[name]
            if d is not None and not isinstance(d, Deserializer):
                cfg[name] = DeserializeWrapper(d)
        self._cluster = cluster = _binding.current()
        _binding.bootstrap(cluster, cfg)
        self._core = ConsumerCore(
            cluster, cfg["client_id"], cfg["group_id"], auto_offset_reset=cfg["auto_offset_reset"],
            enable_auto_commit=cfg["enable_auto_commit"], auto_commit_interval_ms=cfg["auto_commit_interval_ms"],
            session_timeout_ms=cfg["session_timeout_ms"], heartbeat_interval_ms=cfg["heartbeat_interval_ms"],
            max_poll_interval_ms=cfg["max_poll_interval_ms"],
            assignors=tuple(assignor_name(a) for a in cfg["partition_assignment_strategy"]),
            max_poll_records=cfg["max_poll_records"])
        self._core.on_rebalance = self._on_rebalance
        self._listener = None
        self._closed = False
        self._iterator_buffer: list = []
        self._consumer_timeout_ms = cfg["consumer_timeout_ms"]
        self._paused: set = set()
        ctx = _binding.context()
        if ctx is not None:
            ctx.consumers.append(self)
        if topics:
            self.subscribe(topics=topics)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def bootstrap_connected(self):
        return True

    # -- subscription ------------------------------------------------------------------------------
    def subscribe(self, topics=(), pattern=None, listener=None):
        if pattern is not None:
            import re
            regex = re.compile(pattern)
            topics = [t for t in self._cluster.topics if regex.match(t)]
        if isinstance(topics, str):
            topics = [topics]
        if not topics and pattern is None:
            raise ValueError("Nothing to subscribe to (topics oder pattern fehlt)")
        self._listener = listener
        self._core.subscribe(list(topics))

    def subscription(self):
        return set(self._core.subscription) if self._core.subscription is not None else None

    def assign(self, partitions):
        if not all(isinstance(p, TopicPartition) for p in partitions):
            raise TypeError("partitions must be TopicPartition namedtuples")
        for tp in partitions:
            self._cluster.ensure_topic(tp.topic)
        self._core.assign([(tp.topic, tp.partition) for tp in partitions])

    def assignment(self):
        return {TopicPartition(t, p) for t, p in self._core.assignment}

    def unsubscribe(self):
        self._core.unsubscribe()
        self._iterator_buffer.clear()

    def _on_rebalance(self, revoked, assigned):
        if self._listener is None:
            return
        if revoked is not None:
            self._listener.on_partitions_revoked({TopicPartition(*tp) for tp in revoked})
        if assigned is not None:
            self._listener.on_partitions_assigned({TopicPartition(*tp) for tp in assigned})

    # -- polling -----------------------------------------------------------------------------------
    def _records(self, batches, deserialize=True):
        cfg = self.config
        kd, vd = cfg["key_deserializer"], cfg["value_deserializer"]
        out = {}
        for (topic, partition), records in batches:
            p = self._cluster.partition(topic, partition)
            epoch = p.leader_epoch if p is not None else -1
            tp = TopicPartition(topic, partition)
            lst = out.setdefault(tp, [])
            for offset, ts, key, value, headers in records:
                hdrs = list(headers) if headers else []
                lst.append(ConsumerRecord(
                    topic, partition, epoch, offset, ts, 0,
                    kd.deserialize(topic, hdrs, key) if kd is not None else key,
                    vd.deserialize(topic, hdrs, value) if vd is not None else value,
                    hdrs, None, len(key) if key is not None else -1, len(value) if value is not None else -1,
                    sum(len(k.encode()) + len(v) for k, v in hdrs) if hdrs else -1))
        return out

    def _fetch(self, deadline, max_records):
        """Polls until records arrive or `deadline` passes, letting the cluster run meanwhile."""
        core = self._core
        cluster = self._cluster
        if self._closed:
            raise Errors.IllegalStateError("KafkaConsumer is closed")
        _binding.charge(POLL_COST_US)
        while True:
            batches = core.poll_once(max_records)
            if self._paused and batches:
                batches = [b for b in batches if b[0] not in self._paused]
            if batches:
                return batches
            now = cluster.kernel.now
            if now >= deadline:
                return []
            data_version = cluster.data_version
            version = core.version
            wake_at = min(deadline, core.next_wakeup())
            cluster.block(wake_at if wake_at > now else deadline,
                          lambda: cluster.data_version != data_version or core.version != version)

    def poll(self, timeout_ms=0, max_records=None, update_offsets=True):
        if timeout_ms is None:
            timeout_ms = 0
        if timeout_ms < 0:
            raise ValueError("Timeout must not be negative")
        if max_records is not None:
            if not isinstance(max_records, int):
                raise TypeError("max_records must be an integer")
            if max_records < 1:
                raise ValueError("max_records must be positive")
        if self._closed:
            raise Errors.IllegalStateError("KafkaConsumer is closed")
        deadline = self._cluster.kernel.now + timeout_ms
        return self._records(self._fetch(deadline, max_records or self.config["max_poll_records"]))

    def __iter__(self):
        return self

    def __next__(self):
        if self._closed:
            raise StopIteration("KafkaConsumer closed")
        if not self._iterator_buffer:
            timeout = self._consumer_timeout_ms
            deadline = self._cluster.kernel.now + timeout if timeout != float("inf") else float("inf")
            batches = self._fetch(deadline, self.config["max_poll_records"])
            if not batches:
                raise StopIteration()
            for tp, records in self._records(batches).items():
                self._iterator_buffer.extend(records)
                # kafka-python's iterator polls with update_offsets=False and moves the position
                # one record at a time: commit() mid-batch commits only what was handed out.
                self._core.positions[(tp.topic, tp.partition)] = records[0].offset
            self._iterator_buffer.reverse()
        record = self._iterator_buffer.pop()
        self._core.positions[(record.topic, record.partition)] = record.offset + 1
        return record

    # -- positions -----------------------------------------------------------------------------------
    def _check_tp(self, partition):
        if not isinstance(partition, TopicPartition):
            raise TypeError("partition must be a TopicPartition namedtuple")

    def position(self, partition, timeout_ms=None):
        self._check_tp(partition)
        tp = (partition.topic, partition.partition)
        if tp not in self._core.positions:
            raise Errors.IllegalStateError("Partition is not assigned")
        self._core._init_positions()
        return self._core.positions[tp]

    def highwater(self, partition):
        self._check_tp(partition)
        if (partition.topic, partition.partition) not in self._core.positions:
            raise Errors.IllegalStateError("Partition is not assigned")
        p = self._cluster.partition(partition.topic, partition.partition)
        return None if p is None else p.hw

    def seek(self, partition, offset):
        self._check_tp(partition)
        if not isinstance(offset, int) or offset < 0:
            raise ValueError("Offset must be int >= 0")
        tp = (partition.topic, partition.partition)
        if tp not in self._core.positions:
            raise ValueError("Unassigned partition")
        self._core.positions[tp] = offset
        self._iterator_buffer.clear()

    def _seek_all(self, partitions, where):
        if not all(isinstance(p, TopicPartition) for p in partitions):
            raise TypeError("partitions must be TopicPartition namedtuples")
        core = self._core
        if not partitions:
            if not core.assignment:
                raise ValueError("No partitions are currently assigned")
            tps = list(core.assignment)
        else:
            tps = [(p.topic, p.partition) for p in partitions]
            for tp in tps:
                if tp not in core.positions:
                    raise ValueError("Unassigned partition: %s" % (TopicPartition(*tp),))
        for tp in tps:
            p = self._cluster.partition(*tp)
            if p is not None:
                core.positions[tp] = p.log.log_start_offset if where == "beginning" else p.hw
        self._iterator_buffer.clear()

    def seek_to_beginning(self, *partitions):
        self._seek_all(partitions, "beginning")

    def seek_to_end(self, *partitions):
        self._seek_all(partitions, "end")

    def beginning_offsets(self, partitions, timeout_ms=None):
        return self._offsets(partitions, lambda p: p.log.log_start_offset)

    def end_offsets(self, partitions, timeout_ms=None):
        return self._offsets(partitions, lambda p: p.hw)

    def _offsets(self, partitions, pick):
        out = {}
        for tp in partitions:
            self._check_tp(tp)
            p = self._cluster.partition(tp.topic, tp.partition)
            if p is None:
                raise Errors.KafkaTimeoutError(
                    "Failed to get offsets by timestamps in 60000 ms (unbekannte Partition %s)" % (tp,))
            out[tp] = pick(p)
        self._cluster.block(self._cluster.kernel.now + 2 * NET_MS)
        return out

    def offsets_for_times(self, timestamps, timeout_ms=None):
        from ..structs import OffsetAndTimestamp
        out = {}
        for tp, ts in timestamps.items():
            p = self._cluster.partition(tp.topic, tp.partition)
            found = None
            if p is not None:
                for rec in p.log.read(p.log.log_start_offset, p.hw, 10**12):
                    if rec[1] >= ts:
                        found = OffsetAndTimestamp(rec[0], rec[1], p.leader_epoch)
                        break
            out[tp] = found
        return out

    def pause(self, *partitions):
        for tp in partitions:
            self._check_tp(tp)
            self._paused.add((tp.topic, tp.partition))

    def paused(self):
        return {TopicPartition(*tp) for tp in self._paused}

    def resume(self, *partitions):
        for tp in partitions:
            self._paused.discard((tp.topic, tp.partition))

    # -- metadata ------------------------------------------------------------------------------------
    def topics(self):
        return {name for name in self._cluster.topics if not name.startswith("__")}

    def partitions_for_topic(self, topic):
        t = self._cluster.topics.get(topic)
        return None if t is None else set(range(len(t.partitions)))

    # -- commits -------------------------------------------------------------------------------------
    def _require_group(self):
        if self.config["group_id"] is None:
            raise Errors.IllegalStateError("Requires group_id")

    def _offsets_arg(self, offsets):
        if offsets is None:
            return None
        out = {}
        for tp, om in offsets.items():
            if isinstance(om, OffsetAndMetadata):
                out[(tp.topic, tp.partition)] = (om.offset, om.metadata or "")
            else:
                out[(tp.topic, tp.partition)] = (int(om), "")
        return out

    def _retrying(self, request, timeout_ms):
        """Runs a group request; retriable errors (coordinator down) are retried after
        retry_backoff_ms until timeout_ms, as kafka-python's synchronous calls do."""
        cluster = self._cluster
        deadline = float("inf") if timeout_ms is None else cluster.kernel.now + timeout_ms
        while True:
            try:
                result = request()
            except Errors.RetriableError as exc:
                result = exc
            if not (isinstance(result, Errors.KafkaError) and result.retriable):
                cluster.block(cluster.kernel.now + 2 * NET_MS)
                return result
            if cluster.kernel.now >= deadline:
                raise Errors.KafkaTimeoutError("Timeout waiting for group coordinator (%s)" % (result,))
            cluster.block(min(deadline, cluster.kernel.now + self.config["retry_backoff_ms"]))

    def commit(self, offsets=None, timeout_ms=None):
        self._require_group()
        requested = self._offsets_arg(offsets)
        error = self._retrying(lambda: self._core.commit_positions(requested), timeout_ms)
        if error is not None:
            raise error

    def commit_async(self, offsets=None, callback=None):
        self._require_group()
        future = Future()
        if offsets is None:    # what has been consumed so far, taken now as kafka-python does
            offsets = {TopicPartition(*tp): OffsetAndMetadata(pos, "", -1)
                       for tp, pos in self._core.positions.items() if pos is not None}
        requested = offsets

        def do_commit():
            error = self._core.commit_positions(self._offsets_arg(requested))
            if callback is not None:
                callback(requested, error)
            if error is None:
                future.success(None)
            else:
                future.failure(error)

        self._cluster.kernel.schedule(NET_MS, do_commit)
        return future

    def committed(self, partition, metadata=False, timeout_ms=None):
        self._require_group()
        self._check_tp(partition)
        coordinator = self._cluster.coordinator
        group_id = self.config["group_id"]
        self._retrying(lambda: coordinator.committed(group_id, partition.topic, partition.partition), timeout_ms)
        group = coordinator.groups.get(group_id)
        entry = group.offsets.get((partition.topic, partition.partition)) if group else None
        if entry is None:
            return None
        return OffsetAndMetadata(entry[0], entry[1], -1) if metadata else entry[0]

    def group_metadata(self):
        core = self._core
        state = {"STABLE": MemberState.STABLE, "UNJOINED": MemberState.UNJOINED}.get(core.state, MemberState.REBALANCING)
        return ConsumerGroupMetadata(self.config["group_id"], core.generation, core.member_id,
                                     self.config["group_instance_id"], state)

    def close(self, autocommit=True, timeout_ms=None):
        if self._closed:
            return
        self._core.close(autocommit=autocommit and self.config["enable_auto_commit"])
        self._closed = True

    def metrics(self, raw=False):
        return {"consumer-fetch-manager-metrics": {"records-consumed-total": self._core.consumed}}
