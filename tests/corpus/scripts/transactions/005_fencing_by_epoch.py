"""Zombie fencing: a second producer with the same transactional_id calls init_transactions; the
first one's next transactional call fails with ProducerFencedError (KIP-98 epochs)."""
import os

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient
from kafka.errors import KafkaError

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")
TOPIC = "zombie" + RUN

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}}, wait_for_metadata=True)
admin.close()

old = KafkaProducer(bootstrap_servers=BOOTSTRAP, transactional_id="kasse" + RUN)
old.init_transactions()
old.begin_transaction()
old.send(TOPIC, value=b"alt").get(timeout=10)

new = KafkaProducer(bootstrap_servers=BOOTSTRAP, transactional_id="kasse" + RUN)
new.init_transactions()
new.begin_transaction()
new.send(TOPIC, value=b"neu").get(timeout=10)
new.commit_transaction()
print("new producer committed")

try:
    old.commit_transaction()
    print("old producer committed")
except KafkaError as error:
    print("old producer ->", type(error).__name__)
old.close(timeout=5)
new.close()

consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, isolation_level="read_committed", consumer_timeout_ms=5000)
consumer.assign([TopicPartition(TOPIC, 0)])
consumer.seek_to_beginning()
print("committed records:", [r.value for r in consumer])
consumer.close()
