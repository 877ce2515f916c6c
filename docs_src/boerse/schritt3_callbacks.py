"""Schritt 3 der Börse: asynchron senden mit Rückruffunktionen, flush() am Ende."""
# --8<-- [start:code]
import os
import random

from kafka import DefaultSerializer, JsonSerializer, KafkaProducer

BOOTSTRAP_SERVERS = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")

producer = KafkaProducer(
    bootstrap_servers=BOOTSTRAP_SERVERS,
    key_serializer=DefaultSerializer(),
    value_serializer=JsonSerializer(),
    linger_ms=5,  # bis zu 5 ms warten, damit mehrere Kurse in einen Batch passen
)


def bestaetigt(metadata):
    print(f"bestätigt: Partition {metadata.partition}, Offset {metadata.offset}")


def fehlgeschlagen(fehler):
    print(f"nicht gespeichert: {fehler!r}")


preis = 231.40
for _ in range(10):
    preis = round(preis * random.uniform(0.99, 1.01), 2)
    kurs = {"symbol": "SAP", "price": preis, "currency": "EUR"}
    future = producer.send("aktienkurse", key="SAP", value=kurs)
    future.add_callback(bestaetigt)  # aufgerufen, sobald der Broker bestätigt hat
    future.add_errback(fehlgeschlagen)  # aufgerufen, wenn das Senden scheitert

producer.flush()  # wartet, bis jeder gepufferte Kurs bestätigt ist
producer.close()
# --8<-- [end:code]
