"""Metadata (3), FindCoordinator (10), DescribeCluster (60) and DescribeTopicPartitions (75)."""

from .api import request, response, struct

MetadataRequest = request(3, "Metadata", "topics allow_auto_topic_creation", allow_auto_topic_creation=True)
MetadataResponse = response(MetadataRequest, "throttle_time_ms brokers cluster_id controller_id topics",
                            throttle_time_ms=0, controller_id=-1)
MetadataBroker = struct("MetadataBroker", "node_id host port rack")
MetadataTopic = struct("MetadataTopic", "error_code name topic_id is_internal partitions",
                       error_code=0, is_internal=False)
MetadataPartition = struct(
    "MetadataPartition", "error_code partition_index leader_id leader_epoch replica_nodes isr_nodes offline_replicas",
    error_code=0, leader_id=-1, leader_epoch=-1)

# FindCoordinator key types
GROUP = 0
TRANSACTION = 1

FindCoordinatorRequest = request(10, "FindCoordinator", "key_type coordinator_keys", key_type=GROUP)
FindCoordinatorResponse = response(FindCoordinatorRequest, "throttle_time_ms coordinators", throttle_time_ms=0)
Coordinator = struct("Coordinator", "key node_id host port error_code error_message", node_id=-1, error_code=0)

DescribeClusterRequest = request(60, "DescribeCluster",
                                 "include_cluster_authorized_operations endpoint_type include_fenced_brokers",
                                 include_cluster_authorized_operations=False, endpoint_type=1,
                                 include_fenced_brokers=False)
DescribeClusterResponse = response(
    DescribeClusterRequest,
    "throttle_time_ms error_code error_message endpoint_type cluster_id controller_id brokers "
    "cluster_authorized_operations", throttle_time_ms=0, error_code=0, endpoint_type=1, controller_id=-1,
    cluster_authorized_operations=-2147483648)
DescribeClusterBroker = struct("DescribeClusterBroker", "broker_id host port rack is_fenced", is_fenced=False)

# KIP-966: topics described partition by partition, sorted by name, paged by a cursor.
DescribeTopicPartitionsRequest = request(75, "DescribeTopicPartitions", "topics response_partition_limit cursor",
                                         response_partition_limit=2000)
DescribeTopicPartitionsCursor = struct("DescribeTopicPartitionsCursor", "topic_name partition_index")
DescribeTopicPartitionsResponse = response(DescribeTopicPartitionsRequest, "throttle_time_ms topics next_cursor",
                                           throttle_time_ms=0, topics=())
DescribeTopicPartitionsTopic = struct(
    "DescribeTopicPartitionsTopic", "error_code name topic_id is_internal partitions topic_authorized_operations",
    error_code=0, is_internal=False, partitions=(), topic_authorized_operations=-2147483648)
DescribeTopicPartitionsPartition = struct(
    "DescribeTopicPartitionsPartition",
    "error_code partition_index leader_id leader_epoch replica_nodes isr_nodes eligible_leader_replicas "
    "last_known_elr offline_replicas", error_code=0, leader_id=-1, leader_epoch=-1, eligible_leader_replicas=(),
    last_known_elr=())
