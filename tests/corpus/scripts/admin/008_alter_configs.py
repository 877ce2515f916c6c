"""alter_configs (non-incremental AlterConfigs) replaces the topic's overrides with the given set;
describe_configs shows the result."""
import os

from kafka.admin import ConfigResource, ConfigResourceType, KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "geaendert" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1, "configs": {"retention.ms": "100000"}}})
result = admin.alter_configs([ConfigResource(ConfigResourceType.TOPIC, TOPIC, configs={"segment.ms": "600000"})],
                             incremental=False)
print("result:", {k: {n.replace(os.environ.get("CORPUS_RUN_ID", ""), ""): v for n, v in r.items()} for k, r in result.items()})
entries = admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, TOPIC)])["topic"][TOPIC]
print("overrides now:", sorted((k, e["value"]) for k, e in entries.items()))
admin.close()
