"""Offsets sent with send_offsets_to_transaction() are the group's committed offsets only once the
transaction commits: committed() (read_uncommitted consumer) shows the old offset while the
transaction is open, the new one after commit_transaction()."""
import os
import time

from kafka import KafkaConsumer, KafkaProducer, OffsetAndMetadata, TopicPartition
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")
TOPIC, GROUP = "quelle" + RUN, "verarbeiter" + RUN

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}}, wait_for_metadata=True)
admin.close()
plain = KafkaProducer(bootstrap_servers=BOOTSTRAP)
for n in range(4):
    plain.send(TOPIC, value=b"%d" % n)
plain.close()

tp = TopicPartition(TOPIC, 0)
consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, group_id=GROUP, enable_auto_commit=False)
consumer.assign([tp])
consumer.commit({tp: OffsetAndMetadata(1, "", -1)})
print("before:", consumer.committed(tp))

producer = KafkaProducer(bootstrap_servers=BOOTSTRAP, transactional_id="verarbeiter" + RUN)
producer.init_transactions()
producer.begin_transaction()
producer.send_offsets_to_transaction({tp: OffsetAndMetadata(3, "", -1)}, GROUP)
print("transaction open:", consumer.committed(tp))
producer.commit_transaction()
# The broker writes the transaction's offsets after commit_transaction() returned (as it writes the
# markers): right after it, committed() may still show the old offset. Wait, bounded.
deadline = time.monotonic() + 10
while consumer.committed(tp) != 3 and time.monotonic() < deadline:
    time.sleep(0.1)
print("after commit:", consumer.committed(tp))
producer.close()
consumer.close()
