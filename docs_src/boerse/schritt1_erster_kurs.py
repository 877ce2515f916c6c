"""Step 1 of the Börse: one price, sent as raw bytes, and the broker's answer."""
# --8<-- [start:code]
import os

from kafka import KafkaProducer

BOOTSTRAP_SERVERS = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")

producer = KafkaProducer(bootstrap_servers=BOOTSTRAP_SERVERS)

# Without serializers the producer takes bytes only: b"..." instead of "...".
wert = b'{"symbol": "SAP", "price": 231.40}'
future = producer.send("aktienkurse", key=b"SAP", value=wert)
metadata = future.get(timeout=10)  # waits until the broker has acknowledged the record
print(f"Gespeichert in Partition {metadata.partition} mit Offset {metadata.offset}")

producer.close()
# --8<-- [end:code]
