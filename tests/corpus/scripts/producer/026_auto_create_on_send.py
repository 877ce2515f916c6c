"""Sending to a topic that does not exist creates it (broker auto.create.topics.enable=true,
num.partitions=1 in Kafka's server.properties)."""
import os

from kafka import KafkaProducer
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "automatisch" + os.environ.get("CORPUS_RUN_ID", "")

producer = KafkaProducer(bootstrap_servers=BOOTSTRAP)
metadata = producer.send(TOPIC, key=b"k", value=b"v").get(timeout=30)
print("partition:", metadata.partition, "| offset:", metadata.offset)
producer.close()

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
description = admin.describe_topics([TOPIC])[0]
print("exists:", description["name"] == TOPIC, "| partitions:", len(description["partitions"]))
admin.close()
