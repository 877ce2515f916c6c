"""One transaction over two partitions and two topics commits atomically: read_committed sees all of
them; each partition carries its own commit marker (end offset = records + 1)."""
import os

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")
ORDERS, AUDIT = "auftraege" + RUN, "pruefprotokoll" + RUN

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({ORDERS: {"num_partitions": 2, "replication_factor": 1},
                     AUDIT: {"num_partitions": 1, "replication_factor": 1}}, wait_for_metadata=True)
admin.close()

producer = KafkaProducer(bootstrap_servers=BOOTSTRAP, transactional_id="atomar" + RUN)
producer.init_transactions()
producer.begin_transaction()
for n in range(4):
    producer.send(ORDERS, value=b"auftrag-%d" % n, partition=n % 2)
producer.send(AUDIT, value=b"4 auftraege")
producer.commit_transaction()
producer.close()

tps = [TopicPartition(ORDERS, 0), TopicPartition(ORDERS, 1), TopicPartition(AUDIT, 0)]
consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, isolation_level="read_committed", consumer_timeout_ms=5000)
print("end offsets:", [consumer.end_offsets([tp])[tp] for tp in tps])
consumer.assign(tps)
consumer.seek_to_beginning()
print("read:", sorted((r.topic.replace(RUN, ""), r.partition, r.offset) for r in consumer))
consumer.close()
