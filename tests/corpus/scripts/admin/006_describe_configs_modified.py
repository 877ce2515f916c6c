"""describe_configs with the default config_filter='modified' shows only what the topic overrides,
with the fields kafka-python returns (value, config_source, read_only, is_sensitive, config_type)."""
import os
import time

from kafka.admin import ConfigResource, ConfigResourceType, KafkaAdminClient


def wait_until_described(admin, topic):
    """Right after create_topics the broker may not serve the new topic's configs yet: DescribeConfigs
    then answers with none, and kafka-python's alter_configs refuses every key as "Unrecognized"
    (seen on a loaded machine, also with wait_for_metadata=True). Ask until the configs are there."""
    resource = ConfigResource(ConfigResourceType.TOPIC, topic)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if admin.describe_configs([resource], config_filter="all").get("topic", {}).get(topic):
            return
        time.sleep(0.2)


BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")
TOPIC = "beschrieben" + RUN

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1,
                             "configs": {"retention.ms": "3600000", "cleanup.policy": "compact"}}}, wait_for_metadata=True)
wait_until_described(admin, TOPIC)
result = admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, TOPIC)])
print("resource types:", list(result))
for key, entry in sorted(result["topic"][TOPIC].items()):
    print(key, "=", entry["value"], "|", entry["config_source"], "| read_only:", entry["read_only"],
          "| sensitive:", entry["is_sensitive"], "| type:", entry["config_type"])
admin.close()
