"""list_topics() lists user topics (and internal ones once they exist); describe_topics() of an unknown
topic reports UnknownTopicOrPartitionError."""
import os

from kafka.admin import KafkaAdminClient
from kafka.errors import KafkaError

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({"liste-a" + RUN: {"num_partitions": 1, "replication_factor": 1},
                     "liste-b" + RUN: {"num_partitions": 1, "replication_factor": 1}}, wait_for_metadata=True)
topics = admin.list_topics()
print("type:", type(topics).__name__, "| mine:", sorted(t.replace(RUN, "") for t in topics if t.endswith(RUN)))
try:
    result = admin.describe_topics(["fehlt" + RUN])
    print("describe unknown ->", [d["error_code"] for d in result])
except KafkaError as error:
    print("describe unknown ->", type(error).__name__)
admin.close()
