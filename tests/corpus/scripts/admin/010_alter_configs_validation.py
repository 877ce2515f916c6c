"""Bad values in alter_configs are refused by the broker (InvalidConfigurationError, InvalidRequestError);
validate_only=True checks without changing anything."""
import os
import time

from kafka.admin import AlterConfigOp, ConfigResource, ConfigResourceType, KafkaAdminClient
from kafka.errors import KafkaError


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
TOPIC = "pruefung" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}}, wait_for_metadata=True)
wait_until_described(admin, TOPIC)
for label, configs in (("cleanup.policy bad", {"cleanup.policy": (AlterConfigOp.SET, "wegwerfen")}),
                       ("retention.ms text", {"retention.ms": (AlterConfigOp.SET, "lang")}),
                       ("min.insync.replicas 0", {"min.insync.replicas": (AlterConfigOp.SET, "0")}),
                       ("unknown key", {"gibt.es.nicht": (AlterConfigOp.SET, "1")})):
    try:
        admin.alter_configs([ConfigResource(ConfigResourceType.TOPIC, TOPIC, configs=configs)], incremental=True)
        print(label, "-> ok")
    except (KafkaError, ValueError) as error:
        print(label, "->", type(error).__name__)
admin.alter_configs([ConfigResource(ConfigResourceType.TOPIC, TOPIC,
                                    configs={"retention.ms": (AlterConfigOp.SET, "5000")})],
                    incremental=True, validate_only=True)
entries = admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, TOPIC)])["topic"][TOPIC]
print("overrides after validate_only:", sorted(entries))
admin.close()
