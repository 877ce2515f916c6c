"""Höchstens einmal: erst committen, dann verarbeiten (manuelle Commits)."""
# --8<-- [start:code]
import os

from kafka import JsonSerializer, KafkaConsumer

BOOTSTRAP_SERVERS = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")

consumer = KafkaConsumer(
    "aktienkurse",
    bootstrap_servers=BOOTSTRAP_SERVERS,
    group_id="depot-anna-hoechstens-einmal",
    auto_offset_reset="earliest",
    enable_auto_commit=False,  # wir entscheiden, wann ein Offset als erledigt gilt
    value_deserializer=JsonSerializer(),
)

for runde in range(10):
    datensaetze = consumer.poll(timeout_ms=1_000)
    if datensaetze:
        # Schon jetzt: Ein Absturz während der Verarbeitung verliert diese Datensätze.
        consumer.commit()
    for records in datensaetze.values():
        for record in records:
            ort = f"Partition {record.partition}, Offset {record.offset}"
            print(f"{ort}: {record.value['price']}")
consumer.close()
# --8<-- [end:code]
