"""delete_topics removes topics; a missing one raises UnknownTopicOrPartitionError."""
import os
import time

from kafka.admin import KafkaAdminClient
from kafka.errors import UnknownTopicOrPartitionError

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({"weg" + RUN: {"num_partitions": 2, "replication_factor": 1},
                     "bleibt" + RUN: {"num_partitions": 1, "replication_factor": 1}}, wait_for_metadata=True)
admin.delete_topics(["weg" + RUN])
deadline = time.monotonic() + 20
while "weg" + RUN in admin.list_topics() and time.monotonic() < deadline:
    time.sleep(0.2)
print("after delete:", sorted(t.replace(RUN, "") for t in admin.list_topics() if t.endswith(RUN)))
try:
    admin.delete_topics(["nie-gewesen" + RUN])
except UnknownTopicOrPartitionError as error:
    print("missing topic ->", type(error).__name__)
admin.close()
