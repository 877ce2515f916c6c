"""subscribe(pattern=regex) follows every matching topic (KafkaConsumer.subscribe docstring);
subscription() shows the matched names, topics() lists what the cluster has."""
import os
import time

from kafka import KafkaConsumer, KafkaProducer
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")
GROUP = "muster" + RUN

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({f"kurse-dax{RUN}": {"num_partitions": 1, "replication_factor": 1},
                     f"kurse-mdax{RUN}": {"num_partitions": 1, "replication_factor": 1},
                     f"news{RUN}": {"num_partitions": 1, "replication_factor": 1}}, wait_for_metadata=True)
admin.close()
producer = KafkaProducer(bootstrap_servers=BOOTSTRAP)
for topic in ("kurse-dax", "kurse-mdax", "news"):
    producer.send(topic + RUN, value=topic.encode())
producer.close()

consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, group_id=GROUP, auto_offset_reset="earliest")
consumer.subscribe(pattern=f"^kurse-.*{RUN}$")
values = set()
deadline = time.monotonic() + 20
while len(values) < 2 and time.monotonic() < deadline:
    for records in consumer.poll(timeout_ms=500).values():
        values.update(r.value for r in records)
print("subscription:", sorted(t.replace(RUN, "") for t in consumer.subscription()))
print("values:", sorted(values))
print("topics() has news:", f"news{RUN}" in consumer.topics())
consumer.close()
