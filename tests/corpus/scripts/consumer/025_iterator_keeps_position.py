"""Mixing next(consumer) with position(): after each record the position is that record's offset + 1."""
import os

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "stueck-fuer-stueck" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}})
admin.close()
producer = KafkaProducer(bootstrap_servers=BOOTSTRAP)
for n in range(5):
    producer.send(TOPIC, value=b"%d" % n)
producer.close()

consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, consumer_timeout_ms=5000)
tp = TopicPartition(TOPIC, 0)
consumer.assign([tp])
consumer.seek_to_beginning()
for _ in range(3):
    record = next(consumer)
    print("offset", record.offset, "-> position", consumer.position(tp))
consumer.close()
