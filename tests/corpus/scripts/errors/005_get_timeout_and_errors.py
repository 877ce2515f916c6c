"""FutureRecordMetadata.get() re-raises the broker's error; future.exception holds it and failed()
is True (kafka-python future API). Here: writing to an explicit partition of a deleted topic."""
import os

from kafka import KafkaProducer
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "zu-gross" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1,
                             "configs": {"max.message.bytes": "1000"}}}, wait_for_metadata=True)
admin.close()

producer = KafkaProducer(bootstrap_servers=BOOTSTRAP, retries=0)
future = producer.send(TOPIC, value=b"x" * 3000)
try:
    future.get(timeout=20)
except Exception as error:
    print("get ->", type(error).__name__, "| retriable:", error.retriable)
print("failed:", future.failed(), "| succeeded:", future.succeeded(), "| is_done:", future.is_done,
      "| exception:", type(future.exception).__name__)
producer.close()
