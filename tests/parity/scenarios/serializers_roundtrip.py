"""kafka-python 3's serializer classes and plain functions: what goes in comes back out."""
import json
import os
import time

from kafka import DefaultSerializer, JsonSerializer, KafkaConsumer, KafkaProducer
from kafka.admin import KafkaAdminClient, NewTopic

BOOTSTRAP_SERVERS = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "p-serializers"

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP_SERVERS)
admin.create_topics([NewTopic(TOPIC, num_partitions=1, replication_factor=1)])
admin.close()

producer = KafkaProducer(bootstrap_servers=BOOTSTRAP_SERVERS, key_serializer=DefaultSerializer(),
                         value_serializer=JsonSerializer())
for value in [{"symbol": "SAP", "price": 230.5}, [1, 2, 3], "Börse", 42, None]:
    metadata = producer.send(TOPIC, key="SAP", value=value).get(timeout=10)
    print("sent", json.dumps(value), "-> offset", metadata.offset, "value size", metadata.serialized_value_size)
producer.close()

consumer = KafkaConsumer(TOPIC, bootstrap_servers=BOOTSTRAP_SERVERS, auto_offset_reset="earliest",
                         key_deserializer=DefaultSerializer(), value_deserializer=JsonSerializer())
received = []
deadline = time.monotonic() + 30
while len(received) < 5 and time.monotonic() < deadline:
    for records in consumer.poll(timeout_ms=200).values():
        received.extend((r.offset, r.key, r.value, r.serialized_key_size) for r in records)
for offset, key, value, key_size in received:
    print("read", offset, key, json.dumps(value), "key size", key_size)
consumer.close()
