# corpus: cluster
"""A transaction on a replicated topic (replication factor 3, min.insync.replicas 2, as the
kafka-python docs recommend for transactional topics): the records and the commit marker are
replicated; read_committed reads the committed records once each and stops after the marker."""
import os

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient, NewTopic

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")
TOPIC = "repliziert-atomar" + RUN

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics([NewTopic(TOPIC, 2, 3, topic_configs={"min.insync.replicas": "2"})], wait_for_metadata=True)
admin.close()

producer = KafkaProducer(bootstrap_servers=BOOTSTRAP, transactional_id="repliziert" + RUN)
producer.init_transactions()
producer.begin_transaction()
for n in range(6):
    producer.send(TOPIC, value=b"%d" % n, partition=n % 2)
producer.commit_transaction()
producer.begin_transaction()
producer.send(TOPIC, value=b"verworfen", partition=0).get(timeout=10)
producer.abort_transaction()
producer.close()

tps = [TopicPartition(TOPIC, 0), TopicPartition(TOPIC, 1)]
consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, isolation_level="read_committed", consumer_timeout_ms=5000)
consumer.assign(tps)
consumer.seek_to_beginning()
print("read:", sorted((r.partition, r.offset, int(r.value)) for r in consumer))
print("positions:", [consumer.position(tp) for tp in tps], "| end offsets:",
      [consumer.end_offsets([tp])[tp] for tp in tps])
consumer.close()
