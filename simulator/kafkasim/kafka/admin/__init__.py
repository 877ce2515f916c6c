from ._configs import AlterConfigOp, ConfigFilterType, ConfigResource, ConfigResourceType
from .client import KafkaAdminClient
from ._partitions import NewPartitions, OffsetSpec, OffsetTimestamp
from ._topics import NewTopic

__all__ = ["KafkaAdminClient", "AlterConfigOp", "ConfigFilterType", "ConfigResource", "ConfigResourceType",
           "OffsetSpec", "OffsetTimestamp"]
