"""send(partition=N) to a partition the topic does not have raises ValueError at once, as does a
negative partition (KafkaProducer._partition)."""
import os

from kafka import KafkaProducer
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "drei" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 3, "replication_factor": 1}})
admin.close()

producer = KafkaProducer(bootstrap_servers=BOOTSTRAP)
for partition in (2, 3, -1):
    try:
        print(partition, "->", producer.send(TOPIC, value=b"v", partition=partition).get(timeout=10).partition)
    except ValueError as error:
        print(partition, "-> ValueError")
producer.close()
