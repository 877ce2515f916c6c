"""Committed offsets: OffsetCommit (8), OffsetFetch (9) and OffsetDelete (47)."""

from .api import request, response, struct

OffsetCommitRequest = request(8, "OffsetCommit",
                              "group_id generation_id_or_member_epoch member_id group_instance_id topics",
                              generation_id_or_member_epoch=-1, member_id="")
OffsetCommitTopic = struct("OffsetCommitTopic", "name partitions")
OffsetCommitPartition = struct("OffsetCommitPartition",
                               "partition_index committed_offset committed_leader_epoch committed_metadata",
                               committed_leader_epoch=-1, committed_metadata="")
OffsetCommitResponse = response(OffsetCommitRequest, "throttle_time_ms topics", throttle_time_ms=0)
OffsetCommitTopicResponse = struct("OffsetCommitTopicResponse", "name partitions")
OffsetCommitPartitionResponse = struct("OffsetCommitPartitionResponse", "partition_index error_code", error_code=0)

# topics=None asks for every partition the group has an offset for.
OffsetFetchRequest = request(9, "OffsetFetch", "group_id topics require_stable", require_stable=False)
OffsetFetchTopic = struct("OffsetFetchTopic", "name partition_indexes")
OffsetFetchResponse = response(OffsetFetchRequest, "throttle_time_ms topics error_code", throttle_time_ms=0,
                               error_code=0, topics=())
OffsetFetchTopicResponse = struct("OffsetFetchTopicResponse", "name partitions")
OffsetFetchPartitionResponse = struct(
    "OffsetFetchPartitionResponse", "partition_index committed_offset committed_leader_epoch metadata error_code",
    committed_offset=-1, committed_leader_epoch=-1, metadata="", error_code=0)

# An administrator deletes a group's committed offsets of single partitions (KIP-496).
OffsetDeleteRequest = request(47, "OffsetDelete", "group_id topics")
OffsetDeleteTopic = struct("OffsetDeleteTopic", "name partitions")       # partitions: [partition_index]
OffsetDeleteResponse = response(OffsetDeleteRequest, "error_code throttle_time_ms topics", error_code=0,
                                throttle_time_ms=0, topics=())
OffsetDeleteTopicResponse = struct("OffsetDeleteTopicResponse", "name partitions")
OffsetDeletePartitionResponse = struct("OffsetDeletePartitionResponse", "partition_index error_code", error_code=0)
