"""While a transaction is open, a read_committed consumer stops at the last stable offset (LSO):
end_offsets is the LSO for it; read_uncommitted already sees the records."""
import os

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")
TOPIC = "offen" + RUN

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}}, wait_for_metadata=True)
admin.close()

plain = KafkaProducer(bootstrap_servers=BOOTSTRAP)
plain.send(TOPIC, value=b"vorher").get(timeout=10)
plain.close()
producer = KafkaProducer(bootstrap_servers=BOOTSTRAP, transactional_id="offen" + RUN)
producer.init_transactions()
producer.begin_transaction()
producer.send(TOPIC, value=b"offen-1")
producer.send(TOPIC, value=b"offen-2")
producer.flush()

tp = TopicPartition(TOPIC, 0)
for level in ("read_uncommitted", "read_committed"):
    consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, isolation_level=level, consumer_timeout_ms=5000)
    consumer.assign([tp])
    consumer.seek_to_beginning()
    print(level, "end:", consumer.end_offsets([tp])[tp], "| read:", [r.value.decode() for r in consumer])
    consumer.close()
producer.commit_transaction()
producer.close()
consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, isolation_level="read_committed", consumer_timeout_ms=5000)
consumer.assign([tp])
consumer.seek_to_beginning()
print("after commit:", [r.value.decode() for r in consumer])
consumer.close()
