"""Iterating a consumer with consumer_timeout_ms ends the loop once no record came for that long
(KafkaConsumer docs: "StopIteration if no message after timeout")."""
import os

from kafka import KafkaConsumer, KafkaProducer
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "schleife" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}})
admin.close()
producer = KafkaProducer(bootstrap_servers=BOOTSTRAP)
for n in range(7):
    producer.send(TOPIC, key=b"k", value=b"Kurs %d" % n)
producer.close()

consumer = KafkaConsumer(TOPIC, bootstrap_servers=BOOTSTRAP, auto_offset_reset="earliest",
                         consumer_timeout_ms=10000)
for message in consumer:
    print("%s:%d:%d: key=%s value=%s" % (message.topic == TOPIC, message.partition, message.offset,
                                          message.key, message.value))
print("loop ended")
consumer.close()
