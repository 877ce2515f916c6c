from ._configs import AlterConfigOp, ConfigFilterType, ConfigResource, ConfigResourceType
from .client import KafkaAdminClient
from ._topics import NewPartitions, NewTopic

__all__ = ["KafkaAdminClient", "AlterConfigOp", "ConfigFilterType", "ConfigResource", "ConfigResourceType"]
