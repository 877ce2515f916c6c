"""alter_configs (non-incremental AlterConfigs) replaces the topic's overrides with the given set;
describe_configs shows the result."""
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
TOPIC = "geaendert" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1, "configs": {"retention.ms": "100000"}}}, wait_for_metadata=True)
wait_until_described(admin, TOPIC)
result = admin.alter_configs([ConfigResource(ConfigResourceType.TOPIC, TOPIC, configs={"segment.ms": "600000"})],
                             incremental=False)
print("result:", {k: {n.replace(os.environ.get("CORPUS_RUN_ID", ""), ""): v for n, v in r.items()} for k, r in result.items()})
entries = admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, TOPIC)])["topic"][TOPIC]
print("overrides now:", sorted((k, e["value"]) for k, e in entries.items()))
admin.close()
