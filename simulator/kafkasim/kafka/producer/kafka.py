"""kafka.producer.kafka"""

from ...clients.producer.kafka import KafkaProducer

KafkaProducer.__module__ = __name__     # the public path, as in kafka-python

__all__ = ["KafkaProducer"]
