"""Which partition does each key land on, and which offsets do the records get?"""
import os

from kafka import KafkaProducer
from kafka.admin import KafkaAdminClient, NewTopic

BOOTSTRAP_SERVERS = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP_SERVERS)
admin.create_topics([NewTopic("p-keys", num_partitions=6, replication_factor=1)])
admin.close()

producer = KafkaProducer(bootstrap_servers=BOOTSTRAP_SERVERS)
keys = ["", "abc", "key", "user-42", "21", "foobar", "SAP", "SIE", "ALV", "BAS", "BMW", "DTE"]
for round_number in range(2):
    for key in keys:
        metadata = producer.send("p-keys", key=key.encode(), value=b"x").get(timeout=10)
        print(f"key={key!r} partition={metadata.partition} offset={metadata.offset} topic={metadata.topic}")
# An explicit partition wins over the key.
metadata = producer.send("p-keys", key=b"SAP", value=b"y", partition=5).get(timeout=10)
print(f"explicit partition={metadata.partition} offset={metadata.offset}")
producer.close()
