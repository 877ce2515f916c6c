"""Incremental alter (KIP-339): AlterConfigOp SET / DELETE change single keys and keep the others."""
import os

from kafka.admin import AlterConfigOp, ConfigResource, ConfigResourceType, KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "schrittweise" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1,
                             "configs": {"retention.ms": "100000", "segment.ms": "700000"}}})
resource = ConfigResource(ConfigResourceType.TOPIC, TOPIC,
                          configs={"retention.ms": (AlterConfigOp.SET, "200000"),
                                   "segment.ms": (AlterConfigOp.DELETE, None),
                                   "max.message.bytes": (AlterConfigOp.SET, "50000")})
admin.alter_configs([resource], incremental=True)
entries = admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, TOPIC)])["topic"][TOPIC]
print("overrides now:", sorted((k, e["value"]) for k, e in entries.items()))
admin.close()
