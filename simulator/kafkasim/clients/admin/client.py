"""kafka.admin.KafkaAdminClient: topic and consumer-group administration with kafka-python 3.0's
method names and return shapes, each call one or more requests to the brokers.

Topic changes go to the controller, group calls to the group's coordinator (FindCoordinator
first), offset lookups to the partitions' leaders, everything else to the least loaded broker.
"""

from __future__ import annotations

import copy
import uuid
from enum import IntEnum

from ... import errors as Errors
from ...protocol import admin as a
from ...protocol import fetch as f
from ...protocol import groups as g
from ...protocol import metadata as m
from ...protocol import offsets as o
from ...protocol.consumer import assigned_by_topic, decode_subscription
from .. import env as _env
from ..cluster import ClusterMetadata
from ..net.manager import KafkaConnectionManager
from ..structs import OffsetAndMetadata, OffsetAndTimestamp, TopicPartition
from ._configs import AlterConfigOp, ConfigFilterType, ConfigResourceType
from ._partitions import IsolationLevel, NewPartitions, OffsetSpec, OffsetTimestamp
from ._topics import NewTopic

# ACL operation codes of the cluster resource, as describe_cluster() names them.
ACL_OPERATIONS = {3: "READ", 4: "WRITE", 5: "CREATE", 6: "DELETE", 7: "ALTER", 8: "DESCRIBE", 9: "CLUSTER_ACTION",
                  10: "DESCRIBE_CONFIGS", 11: "ALTER_CONFIGS", 12: "IDEMPOTENT_WRITE"}
CONFIG_SOURCES = {0: "UNKNOWN", 1: "DYNAMIC_TOPIC_CONFIG", 2: "DYNAMIC_BROKER_CONFIG",
                  3: "DYNAMIC_DEFAULT_BROKER_CONFIG", 4: "STATIC_BROKER_CONFIG", 5: "DEFAULT_CONFIG",
                  6: "DYNAMIC_BROKER_LOGGER_CONFIG", 7: "DYNAMIC_CLIENT_METRICS_CONFIG", 8: "DYNAMIC_GROUP_CONFIG"}
