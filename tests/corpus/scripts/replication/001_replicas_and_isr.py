# corpus: cluster
"""A topic with replication_factor 3 on three brokers: every partition has three replicas, all in
the ISR, and the leader is one of them (Kafka docs, Replication)."""
import os

from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "repliziert" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 3, "replication_factor": 3}}, wait_for_metadata=True)
for partition in sorted(admin.describe_topics([TOPIC])[0]["partitions"], key=lambda p: p["partition_index"]):
    print(partition["partition_index"], "| replicas:", len(partition["replica_nodes"]),
          "| isr == replicas:", sorted(partition["isr_nodes"]) == sorted(partition["replica_nodes"]),
          "| leader in isr:", partition["leader_id"] in partition["isr_nodes"],
          "| leader is first replica:", partition["leader_id"] == partition["replica_nodes"][0])
leaders = [p["leader_id"] for p in admin.describe_topics([TOPIC])[0]["partitions"]]
print("leaders spread over brokers:", len(set(leaders)))
admin.close()
