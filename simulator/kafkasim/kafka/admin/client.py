"""KafkaAdminClient: topic and consumer-group administration with kafka-python 3.0's method names."""

from __future__ import annotations

import copy

from ... import errors as Errors
from ...replication import NET_MS
from .. import _binding
from ..structs import OffsetAndMetadata, OffsetAndTimestamp, TopicPartition
from ._configs import AlterConfigOp, ConfigFilterType, ConfigResource, ConfigResourceType
from ._partitions import NewPartitions, OffsetSpec, OffsetTimestamp
from ._topics import NewTopic

# Without an authorizer a Kafka 4.x broker grants these on the cluster resource (names as
# describe_cluster() returns them, measured on Kafka 4.3.1).
CLUSTER_OPERATIONS = ("CREATE", "ALTER", "DESCRIBE", "CLUSTER_ACTION", "DESCRIBE_CONFIGS", "ALTER_CONFIGS",
                      "IDEMPOTENT_WRITE")

# kafka-python 2.x names a learner may know from older tutorials, and what 3.0 calls them.
RENAMED = {"list_consumer_groups": "list_groups", "describe_consumer_groups": "describe_groups",
           "list_consumer_group_offsets": "list_group_offsets",
           "delete_consumer_groups": "delete_groups"}


class KafkaAdminClient:
    DEFAULT_CONFIG = {
        "bootstrap_servers": "localhost", "client_id": "kafka-python-3.0.12", "request_timeout_ms": 30000,
        "connections_max_idle_ms": 9 * 60 * 1000, "reconnect_backoff_ms": 50,
        "reconnect_backoff_max_ms": 30000, "max_in_flight_requests_per_connection": 5,
        "receive_buffer_bytes": None, "send_buffer_bytes": None, "socket_options": None,
        "sock_chunk_bytes": 4096, "sock_chunk_buffer_count": 1000, "retry_backoff_ms": 100,
        "metadata_max_age_ms": 300000, "security_protocol": "PLAINTEXT", "ssl_context": None,
        "ssl_check_hostname": True, "ssl_cafile": None, "ssl_certfile": None, "ssl_keyfile": None,
        "ssl_password": None, "ssl_crlfile": None, "api_version": None,
        "api_version_auto_timeout_ms": 2000, "bootstrap_timeout_ms": 30000, "selector": None,
        "sasl_mechanism": None, "sasl_plain_username": None, "sasl_plain_password": None,
        "sasl_kerberos_name": None, "sasl_kerberos_service_name": "kafka",
        "sasl_kerberos_domain_name": None, "sasl_oauth_token_provider": None, "socks5_proxy": None,
        "proxy_url": None, "metric_reporters": [], "metrics_enabled": True, "metrics_num_samples": 2,
        "metrics_sample_window_ms": 30000, "kafka_client": None,
    }

    def __init__(self, **configs):
        unknown = set(configs) - set(self.DEFAULT_CONFIG)
        if unknown:
            raise Errors.KafkaConfigurationError("Unrecognized configs: %s" % (unknown,))
        self.config = copy.copy(self.DEFAULT_CONFIG)
        self.config.update(configs)
        self._cluster = _binding.current()
        _binding.bootstrap(self._cluster, self.config)
        self._closed = False

    def __getattr__(self, name):
        if name in RENAMED:
            raise AttributeError(
                f"'KafkaAdminClient' object has no attribute '{name}' – in kafka-python 3 heißt die "
                f"Methode {RENAMED[name]}().")
        raise AttributeError(f"'KafkaAdminClient' object has no attribute '{name}'")

    def _round_trip(self):
        self._cluster.block(self._cluster.kernel.now + 2 * NET_MS)

    def close(self):
        self._closed = True

    # -- topics --------------------------------------------------------------------------------------
    def create_topics(self, new_topics, timeout_ms=None, validate_only=False, raise_errors=True,
                      wait_for_metadata=False):
        cluster = self._cluster
        specs = []
        if isinstance(new_topics, dict):
            for name, data in new_topics.items():
                specs.append((name, data.get("num_partitions", -1), data.get("replication_factor", -1),
                              data.get("configs", {})))
        elif all(isinstance(t, str) for t in new_topics):
            specs = [(name, -1, -1, {}) for name in new_topics]
        elif all(isinstance(t, NewTopic) for t in new_topics):
            specs = [(t.name, t.num_partitions, t.replication_factor, t.topic_configs) for t in new_topics]
        if not specs:
            raise ValueError(f"No valid topics found in new_topics: {new_topics}")
        results = []
        first_error = None
        for name, partitions, rf, configs in specs:
            if partitions == -1:
                partitions = cluster.config["num.partitions"]
            if rf == -1:
                rf = cluster.config["default.replication.factor"]
            error = None
            try:
                if validate_only:
                    if name in cluster.topics:
                        raise Errors.TopicAlreadyExistsError(f"Topic '{name}' already exists.")
                else:
                    cluster.create_topic(name, partitions, rf, {k: v for k, v in configs.items()})
            except Errors.BrokerResponseError as exc:
                error = exc
                first_error = first_error or exc
            results.append({"name": name, "topic_id": None,
                            "error_code": error.errno if error else 0,
                            "error_message": str(error.args[0]) if error and error.args else None,
                            "num_partitions": partitions, "replication_factor": rf})
        self._round_trip()
        if first_error is not None and raise_errors:
            raise first_error
        return {"topics": results}

    def delete_topics(self, topics, timeout_ms=None, raise_errors=True):
        results = []
        first_error = None
        for name in topics:
            error = None
            try:
                self._cluster.delete_topic(name)
            except Errors.BrokerResponseError as exc:
                error = exc
                first_error = first_error or exc
            results.append({"name": name, "topic_id": None, "error_code": error.errno if error else 0,
                            "error_message": str(error.args[0]) if error and error.args else None})
        self._round_trip()
        if first_error is not None and raise_errors:
            raise first_error
        return {"topics": results}

    def create_partitions(self, topic_partitions, timeout_ms=None, validate_only=False, raise_errors=True):
        """Grows topics: {name: total count} (or {name: {"count": n}} / {name: NewPartitions(n)})."""
        results = []
        first_error = None
        for name, spec in topic_partitions.items():
            if isinstance(spec, NewPartitions):
                count = spec.total_count
            elif isinstance(spec, dict):
                count = spec.get("count")
            else:
                count = spec
            error = None
            try:
                if validate_only:
                    if name not in self._cluster.topics:
                        raise Errors.UnknownTopicOrPartitionError(f"Das Topic {name} gibt es nicht.")
                else:
                    self._cluster.add_partitions(name, count)
            except Errors.BrokerResponseError as exc:
                error = exc
                first_error = first_error or exc
            results.append(_Response(name=name, error_code=error.errno if error else 0,
                                     error_message=str(error.args[0]) if error and error.args else None))
        self._round_trip()
        if first_error is not None and raise_errors:
            raise first_error
        return _Response(throttle_time_ms=0, results=results)

    def list_topics(self):
        self._round_trip()
        # Internal topics (__consumer_offsets, once a group exists) are listed by a real broker too.
        return list(self._cluster.topics) + list(self._cluster.internal_topics)

    def describe_topics(self, topics=None):
        cluster = self._cluster
        names = list(cluster.topics) if topics is None else list(topics)
        out = []
        for name in names:
            t = cluster.topics.get(name)
            if t is None:
                out.append({"error_code": 3, "name": name, "topic_id": None, "is_internal": False,
                            "partitions": [], "topic_authorized_operations": -2147483648})
                continue
            out.append({
                "error_code": 0, "name": name, "topic_id": None, "is_internal": False,
                "partitions": [{"error_code": 0 if p.leader is not None else 5, "partition_index": p.index,
                                "leader_id": p.leader if p.leader is not None else -1,
                                "leader_epoch": p.leader_epoch, "replica_nodes": list(p.replicas),
                                "isr_nodes": list(p.isr),
                                "offline_replicas": [b for b in p.replicas
                                                     if cluster.brokers[b].state != "running"]}
                               for p in t.partitions],
                "topic_authorized_operations": -2147483648,
            })
        self._round_trip()
        return out

    def describe_cluster(self):
        cluster = self._cluster
        self._round_trip()
        # kafka-python 3 asks with include_fenced_brokers: every registered broker is listed, a
        # crashed one as not fenced until the controller's broker session for it expires.
        return {"cluster_id": "kafkasim", "controller_id": cluster.controller_id if cluster.controller_id else -1,
                "brokers": [{"broker_id": b.id, "host": "localhost", "port": 9091 + b.id, "rack": None,
                             "is_fenced": b.fenced}
                            for b in cluster.brokers.values()],
                # What a broker without an authorizer grants on the cluster resource.
                "authorized_operations": list(CLUSTER_OPERATIONS)}

    # -- configs -------------------------------------------------------------------------------------
    def _topic_resources(self, config_resources):
        for resource in config_resources:
            if resource.resource_type is not ConfigResourceType.TOPIC:
                raise Errors.InvalidRequestError(
                    f"Der Simulator kennt Einstellungen nur für Topics, nicht für {resource.resource_type.name}.")
            yield resource

    def describe_configs(self, config_resources, include_synonyms=False, config_filter="modified"):
        """{'topic': {name: {key: {'value': str, 'config_source': …, …}}}}, like kafka-python 3."""
        if not isinstance(config_filter, ConfigFilterType):
            config_filter = ConfigFilterType[str(config_filter).upper()]
        out = {}
        for resource in self._topic_resources(config_resources):
            topic = self._cluster.topics.get(resource.name)
            if topic is None:
                raise Errors.UnknownTopicOrPartitionError(f"Das Topic {resource.name} gibt es nicht.")
            entries = {}
            for key, value in topic.config.items():
                if resource.configs is not None and key not in resource.configs:
                    continue
                modified = key in topic.overrides
                if config_filter is ConfigFilterType.MODIFIED and not modified:
                    continue
                if config_filter is ConfigFilterType.DEFAULT and modified:
                    continue
                text = str(value).lower() if isinstance(value, bool) else str(value)
                entries[key] = {"value": text, "read_only": False, "is_sensitive": False,
                                "config_source": "DYNAMIC_TOPIC_CONFIG" if modified else "DEFAULT_CONFIG"}
            out.setdefault("topic", {})[resource.name] = entries
        self._round_trip()
        return out

    def alter_configs(self, config_resources, validate_only=False, raise_on_unknown=True, incremental=None):
        """Sets (or with AlterConfigOp.DELETE resets) topic settings; {'topic': {name: 'OK' | error}}."""
        out = {}
        for resource in self._topic_resources(config_resources):
            changes = {}
            for key, spec in (resource.configs or {}).items():
                op, value = spec if isinstance(spec, tuple) else (AlterConfigOp.SET, spec)
                if not isinstance(op, AlterConfigOp):
                    op = AlterConfigOp[op.upper()] if isinstance(op, str) else AlterConfigOp(op)
                changes[key] = None if op is AlterConfigOp.DELETE else value
            topic = self._cluster.topics.get(resource.name)
            if raise_on_unknown and topic is not None:
                unknown = [k for k in changes if k not in topic.config]
                if unknown:
                    raise ValueError(f"Unrecognized TOPIC configs: {unknown}")
            try:
                if validate_only:
                    if topic is None:
                        raise Errors.UnknownTopicOrPartitionError(f"Das Topic {resource.name} gibt es nicht.")
                else:
                    self._cluster.alter_topic_config(resource.name, changes)
                result = "OK"
            except Errors.BrokerResponseError as exc:
                result = str(exc)
            out.setdefault("topic", {})[resource.name] = result
        self._round_trip()
        return out

    # -- groups --------------------------------------------------------------------------------------
    def delete_groups(self, group_ids, group_coordinator_id=None):
        """Deletes empty groups with their offsets: {group_id: 'OK' | error class name}."""
        out = {}
        for group_id in group_ids:
            error = self._cluster.coordinator.delete_group(group_id)
            out[group_id] = "OK" if error is None else type(error).__name__
        self._round_trip()
        return out

    def _offset_for_spec(self, tp, spec):
        p = self._cluster.partition(tp.topic, tp.partition)
        if p is None:
            raise Errors.UnknownTopicOrPartitionError(f"Die Partition {tp} gibt es nicht.")
        if isinstance(spec, OffsetTimestamp):
            for rec in p.log.read(p.log.log_start_offset, p.hw, 10**12):
                if rec[1] >= spec:
                    return OffsetAndTimestamp(rec[0], rec[1], p.leader_epoch)
            return OffsetAndTimestamp(-1, -1, p.leader_epoch)
        spec = OffsetSpec(spec)
        if spec in (OffsetSpec.EARLIEST, OffsetSpec.EARLIEST_LOCAL):
            return OffsetAndTimestamp(p.log.log_start_offset, -1, p.leader_epoch)
        if spec is OffsetSpec.MAX_TIMESTAMP:
            records = p.log.read(p.log.log_start_offset, p.hw, 10**12)
            if not records:
                return OffsetAndTimestamp(-1, -1, p.leader_epoch)
            best = max(records, key=lambda r: (r[1], -r[0]))
            return OffsetAndTimestamp(best[0], best[1], p.leader_epoch)
        return OffsetAndTimestamp(p.hw, -1, p.leader_epoch)

    def list_partition_offsets(self, offset_specs, isolation_level=None):
        """{TopicPartition: OffsetSpec | OffsetTimestamp} → {TopicPartition: OffsetAndTimestamp}."""
        out = {tp: self._offset_for_spec(tp, spec) for tp, spec in offset_specs.items()}
        self._round_trip()
        return out

    def alter_group_offsets(self, group_id, offsets, group_coordinator_id=None):
        """Commits offsets for an empty group: {TopicPartition: NoError | error class}."""
        result = {}
        for tp, om in offsets.items():
            offset = om.offset if isinstance(om, OffsetAndMetadata) else int(om)
            metadata = (om.metadata or "") if isinstance(om, OffsetAndMetadata) else ""
            error = self._cluster.coordinator.commit(group_id, "", -1, {(tp.topic, tp.partition): (offset, metadata)})
            result[tp] = Errors.NoError if error is None else type(error)
        self._round_trip()
        return result

    def reset_group_offsets(self, group_id, offset_specs, group_coordinator_id=None):
        """Sets an empty group's offsets to OffsetSpec / OffsetTimestamp / int targets, clamped to
        [earliest, latest]: {TopicPartition: {'error': class, 'offset': int}}."""
        targets = {}
        for tp, spec in offset_specs.items():
            if isinstance(spec, (OffsetSpec, OffsetTimestamp)):
                raw = self._offset_for_spec(tp, spec).offset
            elif isinstance(spec, int):
                raw = spec
            else:
                raise TypeError(f"Unsupported reset target for {tp}: {spec!r} "
                                "(expected OffsetSpec, OffsetTimestamp, or int offset)")
            earliest = self._offset_for_spec(tp, OffsetSpec.EARLIEST).offset
            latest = self._offset_for_spec(tp, OffsetSpec.LATEST).offset
            targets[tp] = latest if raw < 0 or raw > latest else max(raw, earliest)
        errors_by_tp = self.alter_group_offsets(group_id, {tp: OffsetAndMetadata(o, "", None)
                                                           for tp, o in targets.items()})
        return {tp: {"error": errors_by_tp[tp], "offset": targets[tp]} for tp in targets}

    def list_groups(self, broker_ids=None, states_filter=None, types_filter=None):
        groups = self._cluster.coordinator.groups.values()
        out = [{"group_id": g.group_id, "protocol_type": "consumer", "group_state": g.state,
                "group_type": "classic"} for g in groups]
        if states_filter:
            wanted = {str(s).lower().replace("_", "").replace("-", "") for s in states_filter}
            out = [g for g in out if g["group_state"].lower() in wanted]
        self._round_trip()
        return out

    def describe_groups(self, group_ids, group_coordinator_id=None, include_authorized_operations=False):
        coordinator = self._cluster.coordinator
        out = {}
        for group_id in group_ids:
            g = coordinator.groups.get(group_id)
            if g is None:
                out[group_id] = {"group_id": group_id, "group_state": "Dead", "protocol_type": "",
                                 "protocol_data": "", "members": [], "authorized_operations": None,
                                 "error": None}
                continue
            out[group_id] = {
                "group_id": group_id, "group_state": g.state, "protocol_type": "consumer",
                "protocol_data": g.protocol or "",
                "members": [{"member_id": m.member_id, "group_instance_id": None, "client_id": m.client_id,
                             "client_host": "/127.0.0.1", "member_metadata": {"topics": m.topics()},
                             "member_assignment": {"assigned_partitions": [
                                 {"topic": t, "partitions": list(ps)} for t, ps in sorted(m.assignment.items())]}}
                            for m in g.members.values()],
                "authorized_operations": None, "error": None}
        self._round_trip()
        return out

    def list_group_offsets(self, group_specs):
        if isinstance(group_specs, list):
            group_specs = {g: None for g in group_specs}
        elif isinstance(group_specs, str):
            group_specs = {group_specs: None}
        coordinator = self._cluster.coordinator
        out = {}
        for group_id, partitions in group_specs.items():
            g = coordinator.groups.get(group_id)
            offsets = dict(g.offsets) if g else {}
            wanted = None if partitions is None else {(tp.topic, tp.partition) for tp in partitions}
            out[group_id] = {TopicPartition(t, p): OffsetAndMetadata(o, m, -1)
                             for (t, p), (o, m) in sorted(offsets.items())
                             if wanted is None or (t, p) in wanted}
        self._round_trip()
        return out


class _Response:
    """Stand-in for kafka-python's response objects: attributes plus to_dict()."""

    def __init__(self, **fields):
        self.__dict__.update(fields)

    def to_dict(self):
        return {k: [v.to_dict() if isinstance(v, _Response) else v for v in val] if isinstance(val, list) else val
                for k, val in self.__dict__.items()}

    def __repr__(self):
        return "Response(%s)" % ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
