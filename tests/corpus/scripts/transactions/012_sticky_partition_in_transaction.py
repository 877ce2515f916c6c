"""Records without key in a transaction (kafka-python's sticky partitioner, KIP-480): every partition
the producer added to the transaction gets a commit marker, including the one the partitioner
picked first and moved away from when the record opened a new batch. The end offsets, sorted, show
which partitions took a marker and which a record as well."""
import os

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")
TOPIC = "klebrig" + RUN

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 3, "replication_factor": 1}}, wait_for_metadata=True)
admin.close()

producer = KafkaProducer(bootstrap_servers=BOOTSTRAP, transactional_id="klebrig" + RUN)
producer.init_transactions()
producer.begin_transaction()
metadata = producer.send(TOPIC, value=b"ohne-key").get(timeout=10)
producer.commit_transaction()
producer.close()

tps = [TopicPartition(TOPIC, p) for p in range(3)]
consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, isolation_level="read_committed")
ends = consumer.end_offsets(tps)
print("record offset:", metadata.offset, "| end offsets, sorted:", sorted(ends.values()))
print("end offset of the record's partition:", ends[TopicPartition(TOPIC, metadata.partition)])
consumer.close()
