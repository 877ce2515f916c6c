"""Topic config message.timestamp.type=LogAppendTime: the broker replaces the producer's timestamp
with its own clock and the consumer sees timestamp_type 1 (Kafka topic-config docs)."""
import os

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "anhaengezeit" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
# wait_for_metadata: until the broker has applied the new topic, DescribeConfigs (and kafka-python's
# own check inside alter_configs) can find no configs for it (seen on a loaded machine).
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1,
                             "configs": {"message.timestamp.type": "LogAppendTime"}}}, wait_for_metadata=True)
admin.close()

producer = KafkaProducer(bootstrap_servers=BOOTSTRAP)
metadata = producer.send(TOPIC, value=b"alt", timestamp_ms=1_000_000_000_000).get(timeout=10)
print("metadata timestamp replaced:", metadata.timestamp != 1_000_000_000_000)
producer.close()

consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, consumer_timeout_ms=5000)
consumer.assign([TopicPartition(TOPIC, 0)])
consumer.seek_to_beginning()
for record in consumer:
    print("timestamp_type:", record.timestamp_type, "| replaced:", record.timestamp != 1_000_000_000_000,
          "| same as metadata:", record.timestamp == metadata.timestamp)
    break
consumer.close()
