"""Each topic-level config given at create time is stored and shown by describe_configs with
config_source DYNAMIC_TOPIC_CONFIG (Kafka topic-config docs)."""
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
TOPIC = "viele-einstellungen" + os.environ.get("CORPUS_RUN_ID", "")

configs = {
    "cleanup.policy": "compact,delete", "compression.type": "gzip", "delete.retention.ms": "1000",
    "max.message.bytes": "200000", "message.timestamp.type": "LogAppendTime", "min.insync.replicas": "1",
    "retention.bytes": "1048576", "retention.ms": "60000", "segment.bytes": "1048576", "segment.ms": "3600000",
    "unclean.leader.election.enable": "true", "min.cleanable.dirty.ratio": "0.1", "preallocate": "false",
}
admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1, "configs": configs}}, wait_for_metadata=True)
wait_until_described(admin, TOPIC)
entries = admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, TOPIC)])["topic"][TOPIC]
for key in sorted(configs):
    print(key, "=", entries[key]["value"], "|", entries[key]["config_source"])
print("nothing else:", sorted(set(entries) - set(configs)))
admin.close()
