# corpus: cluster
"""min.insync.replicas=3 on a topic with two replicas, both in sync. Observed on Kafka 4.3.1: acks='all'
is accepted (no NotEnoughReplicasError), as is acks=1. Tutorials that predict a refusal here are
wrong for 4.3.1 (the check seems bounded by the replica count, cf. KIP-966); the script records
what the broker does."""
import os

from kafka import KafkaProducer
from kafka.admin import KafkaAdminClient
from kafka.errors import KafkaError

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "zu-streng" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 2,
                             "configs": {"min.insync.replicas": "3"}}}, wait_for_metadata=True)
admin.close()

strict = KafkaProducer(bootstrap_servers=BOOTSTRAP, acks="all", retries=0)
try:
    strict.send(TOPIC, value=b"x").get(timeout=20)
    print("acks=all -> ok")
except KafkaError as error:
    print("acks=all ->", type(error).__name__)
strict.close()
relaxed = KafkaProducer(bootstrap_servers=BOOTSTRAP, acks=1)
print("acks=1 -> offset", relaxed.send(TOPIC, value=b"x").get(timeout=20).offset)
relaxed.close()
