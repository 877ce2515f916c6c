"""Produce (API key 0)."""

from .api import request, response, struct

ProduceRequest = request(0, "Produce", "transactional_id acks timeout_ms topic_data")
ProduceTopicData = struct("ProduceTopicData", "name partition_data")
ProducePartitionData = struct("ProducePartitionData", "index records")

ProduceResponse = response(ProduceRequest, "responses throttle_time_ms", throttle_time_ms=0)
ProduceTopicResponse = struct("ProduceTopicResponse", "name partition_responses")
ProducePartitionResponse = struct(
    "ProducePartitionResponse", "index error_code base_offset log_append_time_ms log_start_offset error_message",
    error_code=0, base_offset=-1, log_append_time_ms=-1, log_start_offset=-1)
