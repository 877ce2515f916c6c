"""commit({tp: OffsetAndMetadata(offset, metadata, leader_epoch)}) stores any offset with a metadata
string; committed(tp, metadata=True) returns the OffsetAndMetadata."""
import os

from kafka import KafkaConsumer, KafkaProducer, OffsetAndMetadata, TopicPartition
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")
TOPIC, GROUP = "metadaten" + RUN, "buchhaltung" + RUN

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 2, "replication_factor": 1}})
admin.close()
producer = KafkaProducer(bootstrap_servers=BOOTSTRAP)
for n in range(6):
    producer.send(TOPIC, value=b"%d" % n, partition=n % 2)
producer.close()

consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, group_id=GROUP, enable_auto_commit=False)
p0, p1 = TopicPartition(TOPIC, 0), TopicPartition(TOPIC, 1)
consumer.assign([p0, p1])
consumer.commit({p0: OffsetAndMetadata(2, "bis Kurs 2", -1), p1: OffsetAndMetadata(3, "", -1)})
for tp in (p0, p1):
    stored = consumer.committed(tp, metadata=True)
    print(tp.partition, "->", consumer.committed(tp), "|", stored.offset, repr(stored.metadata))
print("positions:", consumer.position(p0), consumer.position(p1))
consumer.close()
