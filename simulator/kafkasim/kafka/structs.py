"""kafka.structs"""

from ..clients.structs import (ConsumerGroupMetadata, MemberState, OffsetAndMetadata,  # noqa: F401
                               OffsetAndTimestamp, TopicPartition, TopicPartitionReplica)
