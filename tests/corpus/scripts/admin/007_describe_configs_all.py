"""describe_configs(config_filter='all') lists every topic-level config of Kafka 4.x with its default."""
import os

from kafka.admin import ConfigResource, ConfigResourceType, KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "alle-einstellungen" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}})
entries = admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, TOPIC)], config_filter="all")["topic"][TOPIC]
print("count:", len(entries))
for key in sorted(entries):
    print(key, "=", entries[key]["value"], "|", entries[key]["config_source"])
admin.close()
