"""Labor 0 – das Topic "aktienkurse" mit drei Partitionen anlegen.

Ohne diesen Schritt legt der Broker das Topic beim ersten Datensatz selbst an, aber mit
nur einer Partition (Broker-Einstellung num.partitions=1).
"""
import os

from kafka.admin import KafkaAdminClient, NewTopic
from kafka.errors import TopicAlreadyExistsError

BOOTSTRAP_SERVERS = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "aktienkurse"

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP_SERVERS)
try:
    # Ein einzelner Broker kann jede Partition nur einmal halten: Replikationsfaktor 1.
    admin.create_topics([NewTopic(TOPIC, num_partitions=3, replication_factor=1)])
    print(f"Topic {TOPIC} mit 3 Partitionen angelegt.")
except TopicAlreadyExistsError:
    print(f"Topic {TOPIC} gibt es schon.")
finally:
    admin.close()
