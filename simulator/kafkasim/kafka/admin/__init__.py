from .client import KafkaAdminClient
from ._topics import NewPartitions, NewTopic

__all__ = ["KafkaAdminClient"]
