"""A plain-callable serializer is also called for a missing key and for a tombstone (value None)
in kafka-python 3.0.12 (SerializeWrapper calls fn(data) for every value)."""
import os

from kafka import KafkaProducer
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "keine-werte" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}})
admin.close()

seen = []


def note(data):
    seen.append(data)
    return None if data is None else data.encode()


producer = KafkaProducer(bootstrap_servers=BOOTSTRAP, key_serializer=note, value_serializer=note)
producer.send(TOPIC, value="nur-wert").get(timeout=10)
producer.send(TOPIC, key="grabstein", value=None).get(timeout=10)
producer.close()
print("serializer saw:", seen)
