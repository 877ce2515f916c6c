"""Schritt 1 der Börse: ein Kurs, als Bytes gesendet, und die Antwort des Brokers."""
# --8<-- [start:code]
import os

from kafka import KafkaProducer

BOOTSTRAP_SERVERS = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")

producer = KafkaProducer(bootstrap_servers=BOOTSTRAP_SERVERS)

# Ohne Serialisierer nimmt der Producer nur Bytes an: b"..." statt "...".
wert = b'{"symbol": "SAP", "price": 231.40, "currency": "EUR"}'
future = producer.send("aktienkurse", key=b"SAP", value=wert)
metadata = future.get(timeout=10)  # wartet, bis der Broker den Datensatz bestätigt hat
print(f"Gespeichert in Partition {metadata.partition} mit Offset {metadata.offset}")

producer.close()
# --8<-- [end:code]
