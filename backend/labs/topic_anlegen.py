"""Labor 0 – das Topic "aktienkurse" mit drei Partitionen anlegen.

Ohne diesen Schritt legt der Broker das Topic beim ersten Datensatz selbst an, aber mit
nur einer Partition (Broker-Einstellung num.partitions=1).
"""
import os

from kafka import KafkaAdminClient
from kafka.errors import TopicAlreadyExistsError

BOOTSTRAP_SERVERS = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "aktienkurse"

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP_SERVERS)
try:
    # Je Topic ein Dictionary mit seinen Einstellungen (NewTopic gilt seit kafka-python 3.0 als
    # veraltet). Ein einzelner Broker kann jede Partition nur einmal halten: Replikationsfaktor 1.
    admin.create_topics(
        {TOPIC: {"num_partitions": 3, "replication_factor": 1}},
        wait_for_metadata=True,  # erst zurückkehren, wenn jede Partition einen Leader hat
    )
    print(f"Topic {TOPIC} mit 3 Partitionen angelegt.")
except TopicAlreadyExistsError:
    print(f"Topic {TOPIC} gibt es schon.")
finally:
    admin.close()