MODIFIED_SOURCES = frozenset((0, 1, 2, 6, 7, 8))     # kafka-python's ConfigSourceType.is_modified()
CONFIG_TYPES = {0: "UNKNOWN", 1: "BOOLEAN", 2: "STRING", 3: "INT", 4: "SHORT", 5: "LONG", 6: "DOUBLE", 7: "LIST",
                8: "CLASS", 9: "PASSWORD"}

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
        "receive_message_max_bytes": 100_000_000, "client_dns_lookup": "use_all_dns_ips", "retry_backoff_ms": 100,
        "metadata_max_age_ms": 300000, "security_protocol": "PLAINTEXT", "ssl_context": None,
        "ssl_check_hostname": True, "ssl_cafile": None, "ssl_certfile": None, "ssl_keyfile": None,
        "ssl_password": None, "ssl_crlfile": None, "api_version": None,
        "bootstrap_timeout_ms": 30000, "selector": None,
        "sasl_mechanism": None, "sasl_plain_username": None, "sasl_plain_password": None,
        "sasl_kerberos_name": None, "sasl_kerberos_service_name": "kafka",
        "sasl_kerberos_domain_name": None, "sasl_oauth_token_provider": None, "socks5_proxy": None,
        "proxy_url": None, "metric_reporters": [], "metrics_num_samples": 2,
        "metrics_sample_window_ms": 30000, "kafka_client": None,
    }

    def __init__(self, **configs):
        unknown = set(configs) - set(self.DEFAULT_CONFIG)
        if unknown:
            raise Errors.KafkaConfigurationError("Unrecognized configs: %s" % (unknown,))
        self.config = copy.copy(self.DEFAULT_CONFIG)
        self.config.update(configs)
        env = self._env = _env.current()
        self._metadata = ClusterMetadata(env.kernel.rng, int(self.config["metadata_max_age_ms"]))
        cfg = dict(self.config, allow_auto_create_topics=False)
        self._manager = KafkaConnectionManager(env, self.config["client_id"], self._metadata, cfg)
        self._manager.bootstrap(self.config["bootstrap_timeout_ms"])
        self._closed = False
        ctx = _env.context()
        if ctx is not None:
            ctx.admins.append(self)

    def __getattr__(self, name):
        if name in RENAMED:
            raise AttributeError(
                f"'KafkaAdminClient' object has no attribute '{name}' – in kafka-python 3 heißt die "
                f"Methode {RENAMED[name]}().")
        raise AttributeError(f"'KafkaAdminClient' object has no attribute '{name}'")

    def close(self):
        self._closed = True
        self._manager.close()

    # -- requests ------------------------------------------------------------------------------------
    def _send(self, node: int, request, timeout_ms=None):
        """Sends and waits for the response; a broken connection raises KafkaConnectionError."""
        env = self._env
        timeout_ms = self.config["request_timeout_ms"] if timeout_ms is None else timeout_ms
        result: dict = {}
        self._manager.send(node, request, lambda response, error: result.update(response=response, error=error))
        if not env.block(env.kernel.now + timeout_ms, lambda: "error" in result):
            raise Errors.KafkaTimeoutError("Request timed out after %s ms" % (timeout_ms,))
        if result["error"] is not None:
            raise result["error"]
        return result["response"]

    def _any_node(self) -> int:
        env = self._env
        deadline = env.kernel.now + self.config["request_timeout_ms"]
        while True:
            node = self._manager.least_loaded_node()
            if node is not None:
                return node
            if env.kernel.now >= deadline:
                raise Errors.KafkaTimeoutError("Kein Broker erreichbar.")
            env.block(env.kernel.now + self._manager.earliest_retry_ms())

    def _ask_any(self, request):
        """A request any broker answers, retried on another broker when a connection breaks."""
        env = self._env
        deadline = env.kernel.now + self.config["request_timeout_ms"]
        while True:
            try:
                return self._send(self._any_node(), request)
            except Errors.KafkaConnectionError:
                if env.kernel.now >= deadline:
                    raise
                env.block(env.kernel.now + self.config["retry_backoff_ms"])

    def _metadata_response(self, topics=None):
        return self._ask_any(m.MetadataRequest(topics=topics, allow_auto_topic_creation=False))

    def _controller(self) -> int:
        response = self._metadata_response([])
        self._metadata.update_metadata(response, self._env.kernel.now)
        controller = response.controller_id
        return controller if controller != -1 else self._any_node()

    def _ask_controller(self, request):
        env = self._env
        deadline = env.kernel.now + self.config["request_timeout_ms"]
        while True:
            try:
                return self._send(self._controller(), request)
            except Errors.KafkaConnectionError:
                if env.kernel.now >= deadline:
                    raise
                env.block(env.kernel.now + self.config["retry_backoff_ms"])

    def _coordinator(self, group_id: str) -> int:
        env = self._env
        deadline = env.kernel.now + self.config["request_timeout_ms"]
        while True:
            entry = self._ask_any(m.FindCoordinatorRequest(m.GROUP, [group_id])).coordinators[0]
            if entry.error_code == 0:
                return entry.node_id
            error = Errors.for_code(entry.error_code)
            if not error.retriable or env.kernel.now >= deadline:
                raise error(entry.error_message) if entry.error_message else error()
            env.block(env.kernel.now + self.config["retry_backoff_ms"])

    def _ask_coordinator(self, group_id: str, request, error_of=None):
        """A group request; a moved or unreachable coordinator is looked up again and asked again."""
        env = self._env
        deadline = env.kernel.now + self.config["request_timeout_ms"]
        while True:
            try:
                response = self._send(self._coordinator(group_id), request)
            except Errors.KafkaConnectionError:
                if env.kernel.now >= deadline:
                    raise
                env.block(env.kernel.now + self.config["retry_backoff_ms"])
                continue
            code = error_of(response) if error_of is not None else 0
            if code in (Errors.NotCoordinatorError.errno, Errors.CoordinatorNotAvailableError.errno) \
                    and env.kernel.now < deadline:
                env.block(env.kernel.now + self.config["retry_backoff_ms"])
                continue
            return response

    @staticmethod
    def _error(code: int, message=None) -> Errors.KafkaError:
        cls = Errors.for_code(code)
        return cls(message) if message else cls()

    # -- topics --------------------------------------------------------------------------------------
    def create_topics(self, new_topics, timeout_ms=None, validate_only=False, raise_errors=True,
                      wait_for_metadata=False):
        if validate_only and wait_for_metadata:
            raise ValueError("validate_only and wait_for_metadata are mutually exclusive")
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
        request = a.CreateTopicsRequest(
            [a.CreatableTopic(name, partitions, rf, (), [a.CreatableTopicConfig(k, v) for k, v in configs.items()])
             for name, partitions, rf, configs in specs],
            timeout_ms or self.config["request_timeout_ms"], validate_only)
        response = self._ask_controller(request)
        first = next((r for r in response.topics if r.error_code), None)
        if first is not None and raise_errors:
            raise self._error(first.error_code, first.error_message)
        if wait_for_metadata:
            self.wait_for_topics([name for name, _p, _rf, _c in specs])
        results = []
        for r in response.topics:
            result = {"name": r.name, "topic_id": None, "error_code": r.error_code, "error_message": r.error_message,
                      "topic_config_error_code": 0, "num_partitions": r.num_partitions,
                      "replication_factor": r.replication_factor}
            if r.configs:       # kafka-python leaves the key out when the answer has none
                result["configs"] = {c.name: {"value": c.value, "read_only": c.read_only,
                                              "config_source": CONFIG_SOURCES.get(c.config_source, "UNKNOWN"),
                                              "is_sensitive": c.is_sensitive} for c in r.configs}
            results.append(result)
        return {"topics": results}

    def wait_for_topics(self, topic_names, timeout_ms=10000):
        """Blocks (in simulated time) until every topic is in the metadata with a leader for each
        partition, asking every 100 ms as kafka-python does; KafkaTimeoutError after timeout_ms."""
        if not topic_names:
            return
        names = list(topic_names)
        env = self._env
        deadline = env.kernel.now + timeout_ms
        while True:
            by_name = {t["name"]: t for t in self.describe_topics(names)}
            pending = {name: reason for name in names
                       if (reason := _not_ready(by_name.get(name))) is not None}
            if not pending:
                return
            if env.kernel.now >= deadline:
                raise Errors.KafkaTimeoutError(f"Topics not ready after {timeout_ms}ms: {pending}")
            env.block(env.kernel.now + 100)

    def delete_topics(self, topics, timeout_ms=None, raise_errors=True):
        response = self._ask_controller(a.DeleteTopicsRequest(list(topics), timeout_ms or self.config["request_timeout_ms"]))
        results = [{"name": r.name, "topic_id": None, "error_code": r.error_code, "error_message": r.error_message}
                   for r in response.responses]
        first = next((r for r in response.responses if r.error_code), None)
        if first is not None and raise_errors:
            raise self._error(first.error_code, first.error_message)
        return {"topics": results}

    def create_partitions(self, topic_partitions, timeout_ms=None, validate_only=False, raise_errors=True):
        """Grows topics: {name: total count} (or {name: {"count": n}} / {name: NewPartitions(n)})."""
        entries = []
        for name, spec in topic_partitions.items():
            if isinstance(spec, NewPartitions):
                count = spec.total_count
            elif isinstance(spec, dict):
                count = spec.get("count")
            else:
                count = spec
            entries.append(a.CreatePartitionsTopic(name, count, None))
        response = self._ask_controller(a.CreatePartitionsRequest(entries, timeout_ms or self.config["request_timeout_ms"],
                                                                  validate_only))
        results = [_Response(name=r.name, error_code=r.error_code, error_message=r.error_message)
                   for r in response.results]
        first = next((r for r in response.results if r.error_code), None)
        if first is not None and raise_errors:
            raise self._error(first.error_code, first.error_message)
        return _Response(throttle_time_ms=0, results=results)

    def list_topics(self):
        # Internal topics (__consumer_offsets, once a group exists) are listed by a real broker too.
        return [t.name for t in self._metadata_response(None).topics if t.error_code == 0]

    def describe_topics(self, topics=None):
        response = self._metadata_response(None if topics is None else list(topics))
        out = []
        for t in response.topics:
            out.append({
                "error_code": t.error_code, "name": t.name, "topic_id": None, "is_internal": t.is_internal,
                "partitions": [{"error_code": p.error_code, "partition_index": p.partition_index,
                                "leader_id": p.leader_id, "leader_epoch": p.leader_epoch,
                                "replica_nodes": list(p.replica_nodes), "isr_nodes": list(p.isr_nodes),
                                "offline_replicas": list(p.offline_replicas)} for p in t.partitions],
                "topic_authorized_operations": -2147483648,
            })
        return out

    def describe_topic_partitions(self, topics, response_partition_limit=2000, cursor=None):
        """DescribeTopicPartitions (KIP-966): {'topics': [...], 'next_cursor': None | {...}}, the
        topics sorted by name, paged by response_partition_limit partitions."""
        cursor_field = None if cursor is None else m.DescribeTopicPartitionsCursor(cursor["topic_name"],
                                                                                  cursor["partition_index"])
        response = self._ask_any(m.DescribeTopicPartitionsRequest(list(topics), response_partition_limit,
                                                                  cursor_field))
        result = [{
            "error_code": t.error_code, "name": t.name,
            "topic_id": uuid.UUID(t.topic_id) if t.topic_id else None, "is_internal": t.is_internal,
            "partitions": [{
                "error_code": p.error_code, "partition_index": p.partition_index, "leader_id": p.leader_id,
                "leader_epoch": p.leader_epoch, "replica_nodes": list(p.replica_nodes),
                "isr_nodes": list(p.isr_nodes),
                "eligible_leader_replicas": list(p.eligible_leader_replicas) if p.eligible_leader_replicas else None,
                "last_known_elr": list(p.last_known_elr) if p.last_known_elr else None,
                "offline_replicas": list(p.offline_replicas)} for p in t.partitions],
            "topic_authorized_operations": t.topic_authorized_operations,
        } for t in response.topics]
        next_cursor = None if response.next_cursor is None else {
            "topic_name": response.next_cursor.topic_name, "partition_index": response.next_cursor.partition_index}
        return {"topics": result, "next_cursor": next_cursor}

    def elect_leaders(self, election_type, topic_partitions=None, timeout_ms=None, raise_errors=True):
        """ElectLeaders (0 = preferred replica, 1 = unclean) for {topic: [partitions]}, [topics] (all
        their partitions) or None (every partition); returns the response. Errors other than
        ElectionNotNeededError raise (raise_errors), as in kafka-python."""
        election_type = ElectionType(election_type)
        timeout_ms = timeout_ms or self.config["request_timeout_ms"]
        if isinstance(topic_partitions, dict):
            pairs = topic_partitions.items()
        elif topic_partitions is None:
            pairs = None
        else:
            pairs = [(t["name"], [p["partition_index"] for p in t["partitions"]])
                     for t in self.describe_topics(topic_partitions)]
        wanted = None if pairs is None else [a.ElectLeadersTopic(t, list(ps)) for t, ps in pairs]
        response = self._ask_controller(a.ElectLeadersRequest(int(election_type), wanted, timeout_ms))
        view = _election_view(response)
        codes = [response.error_code] + [p.error_code for r in response.replica_election_results
                                         for p in r.partition_result]
        for code in codes:
            error = Errors.for_code(code)
            if error is Errors.NoError or not raise_errors or error is Errors.ElectionNotNeededError:
                continue
            request = (f"ElectLeadersRequest(version={ELECT_LEADERS_VERSION}, election_type={election_type!r}, "
                       f"topic_partitions={pairs!r}, timeout_ms={timeout_ms!r})")
            raise error("Request '{}' failed with response '{}'.".format(request, view))
        return view

    def describe_cluster(self):
        # kafka-python 3 asks with include_fenced_brokers: every registered broker is listed, a
        # crashed one as not fenced until the controller's broker session for it expires.
        response = self._ask_any(m.DescribeClusterRequest(True, 1, True))
        operations = response.cluster_authorized_operations
        return {"cluster_id": response.cluster_id, "controller_id": response.controller_id,
                "brokers": [{"broker_id": b.broker_id, "host": b.host, "port": b.port, "rack": b.rack,
                             "is_fenced": b.is_fenced} for b in response.brokers],
                "authorized_operations": [name for code, name in sorted(ACL_OPERATIONS.items())
                                          if operations >= 0 and operations & (1 << code)]}

    # -- configs -------------------------------------------------------------------------------------
    def list_config_resources(self, resource_types=None):
        """ListConfigResources (KIP-1142): {type name in lower case: [resource names]}, types without
        resources left out."""
        wire = [_config_resource_type(rt).value for rt in resource_types or []]
        response = self._ask_any(a.ListConfigResourcesRequest(wire))
        if response.error_code:
            raise Errors.for_code(response.error_code)(
                "ListConfigResourcesRequest failed with response '{}'.".format(response))
        out: dict[str, list[str]] = {}
        for resource in response.config_resources:
            out.setdefault(ConfigResourceType(resource.resource_type).name.lower(), []).append(resource.resource_name)
        return out

    def _topic_resources(self, config_resources):
        for resource in config_resources:
            if resource.resource_type is not ConfigResourceType.TOPIC:
                raise Errors.InvalidRequestError(
                    f"Der Simulator kennt Einstellungen nur für Topics, nicht für {resource.resource_type.name}.")
            yield resource

    def _describe(self, names_and_keys):
        request = a.DescribeConfigsRequest([a.DescribeConfigsResource(a.TOPIC_RESOURCE, name, keys)
                                            for name, keys in names_and_keys])
        return self._ask_any(request).results

    def describe_configs(self, config_resources, include_synonyms=False, config_filter="modified"):
        """{'topic': {name: {key: {'value': str, 'config_source': …, …}}}}, like kafka-python 3."""
        if not isinstance(config_filter, ConfigFilterType):
            config_filter = ConfigFilterType[str(config_filter).upper()]
        resources = list(self._topic_resources(config_resources))
        return self._describe_configs(resources, include_synonyms, config_filter)

    def _describe_configs(self, resources, include_synonyms, config_filter):
        request = a.DescribeConfigsRequest(
            [a.DescribeConfigsResource(a.TOPIC_RESOURCE, r.name, None if r.configs is None else list(r.configs))
             for r in resources], bool(include_synonyms))
        out = {}
        for result in self._ask_any(request).results:
            entries = {}
            for entry in result.configs:
                source = entry.config_source
                if config_filter is ConfigFilterType.DYNAMIC and entry.read_only:
                    continue
                if config_filter is ConfigFilterType.MODIFIED and source not in MODIFIED_SOURCES:
                    continue
                if config_filter is ConfigFilterType.DEFAULT and source in MODIFIED_SOURCES:
                    continue
                if config_filter is ConfigFilterType.STATIC and source != a.SOURCE_STATIC_BROKER_CONFIG:
                    continue
                entries[entry.name] = {
                    "value": entry.value, "read_only": entry.read_only,
                    "config_source": CONFIG_SOURCES.get(source, "UNKNOWN"), "is_sensitive": entry.is_sensitive,
                    "synonyms": [{"name": syn.name, "value": syn.value, "source": CONFIG_SOURCES.get(syn.source)}
                                 for syn in entry.synonyms],
                    "config_type": CONFIG_TYPES.get(entry.config_type, "UNKNOWN"),
                    "documentation": entry.documentation}
            out.setdefault("topic", {})[result.resource_name] = entries
        return out

    def alter_configs(self, config_resources, validate_only=False, raise_on_unknown=True, incremental=None):
        """Sets (or with AlterConfigOp.DELETE resets) topic settings; {'topic': {name: 'OK' | error}}.
        As kafka-python 3: unknown keys are refused first (ValueError), then IncrementalAlterConfigs
        (the broker supports it) or, with incremental=False, AlterConfigs with the topic's other
        modified settings added, since AlterConfigs resets every key it is not given."""
        resources = list(self._topic_resources(config_resources))
        if raise_on_unknown:
            described = self._describe_configs([_AllKeys(r.name) for r in resources], False, ConfigFilterType.DYNAMIC)
            for resource in resources:
                unknown = set(resource.configs or []) - set(described.get("topic", {}).get(resource.name, {}))
                if unknown:
                    raise ValueError(f"Unrecognized configs: {unknown}")
        if incremental is None:
            incremental = True
        out = {}
        if incremental:
            request = a.IncrementalAlterConfigsRequest(
                [a.AlterConfigsResource(a.TOPIC_RESOURCE, r.name, self._incremental_entries(r.configs))
                 for r in resources], validate_only)
        else:
            modified = self._describe_configs([_AllKeys(r.name) for r in resources], False, ConfigFilterType.MODIFIED)
            for resource in resources:
                for key, entry in modified.get("topic", {}).get(resource.name, {}).items():
                    if key not in resource.configs and entry["value"] is not None:
                        resource.configs[key] = entry["value"]
            request = a.AlterConfigsRequest(
                [a.AlterConfigsResource(a.TOPIC_RESOURCE, r.name, self._set_entries(r.configs)) for r in resources],
                validate_only)
        for result in self._ask_any(request).responses:
            out.setdefault("topic", {})[result.resource_name] = (
                "OK" if not result.error_code else str(Errors.for_code(result.error_code)(result.error_message)))
        return out

    def reset_configs(self, config_resources, validate_only=False, raise_on_unknown=True, incremental=None):
        """Resets topic settings to their defaults, as kafka-python 3: the keys given (a list or a
        dict's keys), or every modified key when none are given; {'topic': {name: 'OK' | error}}."""
        resources = list(self._topic_resources(config_resources))
        full = [r for r in resources if not r.configs]
        if full:
            modified = self._describe_configs([_AllKeys(r.name) for r in full], False, ConfigFilterType.MODIFIED)
            for resource in full:
                resource.configs = {key: entry["value"]
                                    for key, entry in modified.get("topic", {}).get(resource.name, {}).items()
                                    if entry["value"] is not None}
        for resource in resources:
            resource.configs = {key: (AlterConfigOp.DELETE, None) for key in resource.configs}
        return self.alter_configs(resources, validate_only, raise_on_unknown, incremental=True)

    @staticmethod
    def _operation(spec):
        op, value = spec if isinstance(spec, tuple) else (AlterConfigOp.SET, spec)
        if not isinstance(op, AlterConfigOp):
            op = AlterConfigOp[op.upper()] if isinstance(op, str) else AlterConfigOp(op)
        return op, value

    def _incremental_entries(self, configs):
        if not configs:
            return []
        if not isinstance(configs, dict):
            raise TypeError("alter_configs requires configs as a dict of "
                            "{key: (op, value)} or {key: value} (interpreted as SET)")
        entries = []
        for key, spec in configs.items():
            op, value = self._operation(spec)
            entries.append(a.IncrementalAlterableConfig(key, int(op), None if op is AlterConfigOp.DELETE else value))
        return entries

    def _set_entries(self, configs):
        if not configs:
            return []
        if not isinstance(configs, dict):
            raise TypeError(f"configs should be a dict of {{key: value}}, found {type(configs)}")
        entries = []
        for key, spec in configs.items():
            op, value = self._operation(spec)
            if op is not AlterConfigOp.SET:
                raise ValueError(f"Non-incremental AlterConfigsRequest does not support operation {op} (SET only)")
            entries.append(a.AlterableConfig(key, value))
        return entries

    # -- records -------------------------------------------------------------------------------------
    def _leaders(self, tps) -> dict[int, list]:
        response = self._metadata_response(sorted({tp.topic for tp in tps}))
        self._metadata.update_metadata(response, self._env.kernel.now)
        by_node: dict[int, list] = {}
        for tp in tps:
            leader = self._metadata.leader_for_partition((tp.topic, tp.partition))
            if leader is None:
                raise Errors.UnknownTopicOrPartitionError(f"Die Partition {tp} gibt es nicht.")
            if leader == -1:
                raise Errors.LeaderNotAvailableError(f"Die Partition {tp} hat gerade keinen Leader.")
            by_node.setdefault(leader, []).append(tp)
        return by_node

    def _list_offsets(self, timestamps: dict, isolation_level: int = 0) -> dict:
        out = {}
        for node, tps in self._leaders(list(timestamps)).items():
            by_topic: dict[str, list] = {}
            for tp in tps:
                by_topic.setdefault(tp.topic, []).append(f.ListOffsetsPartition(tp.partition, -1, timestamps[tp]))
            response = self._send(node, f.ListOffsetsRequest(-1, isolation_level, [f.ListOffsetsTopic(t, ps)
                                                                    for t, ps in by_topic.items()]))
            for topic in response.topics:
                for part in topic.partitions:
                    if part.error_code:
                        raise self._error(part.error_code)
                    out[TopicPartition(topic.name, part.partition_index)] = OffsetAndTimestamp(
                        part.offset, part.timestamp, part.leader_epoch)
        return out

    @staticmethod
    def _timestamp_for(spec) -> int:
        if isinstance(spec, OffsetTimestamp):
            return int(spec)
        spec = OffsetSpec(spec)
        if spec in (OffsetSpec.EARLIEST, OffsetSpec.EARLIEST_LOCAL):
            return f.EARLIEST_TIMESTAMP
        if spec is OffsetSpec.MAX_TIMESTAMP:
            return f.MAX_TIMESTAMP
        return f.LATEST_TIMESTAMP

    def list_partition_offsets(self, topic_partition_specs, isolation_level=IsolationLevel.READ_UNCOMMITTED,
                               timeout_ms=None):
        """{TopicPartition: OffsetSpec | OffsetTimestamp} → {TopicPartition: OffsetAndTimestamp}."""
        return self._list_offsets({tp: self._timestamp_for(spec) for tp, spec in topic_partition_specs.items()},
                                  int(IsolationLevel[isolation_level.upper()] if isinstance(isolation_level, str)
                                      else IsolationLevel(isolation_level)))

    def delete_records(self, records_to_delete, timeout_ms=None, partition_leader_id=None):
        """Deletes records below the given offsets: {TopicPartition: {'partition_index',
        'low_watermark', 'error_code'}}; raises the partition's error if one failed."""
        results = {}
        errors = {}
        groups = {partition_leader_id: list(records_to_delete)} if partition_leader_id is not None \
            else self._leaders(list(records_to_delete))
        for node, tps in groups.items():
            by_topic: dict[str, list] = {}
            for tp in tps:
                by_topic.setdefault(tp.topic, []).append(a.DeleteRecordsPartition(tp.partition, records_to_delete[tp]))
            response = self._send(node, a.DeleteRecordsRequest([a.DeleteRecordsTopic(t, ps) for t, ps in by_topic.items()],
                                                               timeout_ms or self.config["request_timeout_ms"]))
            for topic in response.topics:
                for part in topic.partitions:
                    tp = TopicPartition(topic.name, part.partition_index)
                    results[tp] = {"partition_index": part.partition_index, "low_watermark": part.low_watermark,
                                   "error_code": part.error_code}
                    if part.error_code:
                        errors[tp] = part.error_code
        if len(errors) == 1:
            (tp, code), = errors.items()
            raise Errors.for_code(code)("Error deleting records from topic %s partition %s" % (tp.topic, tp.partition))
        if errors:
            raise Errors.BrokerResponseError(
                "The following errors occured when trying to delete records: " + ", ".join(
                    "%s(partition=%d): %s" % (tp.topic, tp.partition, Errors.for_code(code).__name__)
                    for tp, code in errors.items()))
        return results

    # -- groups --------------------------------------------------------------------------------------
    def delete_groups(self, group_ids, group_coordinator_id=None):
        """Deletes empty groups with their offsets: {group_id: 'OK' | error class name}."""
        out = {}
        for group_id in group_ids:
            response = self._ask_coordinator(group_id, g.DeleteGroupsRequest([group_id]),
                                             lambda r: r.results[0].error_code)
            code = response.results[0].error_code
            out[group_id] = "OK" if code == 0 else Errors.for_code(code).__name__
        return out

    def alter_group_offsets(self, group_id, offsets, group_coordinator_id=None):
        """Commits offsets for an empty group: {TopicPartition: NoError | error class}."""
        by_topic: dict[str, list] = {}
        for tp, om in offsets.items():
            offset = om.offset if isinstance(om, OffsetAndMetadata) else int(om)
            meta = (om.metadata or "") if isinstance(om, OffsetAndMetadata) else ""
            by_topic.setdefault(tp.topic, []).append(o.OffsetCommitPartition(tp.partition, offset, -1, meta))
        request = o.OffsetCommitRequest(group_id, -1, "", None, [o.OffsetCommitTopic(t, ps) for t, ps in by_topic.items()])
        response = self._ask_coordinator(group_id, request,
                                         lambda r: next((p.error_code for t in r.topics for p in t.partitions), 0))
        return {TopicPartition(t.name, p.partition_index): Errors.for_code(p.error_code) if p.error_code else Errors.NoError
                for t in response.topics for p in t.partitions}

    def reset_group_offsets(self, group_id, offset_specs, group_coordinator_id=None):
        """Sets an empty group's offsets to OffsetSpec / OffsetTimestamp / int targets, clamped to
        [earliest, latest]: {TopicPartition: {'error': class, 'offset': int}}."""
        targets = {}
        for tp, spec in offset_specs.items():
            if not isinstance(spec, (OffsetSpec, OffsetTimestamp, int)) or isinstance(spec, bool):
                raise TypeError(f"Unsupported reset target for {tp}: {spec!r} "
                                "(expected OffsetSpec, OffsetTimestamp, or int offset)")
        earliest = self.list_partition_offsets({tp: OffsetSpec.EARLIEST for tp in offset_specs})
        latest = self.list_partition_offsets({tp: OffsetSpec.LATEST for tp in offset_specs})
        for tp, spec in offset_specs.items():
            if isinstance(spec, (OffsetSpec, OffsetTimestamp)):
                raw = self.list_partition_offsets({tp: spec})[tp].offset
            else:
                raw = spec
            low, high = earliest[tp].offset, latest[tp].offset
            targets[tp] = high if raw < 0 or raw > high else max(raw, low)
        errors_by_tp = self.alter_group_offsets(group_id, {tp: OffsetAndMetadata(o_, "", None)
                                                           for tp, o_ in targets.items()})
        return {tp: {"error": errors_by_tp[tp], "offset": targets[tp]} for tp in targets}

    def list_groups(self, broker_ids=None, states_filter=None, types_filter=None):
        response = self._metadata_response([])
        nodes = broker_ids or [b.node_id for b in response.brokers]
        out = []
        for node in sorted(nodes):
            try:
                listed = self._send(node, g.ListGroupsRequest())
            except Errors.KafkaConnectionError:
                continue
            out.extend({"group_id": e.group_id, "protocol_type": e.protocol_type, "group_state": e.group_state,
                        "group_type": e.group_type} for e in listed.groups)
        if states_filter:
            wanted = {str(s).lower().replace("_", "").replace("-", "") for s in states_filter}
            out = [entry for entry in out if entry["group_state"].lower() in wanted]
        return out

    def describe_groups(self, group_ids, group_coordinator_id=None, include_authorized_operations=False):
        out = {}
        for group_id in group_ids:
            response = self._ask_coordinator(group_id, g.DescribeGroupsRequest([group_id]),
                                             lambda r: r.groups[0].error_code)
            group = response.groups[0]
            if group.group_state == "Dead":
                out[group_id] = {"group_id": group_id, "group_state": "Dead", "protocol_type": "",
                                 "protocol_data": "", "members": [], "authorized_operations": None, "error": None}
                continue
            members = []
            for member in group.members:
                topics = decode_subscription(member.member_metadata).topics if member.member_metadata else []
                assigned = assigned_by_topic(member.member_assignment)
                members.append({"member_id": member.member_id, "group_instance_id": member.group_instance_id,
                                "client_id": member.client_id, "client_host": member.client_host,
                                "member_metadata": {"topics": list(topics)},
                                "member_assignment": {"assigned_partitions": [
                                    {"topic": t, "partitions": list(ps)} for t, ps in sorted(assigned.items())]}})
            out[group_id] = {"group_id": group_id, "group_state": group.group_state,
                             "protocol_type": group.protocol_type, "protocol_data": group.protocol_data,
                             "members": members, "authorized_operations": None, "error": None}
        return out

    def delete_group_offsets(self, group_id, partitions, group_coordinator_id=None):
        """OffsetDelete: {TopicPartition: NoError | error class}; a top-level error (unknown group,
        GroupIdNotFoundError) raises, as in kafka-python."""
        partitions = list(partitions)
        if not partitions:
            return {}
        by_topic: dict[str, list[int]] = {}
        for tp in partitions:
            by_topic.setdefault(tp.topic, []).append(tp.partition)
        request = o.OffsetDeleteRequest(group_id, [o.OffsetDeleteTopic(t, ps) for t, ps in by_topic.items()])
        response = self._ask_coordinator(group_id, request, lambda r: r.error_code)
        if response.error_code:
            raise Errors.for_code(response.error_code)(
                "OffsetDeleteRequest failed with response '{}'.".format(response))
        return {TopicPartition(t.name, p.partition_index): Errors.for_code(p.error_code)
                for t in response.topics for p in t.partitions}

    def remove_group_members(self, group_id, members, group_coordinator_id=None):
        """Removes members (MemberToRemove) from a group with one LeaveGroup: {member_id or
        group_instance_id: NoError | error class}, as kafka-python keys it."""
        members = list(members)
        if not members:
            return {}
        request = g.LeaveGroupRequest(group_id, [g.LeaveGroupMember(m.member_id if m.member_id is not None else "",
                                                                    m.group_instance_id, m.reason)
                                                 for m in members])
        response = self._ask_coordinator(group_id, request, lambda r: r.error_code)
        if response.error_code:
            error = Errors.for_code(response.error_code)
            raise error("LeaveGroupRequest failed with response '{}'.".format(response))
        return {(m.member_id or m.group_instance_id): Errors.for_code(m.error_code) for m in response.members}

    def list_group_offsets(self, group_specs):
        if isinstance(group_specs, list):
            group_specs = {g_: None for g_ in group_specs}
        elif isinstance(group_specs, str):
            group_specs = {group_specs: None}
        out = {}
        for group_id, partitions in group_specs.items():
            response = self._ask_coordinator(group_id, o.OffsetFetchRequest(group_id, None), lambda r: r.error_code)
            wanted = None if partitions is None else {(tp.topic, tp.partition) for tp in partitions}
            offsets = {}
            for topic in response.topics:
                for part in topic.partitions:
                    if part.committed_offset < 0:
                        continue
                    if wanted is None or (topic.name, part.partition_index) in wanted:
                        offsets[(topic.name, part.partition_index)] = (part.committed_offset, part.metadata)
            out[group_id] = {TopicPartition(t, p): OffsetAndMetadata(off, meta, -1)
                             for (t, p), (off, meta) in sorted(offsets.items())}
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


