# corpus: cluster
"""describe_configs shows min.insync.replicas of a replicated topic: value 1 from a broker-level source
until it is altered, then DYNAMIC_TOPIC_CONFIG. (Observed on Kafka 4.3.1: the source is
DYNAMIC_DEFAULT_BROKER_CONFIG, a cluster-level default the KRaft controller stores itself.)"""
import os
import time

from kafka.admin import AlterConfigOp, ConfigResource, ConfigResourceType, KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "isr-einstellung" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 3}}, wait_for_metadata=True)
resource = ConfigResource(ConfigResourceType.TOPIC, TOPIC)


def min_isr(until=None):
    # DescribeConfigs goes to any broker; one that has not applied the new topic's metadata (or the
    # altered config) yet answers without entries or with the old value (observed on the 3-broker
    # cluster), so ask again for a while.
    deadline = time.monotonic() + 20
    while True:
        entries = admin.describe_configs([resource], config_filter="all")["topic"][TOPIC]
        entry = entries.get("min.insync.replicas")
        if (entry is not None and until in (None, entry["value"])) or time.monotonic() > deadline:
            return entries["min.insync.replicas"]["value"], entries["min.insync.replicas"]["config_source"]
        time.sleep(0.2)


print("before:", min_isr())
admin.alter_configs([ConfigResource(ConfigResourceType.TOPIC, TOPIC,
                                    configs={"min.insync.replicas": (AlterConfigOp.SET, "2")})], incremental=True)
print("after:", min_isr(until="2"))
admin.close()
