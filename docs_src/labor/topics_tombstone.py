# Übung: DTE soll aus dem kompaktierten Topic letzte-kurse verschwinden.
# Das Skript schreibt für DTE einen Kurs von 0 Euro. Führen Sie es aus,
# lassen Sie die Zeit laufen und prüfen Sie. Welcher Wert löscht den Schlüssel wirklich?
from kafka import DefaultSerializer, JsonSerializer, KafkaProducer

producer = KafkaProducer(
    bootstrap_servers="localhost:9092",
    key_serializer=DefaultSerializer(),  # Schlüssel: str -> UTF-8-Bytes
    value_serializer=JsonSerializer(),  # Wert: dict -> JSON-Bytes
)

kurs = {"symbol": "DTE", "price": 0.0, "currency": "EUR"}
metadaten = producer.send("letzte-kurse", key="DTE", value=kurs).get(timeout=10)
print(f"DTE -> Partition {metadaten.partition}, Offset {metadaten.offset}")
producer.close()
