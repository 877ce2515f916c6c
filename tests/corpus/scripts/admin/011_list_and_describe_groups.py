"""list_groups / describe_groups (kafka-python admin docs): a group with one member is Stable with
protocol 'range'; its member's assignment lists the partitions."""
import os
import time

from kafka import KafkaConsumer
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")
TOPIC, GROUP = "gruppenliste" + RUN, "gruppenliste" + RUN

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 2, "replication_factor": 1}}, wait_for_metadata=True)
consumer = KafkaConsumer(TOPIC, bootstrap_servers=BOOTSTRAP, group_id=GROUP, client_id="depot-1")
consumer.partitions_for_topic(TOPIC)
deadline = time.monotonic() + 30
while not consumer.assignment() and time.monotonic() < deadline:
    consumer.poll(timeout_ms=200)

listed = [g for g in admin.list_groups() if g["group_id"] == GROUP]
print("listed:", [(g["protocol_type"], g["group_state"], g["group_type"]) for g in listed])
group = admin.describe_groups([GROUP])[GROUP]
print("state:", group["group_state"], "| protocol:", group["protocol_type"], group["protocol_data"])
for member in group["members"]:
    print("member client_id:", member["client_id"], "| instance:", member["group_instance_id"],
          "| id starts with client_id:", member["member_id"].startswith("depot-1-"),
          "| topics:", [t.replace(RUN, "") for t in member["member_metadata"]["topics"]],
          "| assigned:", [(a["topic"].replace(RUN, ""), sorted(a["partitions"]))
                          for a in member["member_assignment"]["assigned_partitions"]])
consumer.close()
print("after close:", admin.describe_groups([GROUP])[GROUP]["group_state"])
admin.close()
