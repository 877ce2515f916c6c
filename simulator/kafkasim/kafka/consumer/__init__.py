"""kafka.consumer"""

from .group import KafkaConsumer

__all__ = ["KafkaConsumer"]
