"""The brokers' request handlers (Kafka's KafkaApis): one method per request type.

`handle(node_id, request, client_id, respond)` is what the network calls when a request reaches
broker `node_id`; every handler answers with the request type's response class, errors as
Kafka's error codes. Group requests must reach the group's coordinator, partition requests the
partition's leader, as on a real cluster.
"""

from __future__ import annotations

from .. import errors
from ..protocol import admin as a
from ..protocol import fetch as f
from ..protocol import groups as g
from ..protocol import metadata as m
from ..protocol import offsets as o
from ..protocol import produce as pr
from ..protocol import share as sh
from ..protocol import transactions as tx
from .. import topic_config_table as table
from .group_membership import GroupRefused
from .topic import validate_name
from .config_resources import list_config_resources
from .elections import elect_leaders
from .topic_partitions import TopicIds, describe_topic_partitions

# Without an authorizer a Kafka 4.x broker grants these on the cluster resource, as the bit field
# DescribeCluster returns (ALTER, ALTER_CONFIGS, CLUSTER_ACTION, CREATE, DESCRIBE, DESCRIBE_CONFIGS,
# IDEMPOTENT_WRITE).
CLUSTER_OPERATIONS = (1 << 7) | (1 << 11) | (1 << 9) | (1 << 5) | (1 << 8) | (1 << 10) | (1 << 12)


def _code(error: errors.KafkaError) -> int:
    return getattr(error, "errno", None) or errors.UnknownError.errno


def _message(error: errors.KafkaError) -> str | None:
    return str(error.args[0]) if error.args else None


