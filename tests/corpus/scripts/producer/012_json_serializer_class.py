"""kafka.JsonSerializer (new in 3.0) serializes and deserializes JSON; it passes None through."""
import os

from kafka import JsonSerializer, KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "json-klasse" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}})
admin.close()

producer = KafkaProducer(bootstrap_servers=BOOTSTRAP, key_serializer=JsonSerializer(),
                         value_serializer=JsonSerializer())
producer.send(TOPIC, key="SAP", value={"kurs": 230, "tags": ["dax", "software"]}).get(timeout=10)
producer.send(TOPIC, key="SAP", value=None).get(timeout=10)
producer.send(TOPIC, key=[1, 2], value=3.25).get(timeout=10)
producer.close()

consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, consumer_timeout_ms=5000,
                         key_deserializer=JsonSerializer(), value_deserializer=JsonSerializer())
consumer.assign([TopicPartition(TOPIC, 0)])
consumer.seek_to_beginning()
for record in consumer:
    print(record.offset, repr(record.key), repr(record.value), record.serialized_key_size)
    if record.offset == 2:
        break
consumer.close()
