from .client import KafkaAdminClient
from ._topics import NewTopic

__all__ = ["KafkaAdminClient"]
