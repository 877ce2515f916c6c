"""poll() with read_committed: the records of an aborted transaction and the markers never come
back, and the position moves past them (seek_to_end() is the last stable offset). read_uncommitted
returns the aborted records but skips the markers too."""
import os
import time

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")
TOPIC = "abfrage" + RUN

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}}, wait_for_metadata=True)
admin.close()

producer = KafkaProducer(bootstrap_servers=BOOTSTRAP, transactional_id="abfrage" + RUN)
producer.init_transactions()
for values, commit in (((b"a", b"b"), False), ((b"c",), True), ((b"d", b"e"), False), ((b"f",), True)):
    producer.begin_transaction()
    for value in values:
        producer.send(TOPIC, value=value).get(timeout=10)
    if commit:
        producer.commit_transaction()
    else:
        producer.abort_transaction()
producer.close()

tp = TopicPartition(TOPIC, 0)
for level in ("read_committed", "read_uncommitted"):
    consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, isolation_level=level)
    consumer.assign([tp])
    consumer.seek_to_beginning()
    seen = []   # 10 offsets: 6 records, 4 markers
    deadline = time.monotonic() + 10
    while consumer.position(tp) < 10 and time.monotonic() < deadline:
        seen += [(r.offset, r.value) for r in consumer.poll(timeout_ms=500).get(tp, [])]
    print(level, seen, "| position:", consumer.position(tp))
    consumer.seek_to_end(tp)
    print(level, "seek_to_end ->", consumer.position(tp))
    consumer.close()
