"""poll(update_offsets=False), the internal flag kafka-python's own iterator uses: the records come
back but the position stays where it was (KafkaConsumer.poll source comment)."""
import os

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "nicht-weiter" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}})
admin.close()
producer = KafkaProducer(bootstrap_servers=BOOTSTRAP)
for n in range(5):
    producer.send(TOPIC, value=b"%d" % n)
producer.close()

consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP)
tp = TopicPartition(TOPIC, 0)
consumer.assign([tp])
consumer.seek_to_beginning()
records = []
while not records:
    records = consumer.poll(timeout_ms=1000, update_offsets=False).get(tp, [])
print("got offsets:", [r.offset for r in records], "| position stays:", consumer.position(tp))
consumer.close()
