"""close(autocommit=False) skips the final commit: a later member starts at the last committed offset."""
import os

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")
TOPIC, GROUP = "kein-autocommit" + RUN, "kein-autocommit" + RUN

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}}, wait_for_metadata=True)
admin.close()
producer = KafkaProducer(bootstrap_servers=BOOTSTRAP)
for n in range(6):
    producer.send(TOPIC, value=b"%d" % n)
producer.close()

tp = TopicPartition(TOPIC, 0)
consumer = KafkaConsumer(TOPIC, bootstrap_servers=BOOTSTRAP, group_id=GROUP, auto_offset_reset="earliest",
                         consumer_timeout_ms=10000, auto_commit_interval_ms=60000)
consumer.partitions_for_topic(TOPIC)
print("read:", [next(consumer).offset for _ in range(2)])
consumer.commit()
print("read more:", [next(consumer).offset for _ in range(2)])
consumer.close(autocommit=False)

check = KafkaConsumer(bootstrap_servers=BOOTSTRAP, group_id=GROUP, enable_auto_commit=False)
print("committed:", check.committed(tp))
check.close()
