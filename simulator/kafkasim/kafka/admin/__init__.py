"""kafka.admin"""

from ._configs import (AlterConfigOp, ConfigFilterType, ConfigResource, ConfigResourceType, ConfigSourceType,
                       ConfigType)
from ._groups import GroupState, GroupType, MemberToRemove
from ._partitions import NewPartitions, OffsetSpec, OffsetTimestamp
from ._topics import NewTopic
from .client import KafkaAdminClient

__all__ = ["KafkaAdminClient", "AlterConfigOp", "ConfigFilterType", "ConfigResource", "ConfigResourceType",
           "ConfigSourceType", "ConfigType", "GroupState", "GroupType", "MemberToRemove", "NewPartitions", "NewTopic", "OffsetSpec", "OffsetTimestamp"]
