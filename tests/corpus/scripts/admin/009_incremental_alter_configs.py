"""Incremental alter (KIP-339): AlterConfigOp SET / DELETE change single keys and keep the others."""
import os
import time

from kafka.admin import AlterConfigOp, ConfigResource, ConfigResourceType, KafkaAdminClient


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
TOPIC = "schrittweise" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1,
                             "configs": {"retention.ms": "100000", "segment.ms": "700000"}}}, wait_for_metadata=True)
wait_until_described(admin, TOPIC)
resource = ConfigResource(ConfigResourceType.TOPIC, TOPIC,
                          configs={"retention.ms": (AlterConfigOp.SET, "200000"),
                                   "segment.ms": (AlterConfigOp.DELETE, None),
                                   "max.message.bytes": (AlterConfigOp.SET, "50000")})
admin.alter_configs([resource], incremental=True)
entries = admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, TOPIC)])["topic"][TOPIC]
print("overrides now:", sorted((k, e["value"]) for k, e in entries.items()))
admin.close()
