"""send() on a closed producer raises IllegalStateError ('KafkaProducer already closed!')."""
import os

from kafka import KafkaProducer
from kafka.errors import IllegalStateError

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")

producer = KafkaProducer(bootstrap_servers=BOOTSTRAP)
producer.close()
try:
    producer.send("egal", value=b"x")
except IllegalStateError as error:
    print("after close:", type(error).__name__, "|", error)
producer.close()
print("second close: ok")
