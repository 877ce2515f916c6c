"""KafkaAdminClient.elect_leaders (KIP-460): a preferred-replica election (0) for partitions whose
leader already is the preferred replica, and an unclean election (1) for partitions that have a
leader, are answered with ElectionNotNeededError (84) per partition, which kafka-python does not
raise; an unknown topic or partition raises UnknownTopicOrPartitionError."""
import os

from kafka.admin import KafkaAdminClient
from kafka.errors import KafkaError

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")
TOPIC = "wahl" + RUN

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 2, "replication_factor": 1}}, wait_for_metadata=True)


def show(response):
    print("  type:", type(response).__name__, "error_code:", response.error_code)
    for result in response.replica_election_results:
        if result.topic == TOPIC:
            for p in sorted(result.partition_result, key=lambda p: p.partition_id):
                print("  partition", p.partition_id, "error", p.error_code, p.error_message)


print("preferred, both partitions:")
show(admin.elect_leaders(0, {TOPIC: [0, 1]}))
print("unclean, partition 0:")
show(admin.elect_leaders(1, {TOPIC: [0]}))
print("preferred, the topic by name:")
show(admin.elect_leaders(0, [TOPIC]))
print("preferred, every partition of the cluster:")
show(admin.elect_leaders(0))
for label, partitions in (("unknown topic", {"gibt-es-nicht" + RUN: [0]}), ("unknown partition", {TOPIC: [7]})):
    try:
        admin.elect_leaders(0, partitions)
    except KafkaError as error:
        print(label, "->", type(error).__name__)
response = admin.elect_leaders(0, {TOPIC: [7]}, raise_errors=False)
print("without raising:", [(p.partition_id, p.error_code, p.error_message.replace(RUN, ""))
                           for r in response.replica_election_results for p in r.partition_result])
admin.close()
