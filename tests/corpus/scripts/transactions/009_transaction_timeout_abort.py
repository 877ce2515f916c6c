"""transaction_timeout_ms (kafka-python docs): a transaction left open longer than its timeout is
aborted by the broker's transaction coordinator, which bumps the producer epoch; the producer's
commit then fails with ProducerFencedError and read_committed never sees the records. The broker
looks for timed-out transactions every 10 s (transaction.abort.timed.out.transaction.cleanup.interval.ms)."""
import os
import time

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient
from kafka.errors import KafkaError

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")
TOPIC = "zeitlimit" + RUN

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}}, wait_for_metadata=True)
admin.close()

producer = KafkaProducer(bootstrap_servers=BOOTSTRAP, transactional_id="zeitlimit" + RUN,
                         transaction_timeout_ms=2000)
producer.init_transactions()
producer.begin_transaction()
producer.send(TOPIC, value=b"zu-spaet").get(timeout=10)
time.sleep(25)          # timeout 2 s, checked every 10 s: aborted after at most 12 s
try:
    producer.commit_transaction()
    print("commit -> ok")
except KafkaError as error:
    print("commit ->", type(error).__name__)
producer.close(timeout=5)

tp = TopicPartition(TOPIC, 0)
for level in ("read_uncommitted", "read_committed"):
    consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, isolation_level=level, consumer_timeout_ms=5000)
    consumer.assign([tp])
    consumer.seek_to_beginning()
    print(level, [r.value for r in consumer], "| end:", consumer.end_offsets([tp])[tp])
    consumer.close()
