"""A read_committed consumer stops at the last stable offset: while a transaction is open its
position stays at the transaction's first offset; after the commit it reads on and its position
moves past the commit marker (kafka-python's position() with isolation_level='read_committed')."""
import os

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")
TOPIC = "stabil" + RUN

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}}, wait_for_metadata=True)
admin.close()

plain = KafkaProducer(bootstrap_servers=BOOTSTRAP)
plain.send(TOPIC, value=b"a").get(timeout=10)
plain.send(TOPIC, value=b"b").get(timeout=10)
plain.close()
producer = KafkaProducer(bootstrap_servers=BOOTSTRAP, transactional_id="stabil" + RUN)
producer.init_transactions()
producer.begin_transaction()
for value in (b"c", b"d", b"e"):
    producer.send(TOPIC, value=value)
producer.flush()

tp = TopicPartition(TOPIC, 0)
consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, isolation_level="read_committed", consumer_timeout_ms=3000)
consumer.assign([tp])
consumer.seek_to_beginning()
print("open:", [r.value for r in consumer], "| position:", consumer.position(tp),
      "| highwater:", consumer.highwater(tp))
producer.commit_transaction()
producer.close()
print("committed:", [r.value for r in consumer], "| position:", consumer.position(tp),
      "| end:", consumer.end_offsets([tp])[tp])
consumer.close()
