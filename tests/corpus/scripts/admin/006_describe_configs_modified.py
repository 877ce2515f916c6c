"""describe_configs with the default config_filter='modified' shows only what the topic overrides,
with the fields kafka-python returns (value, config_source, read_only, is_sensitive, config_type)."""
import os

from kafka.admin import ConfigResource, ConfigResourceType, KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")
TOPIC = "beschrieben" + RUN

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1,
                             "configs": {"retention.ms": "3600000", "cleanup.policy": "compact"}}})
result = admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, TOPIC)])
print("resource types:", list(result))
for key, entry in sorted(result["topic"][TOPIC].items()):
    print(key, "=", entry["value"], "|", entry["config_source"], "| read_only:", entry["read_only"],
          "| sensitive:", entry["is_sensitive"], "| type:", entry["config_type"])
admin.close()
