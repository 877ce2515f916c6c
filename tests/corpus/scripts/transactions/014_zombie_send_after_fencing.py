"""A fenced producer (zombie) that sends again: the broker refuses its batch with
InvalidProducerEpochError, the new producer with the same transactional_id commits undisturbed, and
the zombie's own commit then fails (its transaction state is broken: KafkaError)."""
import os

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient
from kafka.errors import KafkaError

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")
TOPIC = "zombie-send" + RUN

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}}, wait_for_metadata=True)
admin.close()

old = KafkaProducer(bootstrap_servers=BOOTSTRAP, transactional_id="zombie-kasse" + RUN)
old.init_transactions()
old.begin_transaction()
old.send(TOPIC, value=b"alt").get(timeout=10)

new = KafkaProducer(bootstrap_servers=BOOTSTRAP, transactional_id="zombie-kasse" + RUN)
new.init_transactions()
try:
    print("zombie send ->", old.send(TOPIC, value=b"zombie").get(timeout=10).offset)
except KafkaError as error:
    print("zombie send ->", type(error).__name__)
new.begin_transaction()
new.send(TOPIC, value=b"neu").get(timeout=10)
try:
    new.commit_transaction()
    print("new producer committed")
except KafkaError as error:
    print("new producer ->", type(error).__name__)
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