class _Message(_Response):
    """A response object named and printed as kafka-python's messages: Name(version=…, field=…)."""

    def __init__(self, _version: int, **fields):
        super().__init__(**fields)
        self._version = _version

    def to_dict(self):
        return {k: v for k, v in super().to_dict().items() if not k.startswith("_")}

    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items() if not k.startswith("_"))
        return f"{type(self).__name__}(version={self._version}, {fields})"


_MESSAGE_CLASSES: dict[str, type] = {}


def _message(name: str, version: int, **fields) -> _Message:
    cls = _MESSAGE_CLASSES.get(name)
    if cls is None:
        cls = _MESSAGE_CLASSES[name] = type(name, (_Message,), {})
    return cls(version, **fields)


# ElectLeaders version 2, what kafka-python 3.0.12 speaks with Kafka 4.3.
ELECT_LEADERS_VERSION = 2


class ElectionType(IntEnum):
    """kafka.protocol.admin.topics.ElectionType"""
    PREFERRED = 0
    UNCLEAN = 1


def _election_view(response) -> _Message:
    v = ELECT_LEADERS_VERSION
    return _message("ElectLeadersResponse", v, throttle_time_ms=response.throttle_time_ms,
                    error_code=response.error_code, replica_election_results=[
                        _message("ReplicaElectionResult", v, topic=r.topic, partition_result=[
                            _message("PartitionResult", v, partition_id=p.partition_id, error_code=p.error_code,
                                     error_message=p.error_message) for p in r.partition_result])
                        for r in response.replica_election_results])


class _AllKeys:
    """A topic resource asking for all of its configs (kafka-python's ConfigResource(TOPIC, name))."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.configs = None


def _not_ready(topic) -> str | None:
    """Why a described topic is not ready yet (kafka-python's _topic_not_ready_reason), or None."""
    if topic is None:
        return "missing from metadata response"
    if topic["error_code"]:
        return Errors.for_code(topic["error_code"]).__name__
    if not topic["partitions"]:
        return "no partitions reported"
    bad = [f"p{p['partition_index']}=" + (Errors.for_code(p["error_code"]).__name__ if p["error_code"] else "no leader")
           for p in topic["partitions"] if p["error_code"] or p["leader_id"] < 0]
    return ",".join(bad) or None


def _config_resource_type(value) -> ConfigResourceType:
    """kafka-python's ConfigResourceType.build_from: a member, its number or its name."""
    if isinstance(value, ConfigResourceType):
        return value
    try:
        return ConfigResourceType(value)
    except ValueError:
        pass
    try:
        return ConfigResourceType[str(value).strip().upper().replace("-", "_")]
    except KeyError:
        raise ValueError(f"Unrecognized ConfigResourceType: {value}") from None
