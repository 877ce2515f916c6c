"""add_callback / add_errback on the send future (kafka-python README: "Produce asynchronously with
callbacks"). Callbacks run after the broker answered; flush() waits for them."""
import os

from kafka import KafkaProducer
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "rueckruf" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}})
admin.close()

done = []


def on_success(metadata):
    done.append(("ok", metadata.offset))


def on_error(exception):
    done.append(("error", type(exception).__name__))


producer = KafkaProducer(bootstrap_servers=BOOTSTRAP)
for number in range(5):
    producer.send(TOPIC, value=b"kurs-%d" % number).add_callback(on_success).add_errback(on_error)
producer.flush(timeout=10)
print("after flush:", sorted(done))
producer.close()
