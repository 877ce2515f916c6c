"""kafka.admin"""

from ._configs import (AlterConfigOp, ConfigFilterType, ConfigResource, ConfigResourceType, ConfigSourceType,
                       ConfigType)
from ._partitions import NewPartitions, OffsetSpec, OffsetTimestamp
from ._topics import NewTopic
from .client import KafkaAdminClient

__all__ = ["KafkaAdminClient", "AlterConfigOp", "ConfigFilterType", "ConfigResource", "ConfigResourceType",
           "ConfigSourceType", "ConfigType", "NewPartitions", "NewTopic", "OffsetSpec", "OffsetTimestamp"]
