"""A read_committed consumer asks for stable offsets only (KIP-447, OffsetFetch require_stable):
while a transaction holds offsets for its group that are not yet committed, committed() waits
(here: until timeout_ms, KafkaTimeoutError); a read_uncommitted consumer gets the last committed
offset at once; after the commit both see the new one."""
import os
import time

from kafka import KafkaConsumer, KafkaProducer, OffsetAndMetadata, TopicPartition
from kafka.admin import KafkaAdminClient
from kafka.errors import KafkaError

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")
TOPIC, GROUP = "stabile-offsets" + RUN, "stabil-gruppe" + RUN

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}}, wait_for_metadata=True)
admin.close()

tp = TopicPartition(TOPIC, 0)
readers = {level: KafkaConsumer(bootstrap_servers=BOOTSTRAP, group_id=GROUP, enable_auto_commit=False,
                                isolation_level=level)
           for level in ("read_uncommitted", "read_committed")}
readers["read_uncommitted"].commit({tp: OffsetAndMetadata(2, "", -1)})

producer = KafkaProducer(bootstrap_servers=BOOTSTRAP, transactional_id="stabil" + RUN)
producer.init_transactions()
producer.begin_transaction()
producer.send_offsets_to_transaction({tp: OffsetAndMetadata(5, "", -1)}, GROUP)
for level, reader in readers.items():
    try:
        print("open,", level, "->", reader.committed(tp, timeout_ms=2000))
    except KafkaError as error:
        print("open,", level, "->", type(error).__name__)
producer.commit_transaction()
producer.close()
for level, reader in readers.items():
    # The broker writes the offsets just after commit_transaction() returned: wait for them, bounded.
    deadline = time.monotonic() + 10
    while reader.committed(tp) != 5 and time.monotonic() < deadline:
        time.sleep(0.1)
    print("committed,", level, "->", reader.committed(tp))
    reader.close()
