"""kafka.producer"""

from .kafka import KafkaProducer

__all__ = ["KafkaProducer"]
