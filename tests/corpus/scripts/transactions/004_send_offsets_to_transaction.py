"""Consume-transform-produce (KIP-447): send_offsets_to_transaction(offsets, consumer.group_metadata())
commits the input offsets with the output records; after an abort neither counts."""
import os
import time

from kafka import KafkaConsumer, KafkaProducer, OffsetAndMetadata, TopicPartition
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")
SOURCE, TARGET, GROUP = "eingang" + RUN, "ausgang" + RUN, "umwandler" + RUN

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({SOURCE: {"num_partitions": 1, "replication_factor": 1},
                     TARGET: {"num_partitions": 1, "replication_factor": 1}}, wait_for_metadata=True)
admin.close()
plain = KafkaProducer(bootstrap_servers=BOOTSTRAP)
for n in range(6):
    plain.send(SOURCE, value=b"%d" % n)
plain.close()

source_tp = TopicPartition(SOURCE, 0)
consumer = KafkaConsumer(SOURCE, bootstrap_servers=BOOTSTRAP, group_id=GROUP, enable_auto_commit=False,
                         auto_offset_reset="earliest", isolation_level="read_committed")
consumer.partitions_for_topic(SOURCE)
producer = KafkaProducer(bootstrap_servers=BOOTSTRAP, transactional_id="umwandler" + RUN)
producer.init_transactions()


def transform(count, commit):
    records = []
    deadline = time.monotonic() + 20
    while len(records) < count and time.monotonic() < deadline:
        records += consumer.poll(timeout_ms=500, max_records=count - len(records)).get(source_tp, [])
    producer.begin_transaction()
    for record in records:
        producer.send(TARGET, value=record.value * 2)
    producer.send_offsets_to_transaction({source_tp: OffsetAndMetadata(records[-1].offset + 1, "", -1)},
                                         consumer.group_metadata())
    if commit:
        producer.commit_transaction()
    else:
        producer.abort_transaction()
    return [r.offset for r in records]


print("committed batch:", transform(3, commit=True), "| group offset:", consumer.committed(source_tp))
print("aborted batch:", transform(2, commit=False), "| group offset:", consumer.committed(source_tp))
producer.close()
consumer.close()

reader = KafkaConsumer(bootstrap_servers=BOOTSTRAP, isolation_level="read_committed", consumer_timeout_ms=5000)
reader.assign([TopicPartition(TARGET, 0)])
reader.seek_to_beginning()
print("target, committed only:", [r.value for r in reader])
reader.close()
