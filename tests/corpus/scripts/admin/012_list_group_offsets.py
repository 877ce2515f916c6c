"""list_group_offsets({group: None}) returns the committed OffsetAndMetadata of every partition."""
import os

from kafka import KafkaConsumer, KafkaProducer, OffsetAndMetadata, TopicPartition
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")
TOPIC, GROUP = "offsetliste" + RUN, "offsetliste" + RUN

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 3, "replication_factor": 1}}, wait_for_metadata=True)
producer = KafkaProducer(bootstrap_servers=BOOTSTRAP)
for n in range(9):
    producer.send(TOPIC, value=b"v", partition=n % 3)
producer.close()

consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, group_id=GROUP, enable_auto_commit=False)
consumer.assign([TopicPartition(TOPIC, p) for p in range(3)])
consumer.commit({TopicPartition(TOPIC, 0): OffsetAndMetadata(3, "fertig", -1),
                 TopicPartition(TOPIC, 2): OffsetAndMetadata(1, "", -1)})
consumer.close()

offsets = admin.list_group_offsets({GROUP: None})[GROUP]
print("offsets:", sorted((tp.partition, om.offset, om.metadata) for tp, om in offsets.items()))
print("unknown group:", list(admin.list_group_offsets({"niemand" + RUN: None}).values()))
admin.close()
