"""Ein kompaktiertes Topic: je Aktie der letzte Kurs; ein Tombstone löscht eine Aktie.

Legt das Topic so an, wie kafka-python 3.0 es dokumentiert (ein Dictionary je
Topic), schreibt zwei Kurse für SAP und einen Tombstone für DTE.
"""
# --8<-- [start:code]
import os

from kafka import DefaultSerializer, JsonSerializer, KafkaAdminClient, KafkaProducer
from kafka.errors import TopicAlreadyExistsError

BOOTSTRAP_SERVERS = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP_SERVERS)
try:
    # Je Topic ein Dictionary (NewTopic gilt seit kafka-python 3.0 als veraltet).
    admin.create_topics(
        {"letzte-kurse": {"num_partitions": 3, "replication_factor": 1,
                          "configs": {"cleanup.policy": "compact"}}},
        wait_for_metadata=True,  # erst zurückkehren, wenn jede Partition einen Leader hat
    )
    print("Topic letzte-kurse angelegt (cleanup.policy=compact).")
except TopicAlreadyExistsError:
    print("Topic letzte-kurse gibt es schon.")
finally:
    admin.close()

producer = KafkaProducer(
    bootstrap_servers=BOOTSTRAP_SERVERS,
    key_serializer=DefaultSerializer(),
    value_serializer=JsonSerializer(),  # None bleibt None: so entsteht ein Tombstone
)
kurs = {"symbol": "SAP", "price": 231.40, "currency": "EUR"}
producer.send("letzte-kurse", key="SAP", value=kurs)
# Gleicher Schlüssel: Nach der Kompaktierung bleibt nur dieser Kurs übrig.
producer.send("letzte-kurse", key="SAP", value={**kurs, "price": 232.10})
# Tombstone: Schlüssel DTE, Wert None (nicht leer!). Die Kompaktierung entfernt DTE.
metadata = producer.send("letzte-kurse", key="DTE", value=None).get(timeout=10)
print(f"DTE -> Partition {metadata.partition}, Offset {metadata.offset} (Tombstone)")
producer.close()
# --8<-- [end:code]