class KafkaApis:
    def __init__(self, cluster) -> None:
        self.cluster = cluster
        self._topic_ids = TopicIds(cluster)
        self._handlers = {
            pr.ProduceRequest.API_KEY: self.handle_produce,
            f.FetchRequest.API_KEY: self.handle_fetch,
            f.ListOffsetsRequest.API_KEY: self.handle_list_offsets,
            m.MetadataRequest.API_KEY: self.handle_metadata,
            m.FindCoordinatorRequest.API_KEY: self.handle_find_coordinator,
            m.DescribeClusterRequest.API_KEY: self.handle_describe_cluster,
            m.DescribeTopicPartitionsRequest.API_KEY: self.handle_describe_topic_partitions,
            g.JoinGroupRequest.API_KEY: self.handle_join_group,
            g.SyncGroupRequest.API_KEY: self.handle_sync_group,
            g.HeartbeatRequest.API_KEY: self.handle_heartbeat,
            g.LeaveGroupRequest.API_KEY: self.handle_leave_group,
            g.DescribeGroupsRequest.API_KEY: self.handle_describe_groups,
            g.ListGroupsRequest.API_KEY: self.handle_list_groups,
            g.DeleteGroupsRequest.API_KEY: self.handle_delete_groups,
            o.OffsetCommitRequest.API_KEY: self.handle_offset_commit,
            o.OffsetFetchRequest.API_KEY: self.handle_offset_fetch,
            o.OffsetDeleteRequest.API_KEY: self.handle_offset_delete,
            a.CreateTopicsRequest.API_KEY: self.handle_create_topics,
            a.DeleteTopicsRequest.API_KEY: self.handle_delete_topics,
            a.CreatePartitionsRequest.API_KEY: self.handle_create_partitions,
            a.DeleteRecordsRequest.API_KEY: self.handle_delete_records,
            a.DescribeConfigsRequest.API_KEY: self.handle_describe_configs,
            a.AlterConfigsRequest.API_KEY: self.handle_alter_configs,
            a.IncrementalAlterConfigsRequest.API_KEY: self.handle_incremental_alter_configs,
            a.ListConfigResourcesRequest.API_KEY: self.handle_list_config_resources,
            a.ElectLeadersRequest.API_KEY: self.handle_elect_leaders,
            tx.InitProducerIdRequest.API_KEY: self.handle_init_producer_id,
            tx.AddPartitionsToTxnRequest.API_KEY: self.handle_add_partitions_to_txn,
            tx.AddOffsetsToTxnRequest.API_KEY: self.handle_add_offsets_to_txn,
            tx.EndTxnRequest.API_KEY: self.handle_end_txn,
            tx.TxnOffsetCommitRequest.API_KEY: self.handle_txn_offset_commit,
        }
        self._handlers.update(self._kafka4_group_handlers())

    def handle(self, node_id: int, request, client_id: str, respond) -> None:
        self._handlers[request.API_KEY](node_id, request, client_id, respond)

    # -- records -------------------------------------------------------------------------------
    def handle_produce(self, node_id, request, client_id, respond):
        self.cluster.replicas.produce(node_id, request, client_id, respond)

    def handle_fetch(self, node_id, request, client_id, respond):
        self.cluster.replicas.fetch(node_id, request, respond)

    def handle_list_offsets(self, node_id, request, client_id, respond):
        respond(self.cluster.replicas.list_offsets(node_id, request))

    def handle_delete_records(self, node_id, request, client_id, respond):
        respond(self.cluster.replicas.delete_records(node_id, request))

    # -- metadata ------------------------------------------------------------------------------
    def handle_metadata(self, node_id, request, client_id, respond):
        cluster = self.cluster
        brokers = [m.MetadataBroker(b.id, *cluster.network.address(b.id), None)
                   for b in cluster.brokers.values() if not b.fenced]
        topics = []
        if request.topics is None:
            names = list(cluster.topics) + list(cluster.internal_topics)
        else:
            names = list(request.topics)
        for name in names:
            topic = cluster.topics.get(name) or cluster.internal_topics.get(name)
            if topic is None:
                try:
                    validate_name(name)
                except errors.InvalidTopicError:
                    topics.append(m.MetadataTopic(errors.InvalidTopicError.errno, name, None, False, []))
                    continue
                if request.allow_auto_topic_creation and cluster.controller.ensure_topic(name) is not None:
                    # Kafka answers LEADER_NOT_AVAILABLE while it creates the topic; the client asks again.
                    topics.append(m.MetadataTopic(errors.LeaderNotAvailableError.errno, name, None, False, []))
                else:
                    topics.append(m.MetadataTopic(errors.UnknownTopicOrPartitionError.errno, name, None, False, []))
                continue
            parts = []
            for p in topic.partitions:
                leader = p.leader if p.leader is not None else -1
                parts.append(m.MetadataPartition(
                    0 if p.leader is not None else errors.LeaderNotAvailableError.errno, p.index, leader,
                    p.leader_epoch, list(p.replicas), list(p.isr),
                    [b for b in p.replicas if cluster.brokers[b].state != "running"]))
            topics.append(m.MetadataTopic(0, name, None, topic.internal, parts))
        controller = cluster.controller_id if cluster.controller_id is not None else -1
        respond(m.MetadataResponse(brokers=brokers, cluster_id=cluster.cluster_id, controller_id=controller,
                                   topics=topics))

    def handle_describe_topic_partitions(self, node_id, request, client_id, respond):
        respond(describe_topic_partitions(self.cluster, self._topic_ids, request))

    def handle_elect_leaders(self, node_id, request, client_id, respond):
        respond(elect_leaders(self.cluster, request))

    def handle_list_config_resources(self, node_id, request, client_id, respond):
        respond(list_config_resources(self.cluster, request))

    def handle_find_coordinator(self, node_id, request, client_id, respond):
        coordinators = self.cluster.groups if request.key_type == m.GROUP else self.cluster.transactions
        out = []
        for key in request.coordinator_keys:
            coordinator = coordinators.coordinator_of(key)
            if coordinator is None:
                out.append(m.Coordinator(key, -1, "", -1, errors.CoordinatorNotAvailableError.errno,
                                         "The coordinator is not available."))
            else:
                host, port = self.cluster.network.address(coordinator)
                out.append(m.Coordinator(key, coordinator, host, port, 0, None))
        respond(m.FindCoordinatorResponse(coordinators=out))

    def handle_describe_cluster(self, node_id, request, client_id, respond):
        cluster = self.cluster
        brokers = [m.DescribeClusterBroker(b.id, *cluster.network.address(b.id), None, b.fenced)
                   for b in cluster.brokers.values() if request.include_fenced_brokers or not b.fenced]
        respond(m.DescribeClusterResponse(
            cluster_id=cluster.cluster_id,
            controller_id=cluster.controller_id if cluster.controller_id is not None else -1, brokers=brokers,
            cluster_authorized_operations=CLUSTER_OPERATIONS if request.include_cluster_authorized_operations
            else -2147483648))

    # -- groups --------------------------------------------------------------------------------
    def _coordinator_error(self, node_id: int, group_id: str) -> int:
        coordinator = self.cluster.groups.coordinator_of(group_id)
        if coordinator is None:
            return errors.CoordinatorNotAvailableError.errno
        if coordinator != node_id:
            return errors.NotCoordinatorError.errno
        return 0

    def handle_join_group(self, node_id, request, client_id, respond):
        error = self._coordinator_error(node_id, request.group_id)
        if error:
            respond(g.JoinGroupResponse(error_code=error, member_id=request.member_id))
            return
        self.cluster.groups.join(request, client_id, respond)

    def handle_sync_group(self, node_id, request, client_id, respond):
        error = self._coordinator_error(node_id, request.group_id)
        if error:
            respond(g.SyncGroupResponse(error_code=error))
            return
        self.cluster.groups.sync(request, respond)

    def handle_heartbeat(self, node_id, request, client_id, respond):
        error = self._coordinator_error(node_id, request.group_id)
        respond(g.HeartbeatResponse(error_code=error or self.cluster.groups.heartbeat(request)))

    def handle_leave_group(self, node_id, request, client_id, respond):
        error = self._coordinator_error(node_id, request.group_id)
        if error:
            respond(g.LeaveGroupResponse(error_code=error))
            return
        respond(g.LeaveGroupResponse(members=self.cluster.groups.leave(request)))

    def handle_offset_commit(self, node_id, request, client_id, respond):
        error = self._coordinator_error(node_id, request.group_id)
        if error:
            respond(o.OffsetCommitResponse(topics=[
                o.OffsetCommitTopicResponse(t.name, [o.OffsetCommitPartitionResponse(p.partition_index, error)
                                                     for p in t.partitions]) for t in request.topics]))
            return
        respond(self.cluster.groups.commit(request))

    def handle_offset_fetch(self, node_id, request, client_id, respond):
        error = self._coordinator_error(node_id, request.group_id)
        if error:
            respond(o.OffsetFetchResponse(error_code=error))
            return
        response = self.cluster.groups.fetch_offsets(request)
        if request.require_stable:
            response = self.cluster.transactions.mark_unstable(request.group_id, response)
        respond(response)

    def handle_offset_delete(self, node_id, request, client_id, respond):
        error = self._coordinator_error(node_id, request.group_id)
        respond(o.OffsetDeleteResponse(error_code=error) if error else self.cluster.groups.delete_offsets(request))

    def handle_describe_groups(self, node_id, request, client_id, respond):
        out = []
        for group_id in request.groups:
            error = self._coordinator_error(node_id, group_id)
            out.append(g.DescribedGroup(error_code=error, group_id=group_id) if error
                       else self.cluster.groups.describe(group_id))
        respond(g.DescribeGroupsResponse(groups=out))

    def handle_list_groups(self, node_id, request, client_id, respond):
        groups = self.cluster.groups
        listed = [entry for entry in groups.listed() if groups.coordinator_of(entry.group_id) == node_id]
        if request.states_filter:
            wanted = {s.lower() for s in request.states_filter}
            listed = [entry for entry in listed if entry.group_state.lower() in wanted]
        respond(g.ListGroupsResponse(groups=listed))

    def handle_delete_groups(self, node_id, request, client_id, respond):
        results = []
        for group_id in request.groups_names:
            error = self._coordinator_error(node_id, group_id)
            results.append(g.DeletableGroupResult(group_id, error or self.cluster.groups.delete_group(group_id)))
        respond(g.DeleteGroupsResponse(results=results))

    # -- Kafka 4.x groups: share groups (KIP-932) and the consumer protocol (KIP-848) -------------
    def _kafka4_group_handlers(self) -> dict:
        return {
            g.ConsumerGroupHeartbeatRequest.API_KEY: self.handle_consumer_group_heartbeat,
            g.ConsumerGroupDescribeRequest.API_KEY: self.handle_consumer_group_describe,
            sh.ShareGroupHeartbeatRequest.API_KEY: self.handle_share_group_heartbeat,
            sh.ShareGroupDescribeRequest.API_KEY: self.handle_share_group_describe,
            sh.ShareFetchRequest.API_KEY: self.handle_share_fetch,
            sh.ShareAcknowledgeRequest.API_KEY: self.handle_share_acknowledge,
            sh.DescribeShareGroupOffsetsRequest.API_KEY: self.handle_describe_share_group_offsets,
        }

    def _group_heartbeat(self, coordinator, request, client_id, respond):
        try:
            respond(coordinator.heartbeat(request, client_id))
        except GroupRefused as refused:
            # What the simulator does not reproduce comes back at once, with a German message.
            respond(request.RESPONSE(error_code=errors.InvalidRequestError.errno, error_message=str(refused),
                                     member_id=request.member_id, member_epoch=-1, heartbeat_interval_ms=0))

    def handle_consumer_group_heartbeat(self, node_id, request, client_id, respond):
        self._group_heartbeat(self.cluster.kafka4_groups.consumer_coordinator, request, client_id, respond)

    def handle_share_group_heartbeat(self, node_id, request, client_id, respond):
        self._group_heartbeat(self.cluster.kafka4_groups.share_coordinator, request, client_id, respond)

    def handle_share_fetch(self, node_id, request, client_id, respond):
        self.cluster.kafka4_groups.share_partitions.share_fetch(request, respond, node_id)

    def handle_share_acknowledge(self, node_id, request, client_id, respond):
        respond(self.cluster.kafka4_groups.share_partitions.share_acknowledge(request, node_id))

    def handle_share_group_describe(self, node_id, request, client_id, respond):
        groups = self.cluster.kafka4_groups
        out = []
        for group_id in request.group_ids:
            d = groups.describe_share_group(group_id)
            if d is None:
                out.append(sh.DescribedShareGroup(error_code=errors.GroupIdNotFoundError.errno, group_id=group_id,
                                                  error_message=f"Group {group_id} not found."))
                continue
            members = [sh.DescribedShareGroupMember(
                           member_id=m["member_id"], member_epoch=m["epoch"], client_id=m["client_id"],
                           assignment=sorted(m["assignment"].items(), key=lambda kv: str(kv[0])))
                       for m in d["members"]]
            out.append(sh.DescribedShareGroup(group_id=group_id, group_state=d["state"], group_epoch=d["epoch"],
                                              assignment_epoch=d["target_epoch"], members=members))
        respond(sh.ShareGroupDescribeResponse(groups=out))

    def handle_consumer_group_describe(self, node_id, request, client_id, respond):
        groups = self.cluster.kafka4_groups
        out = []
        for group_id in request.group_ids:
            d = groups.describe_consumer_group(group_id)
            if d is None:
                out.append(g.DescribedConsumerGroup(error_code=errors.GroupIdNotFoundError.errno, group_id=group_id,
                                                    error_message=f"Group {group_id} not found."))
                continue
            members = [g.DescribedConsumerGroupMember(
                           member_id=m["member_id"], instance_id=m["instance_id"], member_epoch=m["epoch"],
                           client_id=m["client_id"],
                           assignment=sorted(m["assignment"].items(), key=lambda kv: str(kv[0])),
                           target_assignment=sorted(m["target"].items(), key=lambda kv: str(kv[0])))
                       for m in d["members"]]
            out.append(g.DescribedConsumerGroup(group_id=group_id, group_state=d["state"], group_epoch=d["epoch"],
                                                assignment_epoch=d["target_epoch"], assignor_name=d["assignor"],
                                                members=members))
        respond(g.ConsumerGroupDescribeResponse(groups=out))

    def handle_describe_share_group_offsets(self, node_id, request, client_id, respond):
        groups = self.cluster.kafka4_groups
        out = []
        for group_id in request.groups:
            partitions = [sh.SharePartitionOffset(topic_id, partition, *(value if value is not None else (-1, -1)))
                          for (topic_id, partition), value in groups.share_group_offsets(group_id).items()]
            out.append(sh.ShareGroupOffsets(group_id=group_id, partitions=partitions))
        respond(sh.DescribeShareGroupOffsetsResponse(groups=out))

    # -- topic administration ------------------------------------------------------------------
    def handle_create_topics(self, node_id, request, client_id, respond):
        cluster = self.cluster
        layers = cluster.controller.topic_layers()
        results = []
        for spec in request.topics:
            partitions = spec.num_partitions if spec.num_partitions != -1 else cluster.config["num.partitions"]
            rf = spec.replication_factor if spec.replication_factor != -1 else \
                cluster.config["default.replication.factor"]
            configs = {c.name: c.value for c in spec.configs}
            try:
                if request.validate_only:
                    overrides = cluster.controller.check_new_topic(spec.name, partitions, rf, configs)
                else:
                    overrides = cluster.controller.create_topic(spec.name, partitions, rf, configs).overrides
                created = [a.CreatableTopicConfigs(c.name, c.value, c.read_only, c.config_source, c.is_sensitive)
                           for c in table.created_topic_configs(overrides, layers)]
                results.append(a.CreatableTopicResult(spec.name, None, 0, None, partitions, rf, created))
            except errors.KafkaError as exc:
                results.append(a.CreatableTopicResult(spec.name, None, _code(exc), _message(exc), -1, -1, ()))
        respond(a.CreateTopicsResponse(topics=results))

    def handle_delete_topics(self, node_id, request, client_id, respond):
        results = []
        for name in request.topic_names:
            try:
                self.cluster.controller.delete_topic(name)
                results.append(a.DeletableTopicResult(name, None, 0, None))
            except errors.KafkaError as exc:
                results.append(a.DeletableTopicResult(name, None, _code(exc), _message(exc)))
        respond(a.DeleteTopicsResponse(responses=results))

    def handle_create_partitions(self, node_id, request, client_id, respond):
        results = []
        for spec in request.topics:
            try:
                self.cluster.controller.add_partitions(spec.name, spec.count, validate_only=request.validate_only)
                results.append(a.CreatePartitionsTopicResult(spec.name, 0, None))
            except errors.KafkaError as exc:
                results.append(a.CreatePartitionsTopicResult(spec.name, _code(exc), _message(exc)))
        respond(a.CreatePartitionsResponse(results=results))

    # -- configs -------------------------------------------------------------------------------
    def _topic_resource(self, resource):
        """(topic, None) or (None, (error code, message)) for a config resource."""
        if resource.resource_type != a.TOPIC_RESOURCE:
            return None, (errors.InvalidRequestError.errno,
                          "Der Simulator kennt Einstellungen nur für Topics.")
        topic = self.cluster.topics.get(resource.resource_name)
        if topic is None:
            return None, (errors.UnknownTopicOrPartitionError.errno,
                          f"Das Topic {resource.resource_name} gibt es nicht.")
        return topic, None

    def handle_describe_configs(self, node_id, request, client_id, respond):
        layers = self.cluster.controller.topic_layers()
        results = []
        for resource in request.resources:
            topic, error = self._topic_resource(resource)
            if error is not None:
                results.append(a.DescribeConfigsResult(error[0], error[1], resource.resource_type,
                                                       resource.resource_name, []))
                continue
            entries = [a.DescribeConfigsResourceResult(
                           e.name, e.value, e.read_only, e.config_source, e.is_sensitive,
                           [a.DescribeConfigsSynonym(s.name, s.value, s.source) for s in e.synonyms],
                           e.config_type, e.documentation)
                       for e in table.describe_topic_configs(topic.overrides, layers, resource.configuration_keys,
                                                             request.include_synonyms)]
            results.append(a.DescribeConfigsResult(0, None, resource.resource_type, resource.resource_name, entries))
        respond(a.DescribeConfigsResponse(results=results))

    def _alter(self, resource, new_overrides, validate_only: bool) -> a.AlterConfigsResourceResponse:
        """Applies one resource's change; `new_overrides(current overrides, layers)` computes the
        topic's new overrides with Kafka's rules (raising TopicConfigError)."""
        topic, error = self._topic_resource(resource)
        if error is not None:
            return a.AlterConfigsResourceResponse(error[0], error[1], resource.resource_type, resource.resource_name)
        controller = self.cluster.controller
        try:
            overrides = new_overrides(topic.overrides, controller.topic_layers())
            controller.alter_topic_config(topic.name, overrides, validate_only=validate_only)
        except table.TopicConfigError as exc:
            return a.AlterConfigsResourceResponse(exc.error_code, exc.message, resource.resource_type,
                                                  resource.resource_name)
        except errors.KafkaError as exc:
            return a.AlterConfigsResourceResponse(_code(exc), _message(exc), resource.resource_type,
                                                  resource.resource_name)
        return a.AlterConfigsResourceResponse(0, None, resource.resource_type, resource.resource_name)

    def handle_alter_configs(self, node_id, request, client_id, respond):
        """AlterConfigs replaces every topic-level setting by the ones given."""
        out = []
        for resource in request.resources:
            configs = {c.name: c.value for c in resource.configs}
            out.append(self._alter(resource, lambda _current, layers, configs=configs:
                                   table.alter_overrides(configs, layers), request.validate_only))
        respond(a.AlterConfigsResponse(responses=out))

    def handle_incremental_alter_configs(self, node_id, request, client_id, respond):
        out = []
        for resource in request.resources:
            operations = [(c.name, c.config_operation, c.value) for c in resource.configs]
            out.append(self._alter(resource, lambda current, layers, operations=operations:
                                   table.incremental_alter_overrides(current, operations, layers),
                                   request.validate_only))
        respond(a.IncrementalAlterConfigsResponse(responses=out))

    # -- producer ids and transactions ---------------------------------------------------------
    def handle_init_producer_id(self, node_id, request, client_id, respond):
        transactions = self.cluster.transactions
        if request.transactional_id:
            error = transactions.coordinator_error(node_id, request.transactional_id)
            if error:
                respond(tx.InitProducerIdResponse(error_code=error))
                return
        error, producer_id, epoch = transactions.init_producer_id(request.transactional_id,
                                                                  request.transaction_timeout_ms)
        respond(tx.InitProducerIdResponse(error_code=error, producer_id=producer_id, producer_epoch=epoch))

    def handle_add_partitions_to_txn(self, node_id, request, client_id, respond):
        error = self.cluster.transactions.coordinator_error(node_id, request.transactional_id)
        if error:
            results = [(t.name, [(p, error) for p in t.partitions]) for t in request.topics]
        else:
            results = self.cluster.transactions.add_partitions(request)
        respond(tx.AddPartitionsToTxnResponse(results=results))

    def handle_add_offsets_to_txn(self, node_id, request, client_id, respond):
        transactions = self.cluster.transactions
        error = transactions.coordinator_error(node_id, request.transactional_id)
        respond(tx.AddOffsetsToTxnResponse(error_code=error or transactions.add_offsets(request)))

    def handle_end_txn(self, node_id, request, client_id, respond):
        transactions = self.cluster.transactions
        error = transactions.coordinator_error(node_id, request.transactional_id)
        respond(tx.EndTxnResponse(error_code=error or transactions.end_txn(request)))

    def handle_txn_offset_commit(self, node_id, request, client_id, respond):
        # Sent to the group's coordinator, like OffsetCommit.
        error = self._coordinator_error(node_id, request.group_id) \
            or self.cluster.transactions.txn_offset_commit(request)
        respond(tx.TxnOffsetCommitResponse(topics=[
            (t.name, [(p.partition_index, error) for p in t.partitions]) for t in request.topics]))
