"""partitions_for_topic() gives the partition ids of a topic, None for an unknown topic."""
import os

from kafka import KafkaConsumer
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "teile" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 4, "replication_factor": 1}}, wait_for_metadata=True)
admin.close()

consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP)
print("partitions:", sorted(consumer.partitions_for_topic(TOPIC)))
print("unknown:", consumer.partitions_for_topic(TOPIC + "-gibt-es-nicht"))
consumer.close()
