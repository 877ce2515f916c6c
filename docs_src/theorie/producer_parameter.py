"""Die Einstellungen des Producers aus dem Theoriekapitel, jede in einer eigenen Zeile.

Die Kommentare "# (n)!" sind Anker für die Erklärungen, die die Kursseite einblendet.
"""
# --8<-- [start:konfig]
import os

from kafka import DefaultSerializer, JsonSerializer, KafkaProducer

BOOTSTRAP_SERVERS = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")

producer = KafkaProducer(
    bootstrap_servers=BOOTSTRAP_SERVERS,  # (1)!
    key_serializer=DefaultSerializer(),  # (2)!
    value_serializer=JsonSerializer(),  # (3)!
    acks="all",  # (4)!
    enable_idempotence=True,  # (5)!
    linger_ms=5,  # (6)!
    batch_size=16_384,  # (7)!
)
# --8<-- [end:konfig]

# --8<-- [start:senden]
kurs = {"symbol": "SAP", "price": 231.40, "currency": "EUR"}
future = producer.send("aktienkurse", key="SAP", value=kurs)
metadata = future.get(timeout=10)  # wartet auf die Bestätigung des Brokers
print(f"Partition {metadata.partition}, Offset {metadata.offset}")
producer.close()  # schickt ab, was noch im Puffer liegt, und beendet den Sender-Thread
# --8<-- [end:senden]
