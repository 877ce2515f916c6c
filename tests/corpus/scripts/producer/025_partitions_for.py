"""producer.partitions_for(topic) returns the set of partition ids (KafkaProducer.partitions_for)."""
import os

from kafka import KafkaProducer
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "aufteilung" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 5, "replication_factor": 1}})
admin.close()

producer = KafkaProducer(bootstrap_servers=BOOTSTRAP)
print("partitions:", sorted(producer.partitions_for(TOPIC)), type(producer.partitions_for(TOPIC)).__name__)
producer.close()
