"""delete_groups removes an empty group with its offsets; a group with members is
NonEmptyGroupError, an unknown one GroupIdNotFoundError."""
import os
import time

from kafka import KafkaConsumer, OffsetAndMetadata, TopicPartition
from kafka.admin import KafkaAdminClient
from kafka.errors import KafkaError

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")
TOPIC = "gruppen-loeschen" + RUN

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}}, wait_for_metadata=True)
empty = KafkaConsumer(bootstrap_servers=BOOTSTRAP, group_id="leer" + RUN, enable_auto_commit=False)
empty.assign([TopicPartition(TOPIC, 0)])
empty.commit({TopicPartition(TOPIC, 0): OffsetAndMetadata(0, "", -1)})
empty.close()
busy = KafkaConsumer(TOPIC, bootstrap_servers=BOOTSTRAP, group_id="aktiv" + RUN)
busy.partitions_for_topic(TOPIC)
deadline = time.monotonic() + 30
while not busy.assignment() and time.monotonic() < deadline:
    busy.poll(timeout_ms=200)

for group in ("leer", "aktiv", "unbekannt"):
    try:
        result = admin.delete_groups([group + RUN])
        print(group, "->", {k.replace(RUN, ""): v for k, v in result.items()})
    except KafkaError as error:
        print(group, "->", type(error).__name__)
print("still listed:", sorted(g["group_id"].replace(RUN, "") for g in admin.list_groups() if g["group_id"].endswith(RUN)))
busy.close()
admin.close()
