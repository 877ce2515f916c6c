"""create_topics accepts a dict {name: {num_partitions, replication_factor, configs}} (kafka-python 3.0
docs), a list of names (broker defaults) and the deprecated [NewTopic(...)]; describe_topics shows them."""
import os
import warnings

from kafka.admin import KafkaAdminClient, NewTopic

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({"als-dict" + RUN: {"num_partitions": 3, "replication_factor": 1}})
admin.create_topics(["als-name" + RUN])
with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    admin.create_topics([NewTopic("als-newtopic" + RUN, num_partitions=2, replication_factor=1)])
names = ["als-dict" + RUN, "als-name" + RUN, "als-newtopic" + RUN]
admin.wait_for_topics(names)
for description in sorted(admin.describe_topics(names), key=lambda d: d["name"]):
    partitions = sorted(description["partitions"], key=lambda p: p["partition_index"])
    print(description["name"].replace(RUN, ""), "| partitions:", [p["partition_index"] for p in partitions],
          "| leaders:", [p["leader_id"] for p in partitions], "| replicas:", [p["replica_nodes"] for p in partitions],
          "| isr:", [p["isr_nodes"] for p in partitions], "| internal:", description["is_internal"],
          "| error:", description["error_code"])
admin.close()
