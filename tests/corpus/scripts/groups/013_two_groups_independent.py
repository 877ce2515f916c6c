"""Two consumer groups read the same topic independently; each gets every record
(Kafka docs: each group is a subscriber of its own)."""
import os

from kafka import KafkaConsumer, KafkaProducer
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")
TOPIC = "zwei-gruppen" + RUN

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 2, "replication_factor": 1}}, wait_for_metadata=True)
admin.close()
producer = KafkaProducer(bootstrap_servers=BOOTSTRAP)
for n in range(8):
    producer.send(TOPIC, key=b"k%d" % n, value=b"%d" % n)
producer.close()

for group in ("analyse", "archiv"):
    consumer = KafkaConsumer(TOPIC, bootstrap_servers=BOOTSTRAP, group_id=group + RUN,
                             auto_offset_reset="earliest", consumer_timeout_ms=10000)
    consumer.partitions_for_topic(TOPIC)
    print(group, "read:", sorted(int(r.value) for r in consumer))
    consumer.close()
