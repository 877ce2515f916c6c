"""kafka.consumer.KafkaConsumer with kafka-python 3.0's configuration, defaults and errors.

poll() drives the consumer: the group protocol (coordinator.poll), positions (committed offsets,
offset resets), and fetches; it waits for news (a fetch response, a join answer, a timer) in
simulated time, so the whole cluster keeps working meanwhile.
"""

from __future__ import annotations

import copy
import logging
import re
from collections.abc import Sequence

from ... import errors as Errors
from ...protocol import fetch as f
from ...protocol.records import APPEND_TIME_TYPES
from .. import env as _env
from ..cluster import ClusterMetadata
from ..coordinator.assignors import assignor_instances
from ..coordinator.assignors.range import RangePartitionAssignor
from ..coordinator.assignors.roundrobin import RoundRobinPartitionAssignor
from ..coordinator.consumer import ConsumerCoordinator
from ..future import Future
from ..net.manager import KafkaConnectionManager
from ..serializer import Deserializer, DeserializeWrapper
from ..structs import ConsumerGroupMetadata, MemberState, OffsetAndMetadata, OffsetAndTimestamp, TopicPartition
from .fetcher import ConsumerRecord, Fetcher
from .subscription_state import ConsumerRebalanceListener, SubscriptionState

# Simulated client CPU time of a poll() call that returns at once (µs).
POLL_COST_US = 50
# Offset lookups (beginning/end offsets, offsets_for_times) give up after this long, as kafka-python's.
OFFSETS_TIMEOUT_MS = 60_000

