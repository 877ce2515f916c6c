"""The classic group protocol: JoinGroup (11), SyncGroup (14), Heartbeat (12), LeaveGroup (13),
and the group administration: DescribeGroups (15), ListGroups (16), DeleteGroups (42).

Member metadata and assignments are bytes (see consumer.py): the coordinator never looks into a
client's objects.
"""

from .api import request, response, struct

JoinGroupRequest = request(11, "JoinGroup",
                           "group_id session_timeout_ms rebalance_timeout_ms member_id group_instance_id "
                           "protocol_type protocols reason", member_id="", protocol_type="consumer")
JoinGroupProtocol = struct("JoinGroupProtocol", "name metadata")
JoinGroupResponse = response(JoinGroupRequest,
                             "throttle_time_ms error_code generation_id protocol_type protocol_name leader "
                             "member_id members", throttle_time_ms=0, error_code=0, generation_id=-1,
                             member_id="", leader="", members=())
JoinGroupMember = struct("JoinGroupMember", "member_id group_instance_id metadata")

SyncGroupRequest = request(14, "SyncGroup",
                           "group_id generation_id member_id group_instance_id protocol_type protocol_name "
                           "assignments", protocol_type="consumer", assignments=())
SyncGroupAssignment = struct("SyncGroupAssignment", "member_id assignment")
SyncGroupResponse = response(SyncGroupRequest, "throttle_time_ms error_code protocol_type protocol_name assignment",
                             throttle_time_ms=0, error_code=0, assignment=b"")

HeartbeatRequest = request(12, "Heartbeat", "group_id generation_id member_id group_instance_id")
HeartbeatResponse = response(HeartbeatRequest, "throttle_time_ms error_code", throttle_time_ms=0, error_code=0)

LeaveGroupRequest = request(13, "LeaveGroup", "group_id members")
LeaveGroupMember = struct("LeaveGroupMember", "member_id group_instance_id reason")
LeaveGroupResponse = response(LeaveGroupRequest, "throttle_time_ms error_code members", throttle_time_ms=0,
                              error_code=0, members=())
LeaveGroupMemberResponse = struct("LeaveGroupMemberResponse", "member_id group_instance_id error_code",
                                  error_code=0)

DescribeGroupsRequest = request(15, "DescribeGroups", "groups include_authorized_operations",
                                include_authorized_operations=False)
DescribeGroupsResponse = response(DescribeGroupsRequest, "throttle_time_ms groups", throttle_time_ms=0)
DescribedGroup = struct("DescribedGroup",
                        "error_code error_message group_id group_state protocol_type protocol_data members "
                        "authorized_operations", error_code=0, protocol_type="", protocol_data="", members=(),
                        authorized_operations=-2147483648)
DescribedGroupMember = struct("DescribedGroupMember",
                              "member_id group_instance_id client_id client_host member_metadata member_assignment",
                              client_host="/127.0.0.1")

ListGroupsRequest = request(16, "ListGroups", "states_filter types_filter", states_filter=(), types_filter=())
ListGroupsResponse = response(ListGroupsRequest, "throttle_time_ms error_code groups", throttle_time_ms=0,
                              error_code=0)
ListedGroup = struct("ListedGroup", "group_id protocol_type group_state group_type",
                     protocol_type="consumer", group_type="classic")

DeleteGroupsRequest = request(42, "DeleteGroups", "groups_names")
DeleteGroupsResponse = response(DeleteGroupsRequest, "throttle_time_ms results", throttle_time_ms=0)
DeletableGroupResult = struct("DeletableGroupResult", "group_id error_code", error_code=0)

# The consumer group protocol (KIP-848): ConsumerGroupHeartbeat (68) and ConsumerGroupDescribe (69).
# `topic_partitions` are the partitions the member owns (None: unchanged); `assignment` is
# [(topic_id, [partition, …])] or None (unchanged).
ConsumerGroupHeartbeatRequest = request(
    68, "ConsumerGroupHeartbeat",
    "group_id member_id member_epoch instance_id rack_id rebalance_timeout_ms subscribed_topic_names "
    "subscribed_topic_regex server_assignor topic_partitions", rebalance_timeout_ms=300000)
ConsumerGroupHeartbeatResponse = response(
    ConsumerGroupHeartbeatRequest,
    "throttle_time_ms error_code error_message member_id member_epoch heartbeat_interval_ms assignment",
    throttle_time_ms=0, error_code=0)

ConsumerGroupDescribeRequest = request(69, "ConsumerGroupDescribe", "group_ids include_authorized_operations",
                                       include_authorized_operations=False)
ConsumerGroupDescribeResponse = response(ConsumerGroupDescribeRequest, "throttle_time_ms groups",
                                         throttle_time_ms=0, groups=())
DescribedConsumerGroup = struct(
    "DescribedConsumerGroup",
    "error_code error_message group_id group_state group_epoch assignment_epoch assignor_name members",
    error_code=0, members=())
DescribedConsumerGroupMember = struct(
    "DescribedConsumerGroupMember",
    "member_id instance_id member_epoch client_id client_host subscribed_topic_names assignment target_assignment",
    client_host="/127.0.0.1", assignment=(), target_assignment=())
