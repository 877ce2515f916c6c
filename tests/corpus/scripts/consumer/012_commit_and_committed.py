"""commit() stores the consumer's position for its group; committed() reads it back
(KafkaConsumer.commit / committed docstrings)."""
import os

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")
TOPIC, GROUP = "festschreiben" + RUN, "depot" + RUN

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}})
admin.close()
producer = KafkaProducer(bootstrap_servers=BOOTSTRAP)
for n in range(8):
    producer.send(TOPIC, value=b"%d" % n)
producer.close()

tp = TopicPartition(TOPIC, 0)
consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, group_id=GROUP, enable_auto_commit=False)
consumer.assign([tp])
print("committed before:", consumer.committed(tp))
consumer.seek_to_beginning()
read = 0
while read < 5:
    read += len(consumer.poll(timeout_ms=1000, max_records=5 - read).get(tp, []))
consumer.commit()
print("position:", consumer.position(tp), "| committed:", consumer.committed(tp))
consumer.close()

again = KafkaConsumer(bootstrap_servers=BOOTSTRAP, group_id=GROUP, enable_auto_commit=False)
again.assign([tp])
print("a new consumer of the group starts at:", again.position(tp))
again.close()
