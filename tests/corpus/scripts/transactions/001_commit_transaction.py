"""A transactional producer (kafka-python 3.0 docs: transactional_id, init_transactions,
begin_transaction, commit_transaction): a read_committed consumer sees the committed records; the
commit marker takes an offset of its own."""
import os
import time

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")
TOPIC = "transaktion" + RUN

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}}, wait_for_metadata=True)
admin.close()

producer = KafkaProducer(bootstrap_servers=BOOTSTRAP, transactional_id="boerse" + RUN)
producer.init_transactions()
producer.begin_transaction()
offsets = [producer.send(TOPIC, value=b"kauf-%d" % n).get(timeout=10).offset for n in range(3)]
producer.commit_transaction()
print("offsets in the transaction:", offsets, "| idempotent:", producer.config["enable_idempotence"])
producer.close()

tp = TopicPartition(TOPIC, 0)
consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, isolation_level="read_committed", consumer_timeout_ms=5000)
# commit_transaction() returns once the coordinator has decided; it writes the commit marker to the
# partition right after, so the last stable offset may still be 0 for a moment (bounded wait).
deadline = time.monotonic() + 10
end = consumer.end_offsets([tp])[tp]
while end == 0 and time.monotonic() < deadline:
    time.sleep(0.1)
    end = consumer.end_offsets([tp])[tp]
print("end offset (after the commit marker):", end)
consumer.assign([tp])
consumer.seek_to_beginning()
print("read_committed:", [(r.offset, r.value) for r in consumer], "| position:", consumer.position(tp))
consumer.close()
