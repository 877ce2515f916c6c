"""Fetch (1) and ListOffsets (2)."""

from .api import request, response, struct

FetchRequest = request(1, "Fetch", "replica_id max_wait_ms min_bytes max_bytes isolation_level topics",
                       replica_id=-1, max_wait_ms=500, min_bytes=1, max_bytes=52428800, isolation_level=0)
FetchTopic = struct("FetchTopic", "topic partitions")
FetchPartition = struct("FetchPartition", "partition current_leader_epoch fetch_offset partition_max_bytes",
                        current_leader_epoch=-1, partition_max_bytes=1048576)

FetchResponse = response(FetchRequest, "throttle_time_ms error_code responses", throttle_time_ms=0, error_code=0)
FetchableTopicResponse = struct("FetchableTopicResponse", "topic partitions")
FetchPartitionData = struct(
    "FetchPartitionData",
    "partition_index error_code high_watermark last_stable_offset log_start_offset aborted_transactions records "
    "leader_epoch",
    error_code=0, high_watermark=-1, last_stable_offset=-1, log_start_offset=-1, leader_epoch=-1)

# ListOffsets: timestamp -1 = latest, -2 = earliest, -3 = max timestamp, else the first offset
# whose record timestamp is at least this.
LATEST_TIMESTAMP = -1
EARLIEST_TIMESTAMP = -2
MAX_TIMESTAMP = -3

ListOffsetsRequest = request(2, "ListOffsets", "replica_id isolation_level topics", replica_id=-1, isolation_level=0)
ListOffsetsTopic = struct("ListOffsetsTopic", "name partitions")
ListOffsetsPartition = struct("ListOffsetsPartition", "partition_index current_leader_epoch timestamp",
                              current_leader_epoch=-1)
ListOffsetsResponse = response(ListOffsetsRequest, "throttle_time_ms topics", throttle_time_ms=0)
ListOffsetsTopicResponse = struct("ListOffsetsTopicResponse", "name partitions")
ListOffsetsPartitionResponse = struct("ListOffsetsPartitionResponse",
                                      "partition_index error_code timestamp offset leader_epoch",
                                      error_code=0, timestamp=-1, offset=-1, leader_epoch=-1)
