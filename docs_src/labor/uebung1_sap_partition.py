# Übung 1: Drei Kurse der SAP-Aktie sollen in derselben Partition landen.
# Führen Sie das Skript aus und sehen Sie nach, wo die Kurse landen. Ändern Sie dann
# den Aufruf von send() so, dass alle drei sicher in derselben Partition liegen.
from kafka import DefaultSerializer, JsonSerializer, KafkaProducer

producer = KafkaProducer(
    bootstrap_servers="localhost:9092",
    key_serializer=DefaultSerializer(),  # Schlüssel: str -> UTF-8-Bytes
    value_serializer=JsonSerializer(),  # Wert: dict -> JSON-Bytes
)

for preis in (231.10, 231.25, 231.40):
    kurs = {"symbol": "SAP", "price": preis, "currency": "EUR"}
    metadaten = producer.send("aktienkurse", value=kurs).get(timeout=10)
    print(f"SAP {preis:.2f} EUR -> Partition {metadaten.partition}, "
          f"Offset {metadaten.offset}")

producer.close()
