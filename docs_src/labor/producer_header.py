# Übung: zehn Kurse der SAP-Aktie, alle in einer Partition,
# jeder mit dem Header quelle=xetra.
# Führen Sie das Skript aus und sehen Sie nach, wo die Kurse landen. Ergänzen Sie dann
# send() um einen Schlüssel und einen Header.
from kafka import DefaultSerializer, JsonSerializer, KafkaProducer

producer = KafkaProducer(
    bootstrap_servers="localhost:9092",
    key_serializer=DefaultSerializer(),  # Schlüssel: str -> UTF-8-Bytes
    value_serializer=JsonSerializer(),  # Wert: dict -> JSON-Bytes
)

for i in range(10):
    kurs = {"symbol": "SAP", "price": round(231.00 + i * 0.10, 2), "currency": "EUR"}
    metadaten = producer.send("aktienkurse", value=kurs).get(timeout=10)
    print(f"SAP {kurs['price']:.2f} EUR -> Partition {metadaten.partition}, "
          f"Offset {metadaten.offset}")

producer.close()
