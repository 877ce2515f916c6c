"""KafkaAdminClient.remove_group_members (KIP-345): an administrator removes members from a group,
a dynamic one by its member id and a static one by its group_instance_id, each answered with its
own error class; an unknown member id is answered with UnknownMemberIdError. The group then
holds only the member not removed."""
import os
import time

from kafka import KafkaConsumer
from kafka.admin import KafkaAdminClient, MemberToRemove

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")
TOPIC, GROUP = "entfernen" + RUN, "entfernen" + RUN

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 3, "replication_factor": 1}}, wait_for_metadata=True)


def member(**settings):
    consumer = KafkaConsumer(TOPIC, bootstrap_servers=BOOTSTRAP, group_id=GROUP, heartbeat_interval_ms=500,
                             **settings)
    consumer.partitions_for_topic(TOPIC)      # kafka-python 3.0.12: metadata before the first poll
    return consumer


consumers = [member(), member(group_instance_id="kasse-1"), member()]
deadline = time.monotonic() + 60
while time.monotonic() < deadline:
    for consumer in consumers:
        consumer.poll(timeout_ms=100)
    if sum(len(c.assignment()) for c in consumers) == 3 and all(c.assignment() for c in consumers):
        break
description = admin.describe_groups([GROUP])[GROUP]
members = description["members"]
print("members before:", len(members), description["group_state"])
dynamic = sorted(m["member_id"] for m in members if m["group_instance_id"] is None)
removed_id, kept_id = dynamic[0], dynamic[1]

result = admin.remove_group_members(GROUP, [MemberToRemove(member_id=removed_id),
                                            MemberToRemove(group_instance_id="kasse-1"),
                                            MemberToRemove(member_id="gibt-es-nicht")])
names = {removed_id: "dynamic member", "kasse-1": "static member", "gibt-es-nicht": "unknown id"}
for key in sorted(result, key=lambda k: names.get(k, k)):
    print(names.get(key, "?"), "->", result[key].__name__)

after = admin.describe_groups([GROUP])[GROUP]
print("members after:", [names.get(m["member_id"], "the other member" if m["member_id"] == kept_id else "?")
                         for m in after["members"]])
print("empty list:", admin.remove_group_members(GROUP, []))
for consumer in consumers:
    consumer.close(autocommit=False)
admin.close()
