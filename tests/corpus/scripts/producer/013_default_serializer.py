"""kafka.DefaultSerializer encodes str (UTF-8 by default, or another encoding) and passes bytes through."""
import os

from kafka import DefaultSerializer, KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "text" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}})
admin.close()

producer = KafkaProducer(bootstrap_servers=BOOTSTRAP, value_serializer=DefaultSerializer(),
                         key_serializer=DefaultSerializer("latin-1"))
for key, value in (("Müller", "Börse ↑"), ("x", b"roh")):
    metadata = producer.send(TOPIC, key=key, value=value).get(timeout=10)
    print("sizes:", metadata.serialized_key_size, metadata.serialized_value_size)
producer.close()

consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, consumer_timeout_ms=5000)
consumer.assign([TopicPartition(TOPIC, 0)])
consumer.seek_to_beginning()
for record in consumer:
    print(record.key, record.value)
    if record.offset == 1:
        break
consumer.close()
