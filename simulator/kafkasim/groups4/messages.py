"""Requests and responses of the new group APIs, shaped after Kafka's message definitions.

Field names are Kafka's (in snake_case); fields not given default to None or the named default,
as in the simulator core's `protocol/` package, where these belong once it lands (there:
`protocol/share.py` and `protocol/groups.py`). Errors travel as Kafka's error codes.

Partitions travel as (topic_id, partition); acknowledgement batches as
(first_offset, last_offset, [acknowledge type, …]) with one type for the whole batch or one per
offset (1 accept, 2 release, 3 reject, 4 renew).
"""

from __future__ import annotations

from collections import namedtuple

# AcknowledgeType ids (0 marks a gap, which the simulator never produces).
ACCEPT, RELEASE, REJECT, RENEW = 1, 2, 3, 4
ACK_TYPES = {"accept": ACCEPT, "release": RELEASE, "reject": REJECT, "renew": RENEW}

ERROR_CODES = {
    "NONE": 0, "UNKNOWN_SERVER_ERROR": -1, "UNKNOWN_TOPIC_OR_PARTITION": 3, "INVALID_GROUP_ID": 24,
    "UNKNOWN_MEMBER_ID": 25, "INVALID_REQUEST": 42, "GROUP_ID_NOT_FOUND": 69, "GROUP_MAX_SIZE_REACHED": 81,
    "FENCED_MEMBER_EPOCH": 110, "UNRELEASED_INSTANCE_ID": 111, "UNSUPPORTED_ASSIGNOR": 112,
    "INVALID_RECORD_STATE": 121, "SHARE_SESSION_NOT_FOUND": 122, "INVALID_SHARE_SESSION_EPOCH": 123,
}
ERROR_NAMES = {code: name for name, code in ERROR_CODES.items()}


def error_name(code: int) -> str:
    return ERROR_NAMES.get(code, f"ERROR_{code}")


def _message(api_key: int, name: str, fields: str, **defaults):
    names = fields.split()
    base = namedtuple(name, names, defaults=[defaults.get(n) for n in names])
    return type(name, (base,), {"__slots__": (), "API_KEY": api_key})


# ShareGroupHeartbeat (76)
ShareGroupHeartbeatRequest = _message(
    76, "ShareGroupHeartbeatRequest", "group_id member_id member_epoch rack_id subscribed_topic_names")
ShareGroupHeartbeatResponse = _message(
    76, "ShareGroupHeartbeatResponse",
    "throttle_time_ms error_code error_message member_id member_epoch heartbeat_interval_ms assignment",
    throttle_time_ms=0, error_code=0)

# ShareFetch (78): `topics` are the partitions added to the share session, `forgotten_topics_data`
# the ones it drops; `acknowledgements` {(topic_id, partition): [batch, …]} ride along.
ShareFetchRequest = _message(
    78, "ShareFetchRequest",
    "group_id member_id share_session_epoch max_wait_ms min_bytes max_bytes max_records batch_size "
    "share_acquire_mode topics forgotten_topics_data acknowledgements",
    max_wait_ms=500, min_bytes=1, max_bytes=52428800, max_records=500, batch_size=500, share_acquire_mode=0,
    topics=(), forgotten_topics_data=(), acknowledgements=None)
# responses: [SharePartitionData]
ShareFetchResponse = _message(
    78, "ShareFetchResponse", "throttle_time_ms error_code error_message acquisition_lock_timeout_ms responses",
    throttle_time_ms=0, error_code=0, responses=())
SharePartitionData = _message(
    78, "SharePartitionData",
    "topic_id partition_index error_code acknowledge_error_code records acquired_records",
    error_code=0, acknowledge_error_code=0, records=(), acquired_records=())

# ShareAcknowledge (79)
ShareAcknowledgeRequest = _message(
    79, "ShareAcknowledgeRequest", "group_id member_id share_session_epoch acknowledgements")
ShareAcknowledgeResponse = _message(
    79, "ShareAcknowledgeResponse", "throttle_time_ms error_code error_message responses",
    throttle_time_ms=0, error_code=0, responses=())
ShareAcknowledgePartition = _message(79, "ShareAcknowledgePartition", "topic_id partition_index error_code",
                                     error_code=0)

# ConsumerGroupHeartbeat (68): `topic_partitions` are the partitions the member owns (None: unchanged).
ConsumerGroupHeartbeatRequest = _message(
    68, "ConsumerGroupHeartbeatRequest",
    "group_id member_id member_epoch instance_id rack_id rebalance_timeout_ms subscribed_topic_names "
    "subscribed_topic_regex server_assignor topic_partitions", rebalance_timeout_ms=300000)
ConsumerGroupHeartbeatResponse = _message(
    68, "ConsumerGroupHeartbeatResponse",
    "throttle_time_ms error_code error_message member_id member_epoch heartbeat_interval_ms assignment",
    throttle_time_ms=0, error_code=0)
