"""Topic administration: CreateTopics (19), DeleteTopics (20), CreatePartitions (37), DeleteRecords (21),
DescribeConfigs (32), AlterConfigs (33), IncrementalAlterConfigs (44), ListConfigResources (74), ElectLeaders (43)."""

from .api import request, response, struct

CreateTopicsRequest = request(19, "CreateTopics", "topics timeout_ms validate_only", timeout_ms=30000,
                              validate_only=False)
CreatableTopic = struct("CreatableTopic", "name num_partitions replication_factor assignments configs",
                        num_partitions=-1, replication_factor=-1, assignments=(), configs=())
CreatableTopicConfig = struct("CreatableTopicConfig", "name value")
CreateTopicsResponse = response(CreateTopicsRequest, "throttle_time_ms topics", throttle_time_ms=0)
CreatableTopicResult = struct("CreatableTopicResult",
                              "name topic_id error_code error_message num_partitions replication_factor configs",
                              error_code=0, num_partitions=-1, replication_factor=-1, configs=())
CreatableTopicConfigs = struct("CreatableTopicConfigs", "name value read_only config_source is_sensitive")

DeleteTopicsRequest = request(20, "DeleteTopics", "topic_names timeout_ms", timeout_ms=30000)
DeleteTopicsResponse = response(DeleteTopicsRequest, "throttle_time_ms responses", throttle_time_ms=0)
DeletableTopicResult = struct("DeletableTopicResult", "name topic_id error_code error_message", error_code=0)

CreatePartitionsRequest = request(37, "CreatePartitions", "topics timeout_ms validate_only", timeout_ms=30000,
                                  validate_only=False)
CreatePartitionsTopic = struct("CreatePartitionsTopic", "name count assignments")
CreatePartitionsResponse = response(CreatePartitionsRequest, "throttle_time_ms results", throttle_time_ms=0)
CreatePartitionsTopicResult = struct("CreatePartitionsTopicResult", "name error_code error_message", error_code=0)

DeleteRecordsRequest = request(21, "DeleteRecords", "topics timeout_ms", timeout_ms=30000)
DeleteRecordsTopic = struct("DeleteRecordsTopic", "name partitions")
DeleteRecordsPartition = struct("DeleteRecordsPartition", "partition_index offset")
DeleteRecordsResponse = response(DeleteRecordsRequest, "throttle_time_ms topics", throttle_time_ms=0)
DeleteRecordsTopicResult = struct("DeleteRecordsTopicResult", "name partitions")
DeleteRecordsPartitionResult = struct("DeleteRecordsPartitionResult", "partition_index low_watermark error_code",
                                      low_watermark=-1, error_code=0)

# Config resource types and sources, as Kafka numbers them.
TOPIC_RESOURCE = 2
BROKER_RESOURCE = 4
SOURCE_DYNAMIC_TOPIC_CONFIG = 1
SOURCE_DYNAMIC_BROKER_CONFIG = 2
SOURCE_STATIC_BROKER_CONFIG = 4
SOURCE_DEFAULT_CONFIG = 5

DescribeConfigsRequest = request(32, "DescribeConfigs", "resources include_synonyms include_documentation",
                                 include_synonyms=False, include_documentation=False)
DescribeConfigsResource = struct("DescribeConfigsResource", "resource_type resource_name configuration_keys")
DescribeConfigsResponse = response(DescribeConfigsRequest, "throttle_time_ms results", throttle_time_ms=0)
DescribeConfigsResult = struct("DescribeConfigsResult",
                               "error_code error_message resource_type resource_name configs", error_code=0)
DescribeConfigsResourceResult = struct(
    "DescribeConfigsResourceResult",
    "name value read_only config_source is_sensitive synonyms config_type documentation",
    read_only=False, is_sensitive=False, synonyms=(), config_type=0)
DescribeConfigsSynonym = struct("DescribeConfigsSynonym", "name value source")

AlterConfigsRequest = request(33, "AlterConfigs", "resources validate_only", validate_only=False)
AlterConfigsResource = struct("AlterConfigsResource", "resource_type resource_name configs")
AlterableConfig = struct("AlterableConfig", "name value")
AlterConfigsResponse = response(AlterConfigsRequest, "throttle_time_ms responses", throttle_time_ms=0)
AlterConfigsResourceResponse = struct("AlterConfigsResourceResponse",
                                      "error_code error_message resource_type resource_name", error_code=0)

# IncrementalAlterConfigs operations
SET, DELETE, APPEND, SUBTRACT = 0, 1, 2, 3

IncrementalAlterConfigsRequest = request(44, "IncrementalAlterConfigs", "resources validate_only",
                                         validate_only=False)
IncrementalAlterableConfig = struct("IncrementalAlterableConfig", "name config_operation value")
IncrementalAlterConfigsResponse = response(IncrementalAlterConfigsRequest, "throttle_time_ms responses",
                                           throttle_time_ms=0)

# KIP-1142: the resources a cluster has configs for; resource_types empty = every type.
ListConfigResourcesRequest = request(74, "ListConfigResources", "resource_types", resource_types=())
ListConfigResourcesResponse = response(ListConfigResourcesRequest, "throttle_time_ms error_code config_resources",
                                       throttle_time_ms=0, error_code=0, config_resources=())
ListedConfigResource = struct("ListedConfigResource", "resource_name resource_type")

# election_type 0 = preferred replica, 1 = unclean; topic_partitions None = every partition.
ElectLeadersRequest = request(43, "ElectLeaders", "election_type topic_partitions timeout_ms", timeout_ms=30000)
ElectLeadersTopic = struct("ElectLeadersTopic", "topic partitions")
ElectLeadersResponse = response(ElectLeadersRequest, "throttle_time_ms error_code replica_election_results",
                                throttle_time_ms=0, error_code=0, replica_election_results=())
ReplicaElectionResult = struct("ReplicaElectionResult", "topic partition_result")
PartitionResult = struct("PartitionResult", "partition_id error_code error_message", error_code=0)
