# corpus: cluster
"""min.insync.replicas=3 with all three replicas in sync: acks='all' succeeds; acks=1 does too.
A replication factor above the broker count is InvalidReplicationFactorError."""
import os

from kafka import KafkaProducer
from kafka.admin import KafkaAdminClient
from kafka.errors import KafkaError

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")
TOPIC = "mindestens" + RUN

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 3,
                             "configs": {"min.insync.replicas": "3"}}}, wait_for_metadata=True)
try:
    admin.create_topics({"vier" + RUN: {"num_partitions": 1, "replication_factor": 4}})
except KafkaError as error:
    print("replication factor 4 ->", type(error).__name__)
admin.close()

for acks in ("all", 1):
    producer = KafkaProducer(bootstrap_servers=BOOTSTRAP, acks=acks)
    print("acks", acks, "-> offset", producer.send(TOPIC, value=b"x").get(timeout=20).offset)
    producer.close()
