"""acks=1, acks='all' and acks=-1 all acknowledge with the record's offset; the config stores -1
for 'all' (KafkaProducer config docs)."""
import os

from kafka import KafkaProducer
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "acks" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}})
admin.close()

for acks in (1, "all", -1):
    producer = KafkaProducer(bootstrap_servers=BOOTSTRAP, acks=acks)
    metadata = producer.send(TOPIC, value=b"x").get(timeout=10)
    print(repr(acks), "-> config", producer.config["acks"], "| idempotent:",
          producer.config["enable_idempotence"], "| offset:", metadata.offset)
    producer.close()
