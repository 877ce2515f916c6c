"""abort_transaction(): read_committed skips the aborted records, read_uncommitted (the default)
shows them; both skip the control records."""
import os

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")
TOPIC = "abbruch" + RUN

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}}, wait_for_metadata=True)
admin.close()

producer = KafkaProducer(bootstrap_servers=BOOTSTRAP, transactional_id="abbruch" + RUN)
producer.init_transactions()
producer.begin_transaction()
producer.send(TOPIC, value=b"gilt-1")
producer.commit_transaction()
producer.begin_transaction()
producer.send(TOPIC, value=b"verworfen-1")
producer.send(TOPIC, value=b"verworfen-2")
producer.flush()
producer.abort_transaction()
producer.begin_transaction()
producer.send(TOPIC, value=b"gilt-2")
producer.commit_transaction()
producer.close()

tp = TopicPartition(TOPIC, 0)
for level in ("read_uncommitted", "read_committed"):
    consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, isolation_level=level, consumer_timeout_ms=5000)
    consumer.assign([tp])
    consumer.seek_to_beginning()
    print(level, [(r.offset, r.value.decode()) for r in consumer], "| end:", consumer.end_offsets([tp])[tp])
    consumer.close()
