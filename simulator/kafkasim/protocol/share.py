"""Share groups (KIP-932): ShareGroupHeartbeat (76), ShareGroupDescribe (77), ShareFetch (78),
ShareAcknowledge (79), DescribeShareGroupOffsets (90).

Field names are Kafka's (in snake_case). Partitions travel as (topic_id, partition);
acknowledgement batches as (first_offset, last_offset, [acknowledge type, …]) with one type for
the whole batch or one per offset (1 accept, 2 release, 3 reject, 4 renew). Errors travel as
Kafka's error codes (`api.error_code` / `api.error_name` translate Kafka's error names).
"""

from __future__ import annotations

from .api import error_code, error_name, request, response, struct  # noqa: F401 (error_* for the share clients)

# AcknowledgeType ids (0 marks a gap, which the simulator never produces).
ACCEPT, RELEASE, REJECT, RENEW = 1, 2, 3, 4
ACK_TYPES = {"accept": ACCEPT, "release": RELEASE, "reject": REJECT, "renew": RENEW}

# Share session epochs (ShareRequestMetadata): 0 opens a session, -1 closes it.
INITIAL_EPOCH, FINAL_EPOCH = 0, -1


def next_epoch(epoch: int) -> int:
    """ShareRequestMetadata.nextEpoch: 0 → 1 → … → Integer.MAX_VALUE → 1."""
    return 1 if epoch >= 2**31 - 1 else epoch + 1


# ShareGroupHeartbeat (76): `assignment` is [(topic_id, [partition, …])] or None (unchanged).
ShareGroupHeartbeatRequest = request(
    76, "ShareGroupHeartbeat", "group_id member_id member_epoch rack_id subscribed_topic_names")
ShareGroupHeartbeatResponse = response(
    ShareGroupHeartbeatRequest,
    "throttle_time_ms error_code error_message member_id member_epoch heartbeat_interval_ms assignment",
    throttle_time_ms=0, error_code=0)

# ShareGroupDescribe (77)
ShareGroupDescribeRequest = request(77, "ShareGroupDescribe", "group_ids include_authorized_operations",
                                    include_authorized_operations=False)
ShareGroupDescribeResponse = response(ShareGroupDescribeRequest, "throttle_time_ms groups", throttle_time_ms=0,
                                      groups=())
DescribedShareGroup = struct(
    "DescribedShareGroup",
    "error_code error_message group_id group_state group_epoch assignment_epoch assignor_name members",
    error_code=0, assignor_name="simple", members=())
DescribedShareGroupMember = struct(
    "DescribedShareGroupMember", "member_id member_epoch client_id client_host subscribed_topic_names assignment",
    client_host="/127.0.0.1", assignment=())

# ShareFetch (78): `topics` are the partitions added to the share session, `forgotten_topics_data`
# the ones it drops; `acknowledgements` {(topic_id, partition): [batch, …]} ride along.
ShareFetchRequest = request(
    78, "ShareFetch",
    "group_id member_id share_session_epoch max_wait_ms min_bytes max_bytes max_records batch_size "
    "share_acquire_mode topics forgotten_topics_data acknowledgements",
    max_wait_ms=500, min_bytes=1, max_bytes=52428800, max_records=500, batch_size=500, share_acquire_mode=0,
    topics=(), forgotten_topics_data=(), acknowledgements=None)
# responses: [SharePartitionData]. A partition this broker does not lead answers NOT_LEADER_OR_FOLLOWER
# with `current_leader` (leader id, leader epoch; -1, -1 if unknown), and `node_endpoints` names
# that leader's broker [(node_id, host, port, rack)], as Kafka's KafkaApis fills them in (KIP-951).
ShareFetchResponse = response(
    ShareFetchRequest, "throttle_time_ms error_code error_message acquisition_lock_timeout_ms responses node_endpoints",
    throttle_time_ms=0, error_code=0, responses=(), node_endpoints=())
SharePartitionData = struct(
    "SharePartitionData",
    "topic_id partition_index error_code acknowledge_error_code records acquired_records current_leader",
    error_code=0, acknowledge_error_code=0, records=(), acquired_records=(), current_leader=(-1, -1))

# ShareAcknowledge (79)
ShareAcknowledgeRequest = request(79, "ShareAcknowledge", "group_id member_id share_session_epoch acknowledgements")
ShareAcknowledgeResponse = response(ShareAcknowledgeRequest, "throttle_time_ms error_code error_message responses",
                                    throttle_time_ms=0, error_code=0, responses=())
ShareAcknowledgePartition = struct("ShareAcknowledgePartition", "topic_id partition_index error_code", error_code=0)

# DescribeShareGroupOffsets (90): per group, per partition the start offset and lag the share
# coordinator holds (None: no state written yet).
DescribeShareGroupOffsetsRequest = request(90, "DescribeShareGroupOffsets", "groups")
DescribeShareGroupOffsetsResponse = response(DescribeShareGroupOffsetsRequest, "throttle_time_ms groups",
                                             throttle_time_ms=0, groups=())
ShareGroupOffsets = struct("ShareGroupOffsets", "group_id error_code partitions", error_code=0, partitions=())
SharePartitionOffset = struct("SharePartitionOffset", "topic_id partition_index start_offset lag", lag=-1)
