"""KafkaAdminClient.list_config_resources (KIP-1142, Kafka 4.1+): which resources have configs, by
type: every topic (the internal __consumer_offsets too, once it exists), every broker as 'broker'
and as 'broker_logger', by id. A filter by type name or ConfigResourceType keeps only those."""
import os

from kafka.admin import ConfigResourceType, KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")
MINE = {"einstellungen-a" + RUN: "einstellungen-a", "einstellungen-b" + RUN: "einstellungen-b"}

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({name: {"num_partitions": 1, "replication_factor": 1} for name in MINE},
                    wait_for_metadata=True)


def show(listed):
    # The shared broker holds other scripts' topics too: only this script's are printed.
    print("  types:", sorted(listed))
    print("  my topics:", sorted(MINE[t] for t in listed.get("topic", []) if t in MINE))
    print("  brokers:", sorted(listed.get("broker", [])), "loggers:", sorted(listed.get("broker_logger", [])))


print("everything:")
show(admin.list_config_resources())
print("only topics (by name):")
show(admin.list_config_resources(["TOPIC"]))
print("brokers and groups (by ConfigResourceType):")
show(admin.list_config_resources([ConfigResourceType.BROKER, ConfigResourceType.GROUP]))
admin.close()
