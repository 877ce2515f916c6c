"""commit_async(callback=...) commits in the background; the callback gets (offsets, response) and
runs during a later poll (KafkaConsumer.commit_async docstring)."""
import os
import time

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")
TOPIC, GROUP = "nebenbei" + RUN, "async" + RUN

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}})
admin.close()
producer = KafkaProducer(bootstrap_servers=BOOTSTRAP)
for n in range(4):
    producer.send(TOPIC, value=b"%d" % n)
producer.close()

results = []


def on_commit(offsets, response):
    results.append(([(tp.partition, om.offset) for tp, om in offsets.items()],
                    type(response).__name__))


tp = TopicPartition(TOPIC, 0)
consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, group_id=GROUP, enable_auto_commit=False)
consumer.assign([tp])
consumer.seek_to_beginning()
read = 0
while read < 4:
    read += len(consumer.poll(timeout_ms=1000).get(tp, []))
future = consumer.commit_async(callback=on_commit)
deadline = time.monotonic() + 10
while not results and time.monotonic() < deadline:
    consumer.poll(timeout_ms=100)
print("callback:", results, "| future succeeded:", future.succeeded())
print("committed:", consumer.committed(tp))
consumer.close()
