"""Eine zweite Anwendung: Die eigene Gruppe "kursalarm" bekommt ebenfalls jeden Kurs."""
# --8<-- [start:code]
import os

from kafka import DefaultSerializer, JsonSerializer, KafkaConsumer

BOOTSTRAP_SERVERS = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
ALARM_AB = {"SAP": 230.00, "BMW": 80.00}  # Kurse ab diesen Grenzen melden

consumer = KafkaConsumer(
    "aktienkurse",
    bootstrap_servers=BOOTSTRAP_SERVERS,
    group_id="kursalarm",  # eine andere Gruppe: eigene Offsets, alle Partitionen
    auto_offset_reset="earliest",
    key_deserializer=DefaultSerializer(),
    value_deserializer=JsonSerializer(),
    consumer_timeout_ms=10_000,
)

for record in consumer:
    grenze = ALARM_AB.get(record.key)
    if grenze is not None and record.value["price"] >= grenze:
        preis = record.value["price"]
        print(f"Kursalarm: {record.key} steht bei {preis:.2f} EUR (Grenze {grenze:.2f})")

consumer.close()
# --8<-- [end:code]
