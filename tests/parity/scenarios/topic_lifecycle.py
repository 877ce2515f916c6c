"""Create, describe, delete and re-create a topic through the admin client."""
import os
import time

from kafka.admin import KafkaAdminClient, NewTopic

BOOTSTRAP_SERVERS = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "p-lifecycle"

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP_SERVERS)
admin.create_topics([NewTopic(TOPIC, num_partitions=4, replication_factor=1)])
[topic] = admin.describe_topics([TOPIC])
print("partitions:", sorted(p["partition_index"] for p in topic["partitions"]))
print("leaders:", sorted(p["leader_id"] for p in topic["partitions"]))
print("replicas:", sorted(p["replica_nodes"] for p in topic["partitions"]))
print("isr:", sorted(p["isr_nodes"] for p in topic["partitions"]))
print("internal:", topic["is_internal"])
print("listed:", TOPIC in admin.list_topics())
admin.delete_topics([TOPIC])
deadline = time.monotonic() + 30
while TOPIC in admin.list_topics() and time.monotonic() < deadline:
    time.sleep(0.2)
print("listed after delete:", TOPIC in admin.list_topics())
# Deleting takes a moment on a real broker; re-create until the old one is gone.
while time.monotonic() < deadline:
    try:
        admin.create_topics([NewTopic(TOPIC, num_partitions=2, replication_factor=1)])
        break
    except Exception:
        time.sleep(0.2)
# The new topic's metadata reaches the broker's cache a moment after the create request returns.
partitions = []
while not partitions and time.monotonic() < deadline:
    partitions = admin.describe_topics([TOPIC])[0]["partitions"]
print("partitions after re-create:", len(partitions))
admin.close()
