"""Step 3 of the Börse: asynchronous sending with callbacks, flush at the end."""
# --8<-- [start:code]
import os
import random

from kafka import DefaultSerializer, JsonSerializer, KafkaProducer

BOOTSTRAP_SERVERS = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")

producer = KafkaProducer(
    bootstrap_servers=BOOTSTRAP_SERVERS,
    key_serializer=DefaultSerializer(),
    value_serializer=JsonSerializer(),
    linger_ms=5,  # wait up to 5 ms so that several prices share one batch
)


def bestaetigt(metadata):
    print(f"bestätigt: Partition {metadata.partition}, Offset {metadata.offset}")


def fehlgeschlagen(fehler):
    print(f"nicht gespeichert: {fehler!r}")


preis = 231.40
for _ in range(10):
    preis = round(preis * random.uniform(0.99, 1.01), 2)
    kurs = {"symbol": "SAP", "price": preis}
    future = producer.send("aktienkurse", key="SAP", value=kurs)
    future.add_callback(bestaetigt)  # called once the broker has acknowledged
    future.add_errback(fehlgeschlagen)  # called if the record could not be stored

producer.flush()  # waits until every buffered price has been acknowledged
producer.close()
# --8<-- [end:code]
