"""kafka.consumer.group"""

from ...clients.consumer.group import KafkaConsumer

KafkaConsumer.__module__ = __name__     # the public path, as in kafka-python

__all__ = ["KafkaConsumer"]
