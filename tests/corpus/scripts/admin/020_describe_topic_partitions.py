"""KafkaAdminClient.describe_topic_partitions (KIP-966, DescribeTopicPartitions): the topics come
back sorted by name, an unknown one in its place with error code 3 (UNKNOWN_TOPIC_OR_PARTITION);
response_partition_limit pages by partitions, and the returned cursor continues where the page
ended."""
import os

from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")
NAMES = {"zweig" + RUN: "zweig", "ast" + RUN: "ast", "gibt-es-nicht" + RUN: "gibt-es-nicht"}

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({"zweig" + RUN: {"num_partitions": 3, "replication_factor": 1},
                     "ast" + RUN: {"num_partitions": 2, "replication_factor": 1}}, wait_for_metadata=True)


def show(page):
    for topic in page["topics"]:
        print(" ", NAMES[topic["name"]], "error", topic["error_code"], "internal", topic["is_internal"],
              "has id", topic["topic_id"] is not None, "operations", topic["topic_authorized_operations"])
        for p in topic["partitions"]:
            print("    partition", p["partition_index"], "error", p["error_code"], "leader", p["leader_id"],
                  "epoch", p["leader_epoch"], "replicas", p["replica_nodes"], "isr", p["isr_nodes"],
                  "elr", p["eligible_leader_replicas"], "last elr", p["last_known_elr"],
                  "offline", p["offline_replicas"])
    cursor = page["next_cursor"]
    print("  next cursor:", None if cursor is None else (NAMES[cursor["topic_name"]], cursor["partition_index"]))
    return cursor


print("all three:")
show(admin.describe_topic_partitions(["zweig" + RUN, "gibt-es-nicht" + RUN, "ast" + RUN]))
print("pages of 2 partitions:")
cursor, pages = None, 0
while True:
    page = admin.describe_topic_partitions(["zweig" + RUN, "ast" + RUN], response_partition_limit=2, cursor=cursor)
    pages += 1
    print(" page", pages)
    cursor = show(page)
    if cursor is None or pages == 5:
        break
ids = {t["name"]: t["topic_id"] for t in admin.describe_topic_partitions(["ast" + RUN])["topics"]}
again = {t["name"]: t["topic_id"] for t in admin.describe_topic_partitions(["ast" + RUN])["topics"]}
print("topic id stays the same:", ids == again)
admin.close()
