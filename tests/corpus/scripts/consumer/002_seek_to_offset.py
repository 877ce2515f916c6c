"""seek(tp, offset) sets the position; the next poll starts there (KafkaConsumer.seek)."""
import os

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "springen" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}})
admin.close()
producer = KafkaProducer(bootstrap_servers=BOOTSTRAP)
for n in range(10):
    producer.send(TOPIC, value=b"%d" % n)
producer.close()

consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, consumer_timeout_ms=5000)
tp = TopicPartition(TOPIC, 0)
consumer.assign([tp])
for start in (7, 2, 9):
    consumer.seek(tp, start)
    record = next(consumer)
    print("seek", start, "-> first offset", record.offset, "value", record.value, "| position", consumer.position(tp))
consumer.close()
