"""enable_auto_commit (the default): close() commits the consumed position, so the next member of the
group continues there (KafkaConsumer.close docstring: autocommit=True)."""
import os

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")
TOPIC, GROUP = "autocommit" + RUN, "autocommit" + RUN

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}}, wait_for_metadata=True)
admin.close()
producer = KafkaProducer(bootstrap_servers=BOOTSTRAP)
for n in range(10):
    producer.send(TOPIC, value=b"%d" % n)
producer.close()

consumer = KafkaConsumer(TOPIC, bootstrap_servers=BOOTSTRAP, group_id=GROUP, auto_offset_reset="earliest",
                         consumer_timeout_ms=10000, auto_commit_interval_ms=60000)
consumer.partitions_for_topic(TOPIC)
first = [next(consumer).offset for _ in range(4)]
consumer.close()
print("first consumer read:", first)

tp = TopicPartition(TOPIC, 0)
second = KafkaConsumer(TOPIC, bootstrap_servers=BOOTSTRAP, group_id=GROUP, auto_offset_reset="earliest",
                       consumer_timeout_ms=10000)
second.partitions_for_topic(TOPIC)
print("second consumer starts at:", next(second).offset)
print("committed:", second.committed(tp))
second.close(autocommit=False)
