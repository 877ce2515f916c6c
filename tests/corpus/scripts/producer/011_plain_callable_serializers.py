"""value_serializer / key_serializer as plain callables, as in kafka-python's README
(value_serializer=lambda v: json.dumps(v).encode('utf-8')); deserializers the same on the consumer."""
import json
import os

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "json-kurse" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}})
admin.close()

producer = KafkaProducer(bootstrap_servers=BOOTSTRAP, key_serializer=str.encode,
                         value_serializer=lambda v: json.dumps(v).encode("utf-8"))
metadata = producer.send(TOPIC, key="SAP", value={"kurs": 230.5, "waehrung": "EUR"}).get(timeout=10)
print("key size:", metadata.serialized_key_size, "| value size:", metadata.serialized_value_size)
producer.close()

consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, consumer_timeout_ms=5000,
                         key_deserializer=bytes.decode, value_deserializer=lambda b: json.loads(b.decode("utf-8")))
consumer.assign([TopicPartition(TOPIC, 0)])
consumer.seek_to_beginning()
record = next(consumer)
print(repr(record.key), record.value)
consumer.close()
