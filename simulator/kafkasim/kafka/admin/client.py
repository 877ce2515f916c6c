"""kafka.admin.client"""

from ...clients.admin.client import KafkaAdminClient

KafkaAdminClient.__module__ = __name__     # the public path, as in kafka-python

__all__ = ["KafkaAdminClient"]
