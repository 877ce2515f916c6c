# Übung 4: Ein Kurs mit acks="all" – danach stürzt der Leader ab.
# Führen Sie das Skript aus und lassen Sie dann den Leader von Partition 0 abstürzen
# (Knopf „Absturz“ beim Broker). Probieren Sie es danach auch mit acks=1.
from kafka import DefaultSerializer, JsonSerializer, KafkaProducer

producer = KafkaProducer(
    bootstrap_servers="localhost:9092",
    acks="all",  # bestätigt erst, wenn alle Replikate der ISR den Kurs haben
    key_serializer=DefaultSerializer(),
    value_serializer=JsonSerializer(),
)

kurs = {"symbol": "SAP", "price": 232.00, "currency": "EUR"}
metadaten = producer.send("aktienkurse", key="SAP", value=kurs).get(timeout=10)
print(f"Bestätigt: Partition {metadaten.partition}, Offset {metadaten.offset}")
producer.close()
