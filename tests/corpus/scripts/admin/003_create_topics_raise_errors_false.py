"""create_topics(..., raise_errors=False) returns the per-topic error codes instead of raising;
validate_only=True checks without creating."""
import os

from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({"da" + RUN: {"num_partitions": 1, "replication_factor": 1}})
response = admin.create_topics({"da" + RUN: {"num_partitions": 1, "replication_factor": 1},
                                "neu" + RUN: {"num_partitions": 2, "replication_factor": 1}}, raise_errors=False)
topics = response["topics"] if isinstance(response, dict) else response.topics
for topic in sorted(topics, key=lambda t: t["name"] if isinstance(t, dict) else t.name):
    name = topic["name"] if isinstance(topic, dict) else topic.name
    code = topic["error_code"] if isinstance(topic, dict) else topic.error_code
    print(name.replace(RUN, ""), "-> error code", code)
admin.create_topics({"nur-pruefen" + RUN: {"num_partitions": 1, "replication_factor": 1}}, validate_only=True)
print("validate_only created it:", "nur-pruefen" + RUN in admin.list_topics())
admin.close()
