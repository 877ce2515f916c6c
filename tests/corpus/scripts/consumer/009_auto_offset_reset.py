"""auto_offset_reset decides where a consumer without a committed offset starts: 'earliest' reads the
records already there, 'latest' (the default) only new ones."""
import os

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "zuruecksetzen" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}})
admin.close()
producer = KafkaProducer(bootstrap_servers=BOOTSTRAP)
for n in range(3):
    producer.send(TOPIC, value=b"%d" % n)
producer.close()

tp = TopicPartition(TOPIC, 0)
for reset in ("earliest", "latest"):
    consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, auto_offset_reset=reset)
    consumer.assign([tp])
    print(reset, "-> position", consumer.position(tp))
    consumer.close()
