"""assign() + seek_to_beginning(): read a partition from its first offset without a group
(KafkaConsumer docs, manual partition assignment)."""
import os

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "lesen" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 2, "replication_factor": 1}})
admin.close()
producer = KafkaProducer(bootstrap_servers=BOOTSTRAP)
for n in range(6):
    producer.send(TOPIC, value=b"v%d" % n, partition=n % 2)
producer.close()

consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP)
tp = TopicPartition(TOPIC, 1)
consumer.assign([tp])
consumer.seek_to_beginning(tp)
print("assignment:", consumer.assignment() == {tp}, "| position:", consumer.position(tp))
values = []
while consumer.position(tp) < 3:
    for records in consumer.poll(timeout_ms=1000).values():
        values += [(r.offset, r.value) for r in records]
print("read:", values, "| position:", consumer.position(tp))
consumer.close()
