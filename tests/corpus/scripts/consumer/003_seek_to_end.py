"""seek_to_end(): only records produced afterwards are read; position() is the end offset."""
import os

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "ende" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}})
admin.close()
producer = KafkaProducer(bootstrap_servers=BOOTSTRAP)
for n in range(4):
    producer.send(TOPIC, value=b"alt-%d" % n)
producer.flush()

consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, consumer_timeout_ms=5000)
tp = TopicPartition(TOPIC, 0)
consumer.assign([tp])
consumer.seek_to_end(tp)
print("position at end:", consumer.position(tp))
producer.send(TOPIC, value=b"neu").get(timeout=10)
producer.close()
record = next(consumer)
print("next record:", record.offset, record.value)
consumer.close()