log = logging.getLogger("kafka.consumer.group")


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
        deprecated = {"smallest": "earliest", "largest": "latest"}
        if cfg["auto_offset_reset"] in deprecated:
            new = deprecated[cfg["auto_offset_reset"]]
            log.warning("use auto_offset_reset=%s (%s is deprecated)", new, cfg["auto_offset_reset"])
            cfg["auto_offset_reset"] = new
        if str(cfg["auto_offset_reset"]).lower() not in ("earliest", "latest", "none"):
            # kafka-python accepts any other value and never resets: as 'none'.
            logging.getLogger("kafka.consumer.subscription_state").warning(
                "Unrecognized offset_reset_strategy, using NONE (auto_offset_reset=%r: Consumer ohne "
                "Startposition melden NoOffsetForPartitionError)", cfg["auto_offset_reset"])
            cfg["auto_offset_reset"] = "none"
        cfg["auto_offset_reset"] = str(cfg["auto_offset_reset"]).lower()
        if cfg["group_instance_id"] is not None and cfg["group_id"] is None:
            raise Errors.KafkaConfigurationError("group_instance_id requires group_id")
        for name in ("key_deserializer", "value_deserializer"):
            d = cfg[name]
            if d is not None and not isinstance(d, Deserializer):
                cfg[name] = DeserializeWrapper(d)
        assignors = assignor_instances(cfg["partition_assignment_strategy"])
        env = self._env = _env.current()
        self._wakeups = 0
        self._on_wakeup = None      # a background poller's hook (kafkasim.scenarios)
        client_id = cfg["client_id"]
        self._metadata = ClusterMetadata(env.kernel.rng, int(cfg["metadata_max_age_ms"]))
        self._manager = KafkaConnectionManager(env, client_id, self._metadata, cfg)
        self._manager.on_change = self._notify
        self._manager.bootstrap(cfg["bootstrap_timeout_ms"])
        self._subscription = SubscriptionState(cfg["auto_offset_reset"])
        self._fetcher = Fetcher(env, client_id, cfg["group_id"], self._manager, self._metadata, self._subscription,
                                cfg, self._notify)
        self._coordinator = ConsumerCoordinator(env, client_id, cfg["group_id"], self._manager, self._metadata,
                                                self._subscription, cfg, assignors, self._notify)
        # kafka-python: a read_committed consumer asks for stable offsets only (KIP-447).
        self._coordinator.require_stable = self._fetcher.isolation_level == 1
        self._metadata.add_listener(self._metadata_updated)
        self._committed_pending = False
        self._committed_retry_at = 0
        self._closed = False
        self._iterator = None
        self._consumer_timeout_ms = cfg["consumer_timeout_ms"]
        env.consumers.append(self)
        ctx = _env.context()
        if ctx is not None:
            ctx.consumers.append(self)
        if topics:
            self.subscribe(topics=topics)

    def _notify(self):
        self._wakeups += 1
        if self._on_wakeup is not None:
            self._on_wakeup()

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        # As kafka-python: a block left by an exception closes without the automatic commit, since
        # the record in hand may not have been processed.
        self.close(autocommit=exc_type is None)

    def _refuse_inside_listener(self):
        """kafka-python runs the rebalance listener on its IO thread, where a blocking call cannot
        wait for it."""
        if self._coordinator.in_listener:
            raise RuntimeError(
                "Cannot block on net.run() from the IO thread itself. (kafka-python ruft den "
                "Rebalance-Listener in seinem IO-Thread auf; blockierende Consumer-Aufrufe wie "
                "commit(), committed() oder poll() brechen dort ab. Committen Sie nach der "
                "Verarbeitung in der Schleife oder im Listener mit commit_async().)")

    def _raise_listener_error(self):
        coordinator = self._coordinator
        error, coordinator.listener_error = coordinator.listener_error, None
        if error is not None:
            raise error

    def bootstrap_connected(self):
        return True

    def bootstrap(self, timeout_ms=None, refresh=False):
        """Blocks until the consumer has the cluster's metadata (it bootstraps when built, so this
        waits only with refresh=True); KafkaTimeoutError after timeout_ms."""
        if refresh or not self._metadata.brokers():
            self._manager.bootstrap(float("inf") if timeout_ms is None else timeout_ms)

    # -- subscription ------------------------------------------------------------------------------
    def subscribe(self, topics=(), pattern=None, listener=None):
        # kafka-python's checks, in its order.
        if not topics and not pattern:
            raise ValueError("Must provide topics or pattern (Topics oder ein pattern angeben)")
        if topics and pattern:
            raise Errors.IllegalStateError(
                "You must choose only one way to configure your consumer: (1) subscribe to specific topics by "
                "name, (2) subscribe to topics matching a regex pattern, (3) assign itself specific "
                "topic-partitions. (Entweder Topics, ein pattern oder assign().)")
        if not pattern and (isinstance(topics, str) or not isinstance(topics, Sequence)):
            raise TypeError("Topics must be a list (or non-str sequence) (subscribe(['topic']) statt subscribe('topic'))")
        if listener and not isinstance(listener, ConsumerRebalanceListener):
            raise TypeError("listener must be a ConsumerRebalanceListener or AsyncConsumerRebalanceListener")
        regex = None
        if pattern is not None:
            regex = re.compile(pattern)
            self._metadata.need_all_topics = True
            self._manager.fetch_metadata(self.config["request_timeout_ms"], all_topics=True)
            topics = sorted(t for t in self._metadata.topics(self.config["exclude_internal_topics"]) if regex.match(t))
        self._subscription.subscribe(list(topics), listener, regex)
        self._metadata.set_topics(self._subscription.subscription)
        self._manager.request_metadata_update()
        self._coordinator.needs_rejoin = True

    def _metadata_updated(self, metadata):
        sub = self._subscription
        if sub.pattern is not None:
            matched = sorted(t for t in metadata.topics(self.config["exclude_internal_topics"]) if sub.pattern.match(t))
            if matched != sorted(sub.subscription or ()):
                sub.subscription = matched
                metadata.set_topics(matched)
                self._coordinator.needs_rejoin = True

    def subscription(self):
        topics = self._subscription.subscription
        return set(topics) if topics is not None else None

    def assign(self, partitions):
        if not all(isinstance(p, TopicPartition) for p in partitions):
            raise TypeError("partitions must be TopicPartition namedtuples")
        self._subscription.assign_from_user([(tp.topic, tp.partition) for tp in partitions])
        self._metadata.set_topics({tp.topic for tp in partitions})
        self._manager.request_metadata_update()

    def assignment(self):
        return {TopicPartition(t, p) for t, p in self._subscription.assignment}

    def unsubscribe(self):
        coordinator = self._coordinator
        if self.config["group_id"] is not None and coordinator.member_id:
            coordinator.maybe_commit_sync()
            coordinator.leave_group()
        coordinator.reset_membership()
        self._subscription.unsubscribe()
        self._fetcher.clear_buffered()
        self._iterator = None

    # -- polling -----------------------------------------------------------------------------------
    def _records(self, batches):
        cfg = self.config
        kd, vd = cfg["key_deserializer"], cfg["value_deserializer"]
        out = {}
        for (topic, partition), records, epoch in batches:
            tp = TopicPartition(topic, partition)
            lst = out.setdefault(tp, [])
            for record in records:
                offset, ts, key, value, headers = record
                hdrs = list(headers) if headers else []
                lst.append(ConsumerRecord(
                    topic, partition, epoch, offset, ts, 1 if type(record) in APPEND_TIME_TYPES else 0,
                    kd.deserialize(topic, hdrs, key) if kd is not None else key,
                    vd.deserialize(topic, hdrs, value) if vd is not None else value,
                    hdrs, None, len(key) if key is not None else -1, len(value) if value is not None else -1,
                    sum(len(k.encode()) + len(v) for k, v in hdrs) if hdrs else -1))
        return out

    def _update_fetch_positions(self):
        """Positions for partitions that have none: the committed offset, else the reset policy."""
        sub = self._subscription
        missing = sub.missing_positions()
        if missing:
            if self.config["group_id"] is None:
                for tp in missing:
                    self._no_committed_offset(tp)
            elif not self._committed_pending and self._env.kernel.now >= self._committed_retry_at:
                self._committed_pending = True
                self._coordinator.fetch_committed(missing, self._committed_arrived)
        self._fetcher.reset_offsets_if_needed()

    def _committed_arrived(self, offsets, error):
        self._committed_pending = False
        if error is not None:
            self._committed_retry_at = self._env.kernel.now + self.config["retry_backoff_ms"]
        if offsets is not None:
            for tp, entry in offsets.items():
                state = self._subscription.assignment.get(tp)
                if state is None or state.position is not None or state.reset_strategy is not None:
                    continue
                if entry is not None:
                    state.position = entry[0]
                else:
                    self._no_committed_offset(tp)
        self._notify()

    def _no_committed_offset(self, tp):
        if self._subscription.default_reset == "none":
            self._fetcher.error = Errors.NoOffsetForPartitionError(
                f"Kein committeter Offset für {tp[0]}-{tp[1]} und auto_offset_reset='none'.")
        else:
            self._subscription.request_reset(tp)

    def _poll_once(self, max_records, update_offsets=True):
        ready = self._coordinator.poll()
        self._raise_listener_error()
        if not ready:
            return []
        self._update_fetch_positions()
        records = self._fetcher.fetched_records(max_records, update_offsets)
        self._fetcher.send_fetches()
        return records

    def _fetch(self, deadline, max_records, update_offsets=True):
        """Polls until records arrive or `deadline` passes, letting the cluster run meanwhile."""
        if self._closed:
            raise Errors.IllegalStateError("KafkaConsumer is closed")
        self._refuse_inside_listener()
        env = self._env
        kernel = env.kernel
        _env.charge(POLL_COST_US)
        while True:
            batches = self._poll_once(max_records, update_offsets)
            if batches:
                return batches
            now = kernel.now
            if now >= deadline:
                return []
            wakeups = self._wakeups
            wake_at = min(deadline, self._coordinator.next_wakeup())
            env.block(wake_at if wake_at > now else deadline, lambda: self._wakeups != wakeups)

    def _poll_raw(self, max_records):
        """One non-blocking round of poll() that returns the fetched log records unconverted
        (the page's background consumers only count them)."""
        if self._closed:
            return []
        return self._poll_once(max_records)

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
        deadline = self._env.kernel.now + timeout_ms
        return self._records(self._fetch(deadline, max_records or self.config["max_poll_records"], update_offsets))

    def __iter__(self):
        return self

    def __next__(self):
        if self._closed:
            raise StopIteration("KafkaConsumer closed")
        kernel = self._env.kernel
        timeout = self._consumer_timeout_ms
        deadline = kernel.now + timeout if timeout != float("inf") else float("inf")
        while True:
            if self._iterator is None:
                self._iterator = self._message_generator(deadline)
            try:
                return next(self._iterator)
            except StopIteration:
                self._iterator = None
                if kernel.now >= deadline:
                    raise StopIteration() from None

    def _message_generator(self, deadline):
        batches = self._fetch(deadline, self.config["max_poll_records"], update_offsets=False)
        for tp, records in self._records(batches).items():
            for record in records:
                state = self._subscription.assignment.get((tp.topic, tp.partition))
                if state is None or state.paused or state.position is None:
                    break                 # no longer fetchable (revoked, paused, reset)
                state.position = record.offset + 1
                yield record

    # -- positions -----------------------------------------------------------------------------------
    def _check_tp(self, partition):
        if not isinstance(partition, TopicPartition):
            raise TypeError("partition must be a TopicPartition namedtuple")

    def position(self, partition, timeout_ms=None):
        self._check_tp(partition)
        tp = (partition.topic, partition.partition)
        if not self._subscription.is_assigned(tp):
            raise Errors.IllegalStateError("Partition is not assigned")
        env = self._env
        deadline = float("inf") if timeout_ms is None else env.kernel.now + timeout_ms
        sub = self._subscription
        state = sub.assignment.get(tp)
        if state is not None and state.position is None:
            self._refuse_inside_listener()    # an unknown position needs the broker: it blocks

        def known():
            state = sub.assignment.get(tp)
            if state is None or state.position is not None:
                return True
            self._update_fetch_positions()
            return False

        env.block(deadline, known)
        if self._fetcher.error is not None:
            error, self._fetcher.error = self._fetcher.error, None
            raise error
        state = sub.assignment.get(tp)
        return None if state is None else state.position

    def highwater(self, partition):
        self._check_tp(partition)
        state = self._subscription.assignment.get((partition.topic, partition.partition))
        if state is None:
            raise Errors.IllegalStateError("Partition is not assigned")
        return state.highwater

    def seek(self, partition, offset):
        self._check_tp(partition)
        if not isinstance(offset, int) or offset < 0:
            raise ValueError("Offset must be int >= 0")
        tp = (partition.topic, partition.partition)
        if not self._subscription.is_assigned(tp):
            raise ValueError("Unassigned partition")
        self._subscription.seek(tp, offset)
        self._fetcher.clear_buffered([tp])
        self._iterator = None

    def _seek_all(self, partitions, strategy):
        if not all(isinstance(p, TopicPartition) for p in partitions):
            raise TypeError("partitions must be TopicPartition namedtuples")
        sub = self._subscription
        if not partitions:
            if not sub.assignment:
                raise ValueError("No partitions are currently assigned")
            tps = list(sub.assignment)
        else:
            tps = [(p.topic, p.partition) for p in partitions]
            for tp in tps:
                if not sub.is_assigned(tp):
                    raise ValueError("Unassigned partition: %s" % (TopicPartition(*tp),))
        for tp in tps:
            sub.request_reset(tp, strategy)
        self._fetcher.clear_buffered(tps)
        self._iterator = None

    def seek_to_beginning(self, *partitions):
        self._seek_all(partitions, "earliest")

    def seek_to_end(self, *partitions):
        self._seek_all(partitions, "latest")

    def _list_offsets(self, timestamps: dict, timeout_ms):
        """{tp: (offset, timestamp, leader epoch)} from the partitions' leaders (ListOffsets)."""
        env = self._env
        kernel = env.kernel
        timeout_ms = OFFSETS_TIMEOUT_MS if timeout_ms is None else timeout_ms
        deadline = kernel.now + timeout_ms
        metadata = self._metadata
        wanted = {(tp.topic, tp.partition): ts for tp, ts in timestamps.items()}
        for topic in {t for t, _p in wanted}:
            metadata.add_topic(topic)
        results: dict = {}
        while True:
            pending = {tp: ts for tp, ts in wanted.items() if tp not in results}
            if not pending:
                return results
            by_node: dict[int, dict] = {}
            for tp, ts in pending.items():
                leader = metadata.leader_for_partition(tp)
                if leader is not None and leader != -1:
                    by_node.setdefault(leader, {})[tp] = ts
            answers: list = []
            for node, entries in by_node.items():
                self._fetcher.list_offsets(node, entries, lambda result, error: answers.append((result, error)))
            if by_node:
                env.block(deadline, lambda: len(answers) == len(by_node))
            retry = not by_node
            for result, error in answers:
                if result is None:
                    retry = True
                    continue
                for tp, (code, offset, ts, epoch) in result.items():
                    if code == 0:
                        results[tp] = (offset, ts, epoch)
                    else:
                        retry = True
            if len(results) == len(wanted):
                return results
            if kernel.now >= deadline:
                missing = [TopicPartition(*tp) for tp in wanted if tp not in results]
                raise Errors.KafkaTimeoutError(
                    "Failed to get offsets by timestamps in %s ms (unbekannte Partition %s)" % (timeout_ms, missing[0]))
            if retry:
                self._manager.fetch_metadata(min(self.config["retry_backoff_ms"], max(1, int(deadline - kernel.now))))

    def beginning_offsets(self, partitions, timeout_ms=None):
        for tp in partitions:
            self._check_tp(tp)
        found = self._list_offsets({tp: f.EARLIEST_TIMESTAMP for tp in partitions}, timeout_ms)
        return {tp: found[(tp.topic, tp.partition)][0] for tp in partitions}

    def end_offsets(self, partitions, timeout_ms=None):
        for tp in partitions:
            self._check_tp(tp)
        found = self._list_offsets({tp: f.LATEST_TIMESTAMP for tp in partitions}, timeout_ms)
        return {tp: found[(tp.topic, tp.partition)][0] for tp in partitions}

    def offsets_for_times(self, timestamps, timeout_ms=None):
        for tp, ts in timestamps.items():
            self._check_tp(tp)
            if ts < 0:
                raise ValueError("The target time for partition %s is %s. The target time cannot be negative."
                                 % (tp, ts))
        found = self._list_offsets(dict(timestamps), timeout_ms)
        out = {}
        for tp in timestamps:
            offset, ts, epoch = found[(tp.topic, tp.partition)]
            out[tp] = None if offset < 0 else OffsetAndTimestamp(offset, ts, epoch)
        return out

    def pause(self, *partitions):
        for tp in partitions:
            self._check_tp(tp)
            state = self._subscription.assignment.get((tp.topic, tp.partition))
            if state is not None:
                state.paused = True

    def paused(self):
        return {TopicPartition(*tp) for tp, s in self._subscription.assignment.items() if s.paused}

    def resume(self, *partitions):
        for tp in partitions:
            self._check_tp(tp)
            state = self._subscription.assignment.get((tp.topic, tp.partition))
            if state is not None:
                state.paused = False

    # -- metadata ------------------------------------------------------------------------------------
    def topics(self):
        self._manager.fetch_metadata(self.config["request_timeout_ms"], all_topics=True)
        return self._metadata.topics(exclude_internal_topics=True)

    def partitions_for_topic(self, topic):
        partitions = self._metadata.partitions_for_topic(topic)
        if partitions is None:
            self._manager.fetch_metadata(self.config["request_timeout_ms"], all_topics=True)
            partitions = self._metadata.partitions_for_topic(topic)
        return partitions or set()

    # -- commits -------------------------------------------------------------------------------------
    def _require_group(self):
        if self.config["group_id"] is None:
            raise Errors.IllegalStateError("Requires group_id")

    def _offsets_arg(self, offsets):
        if offsets is None:
            return {tp: (s.position, "") for tp, s in self._subscription.assignment.items() if s.position is not None}
        out = {}
        for tp, om in offsets.items():
            if isinstance(om, OffsetAndMetadata):
                out[(tp.topic, tp.partition)] = (om.offset, om.metadata or "")
            else:
                out[(tp.topic, tp.partition)] = (int(om), "")
        return out

    def commit(self, offsets=None, timeout_ms=None):
        self._require_group()
        self._refuse_inside_listener()
        error = self._coordinator.commit_sync(self._offsets_arg(offsets), timeout_ms)
        if error is not None:
            raise error

    def commit_async(self, offsets=None, callback=None):
        self._require_group()
        future = Future()
        requested = offsets
        if requested is None:     # what has been consumed so far, taken now as kafka-python does
            requested = {TopicPartition(*tp): OffsetAndMetadata(s.position, "", -1)
                         for tp, s in self._subscription.assignment.items() if s.position is not None}

        def done(error):
            if callback is not None:
                callback(requested, error)
            if error is None:
                future.success(None)
            else:
                future.failure(error)

        self._coordinator.commit_async(self._offsets_arg(requested), done)
        return future

    def committed(self, partition, metadata=False, timeout_ms=None):
        self._require_group()
        self._check_tp(partition)
        self._refuse_inside_listener()
        tp = (partition.topic, partition.partition)
        entry = self._coordinator.fetch_committed_sync([tp], timeout_ms).get(tp)
        if entry is None:
            return None
        return OffsetAndMetadata(entry[0], entry[1], -1) if metadata else entry[0]

    def group_metadata(self):
        c = self._coordinator
        state = {"STABLE": MemberState.STABLE, "UNJOINED": MemberState.UNJOINED}.get(c.state, MemberState.REBALANCING)
        return ConsumerGroupMetadata(self.config["group_id"], c.generation, c.member_id,
                                     self.config["group_instance_id"], state)

    def close(self, autocommit=True, timeout_ms=None):
        if self._closed:
            return
        self._coordinator.close(autocommit=autocommit and self.config["enable_auto_commit"])
        self._fetcher.closed = True
        self._manager.close()
        self._closed = True

    def _abandon(self):
        """The process ended without close(): heartbeats stop, the group notices after session.timeout.ms."""
        if not self._closed:
            self._coordinator.abandon()
            self._fetcher.closed = True
            self._manager.close()
            self._closed = True

    def metrics(self, raw=False):
        return {"consumer-fetch-manager-metrics": {"records-consumed-total": self._fetcher.consumed}}
