"""kafkasim: a simulated Apache Kafka cluster in pure Python, behind kafka-python's API."""

__version__ = "0.1.0"
