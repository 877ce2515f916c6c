"""Lab 0 – create the topic "aktienkurse" with three partitions.

Without this step the broker creates the topic on the first record it receives,
but with only one partition (broker setting num.partitions=1).
"""
import os

from kafka.admin import KafkaAdminClient, NewTopic
from kafka.errors import TopicAlreadyExistsError

BOOTSTRAP_SERVERS = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "aktienkurse"

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP_SERVERS)
try:
    # One broker can hold only one copy of each partition: replication factor 1.
    admin.create_topics([NewTopic(TOPIC, num_partitions=3, replication_factor=1)])
    print(f"Topic {TOPIC} mit 3 Partitionen angelegt.")
except TopicAlreadyExistsError:
    print(f"Topic {TOPIC} gibt es schon.")
finally:
    admin.close()
