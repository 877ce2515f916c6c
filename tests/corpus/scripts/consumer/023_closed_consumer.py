"""A closed consumer refuses poll() with IllegalStateError; close() twice is fine."""
import os

from kafka import KafkaConsumer
from kafka.errors import IllegalStateError

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")

consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP)
consumer.close()
consumer.close()
print("closed twice: ok")
try:
    consumer.poll(timeout_ms=100)
    print("poll -> ok")
except IllegalStateError as error:
    print("poll ->", type(error).__name__)
