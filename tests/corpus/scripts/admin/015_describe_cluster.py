"""describe_cluster returns brokers, controller_id and cluster_id (kafka-python admin docs)."""
import os

from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
cluster = admin.describe_cluster()
print("keys:", sorted(cluster))
print("brokers:", len(cluster["brokers"]), "| broker keys:", sorted(cluster["brokers"][0]))
print("controller is a broker:", cluster["controller_id"] in [b["broker_id"] for b in cluster["brokers"]])
print("cluster id is a str:", isinstance(cluster["cluster_id"], str))
print("fenced:", [b["is_fenced"] for b in cluster["brokers"]], "| rack:", [b["rack"] for b in cluster["brokers"]])
admin.close()
