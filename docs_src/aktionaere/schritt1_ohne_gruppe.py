"""Schritt 1 der Aktionär*innen: jeden Kurs einmal lesen, ohne Consumer-Gruppe."""
# --8<-- [start:code]
import os

from kafka import DefaultSerializer, JsonSerializer, KafkaConsumer

BOOTSTRAP_SERVERS = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")

consumer = KafkaConsumer(
    "aktienkurse",
    bootstrap_servers=BOOTSTRAP_SERVERS,
    auto_offset_reset="earliest",  # ohne Gruppe kein gespeicherter Offset: von vorn
    key_deserializer=DefaultSerializer(),
    value_deserializer=JsonSerializer(),
    consumer_timeout_ms=5_000,  # die Schleife endet nach 5 Sekunden ohne neuen Kurs
)

anzahl = 0
for record in consumer:
    anzahl += 1
    ort = f"Partition {record.partition}, Offset {record.offset}"
    print(f"{ort}: {record.key} = {record.value['price']}")

print(f"{anzahl} Kurse gelesen.")
consumer.close()
# --8<-- [end:code]
