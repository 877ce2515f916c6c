"""ConsumerRecord with kafka-python's field order."""

import collections

ConsumerRecord = collections.namedtuple(
    "ConsumerRecord",
    ["topic", "partition", "leader_epoch", "offset", "timestamp", "timestamp_type", "key", "value",
     "headers", "checksum", "serialized_key_size", "serialized_value_size", "serialized_header_size"])
