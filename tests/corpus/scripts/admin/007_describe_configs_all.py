"""describe_configs(config_filter='all') lists every topic-level config of Kafka 4.x with its default."""
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
TOPIC = "alle-einstellungen" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}}, wait_for_metadata=True)
wait_until_described(admin, TOPIC)
entries = admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, TOPIC)], config_filter="all")["topic"][TOPIC]
print("count:", len(entries))
for key in sorted(entries):
    print(key, "=", entries[key]["value"], "|", entries[key]["config_source"])
admin.close()
