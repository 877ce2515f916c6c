"""Erste Schritte in Python: drei Kurse in das Topic schreiben und wieder lesen."""
# --8<-- [start:code]
import os

from kafka import DefaultSerializer, JsonSerializer, KafkaConsumer, KafkaProducer

BOOTSTRAP_SERVERS = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")

# Der Producer: drei Kurse, der Schlüssel ist das Kürzel der Aktie.
producer = KafkaProducer(
    bootstrap_servers=BOOTSTRAP_SERVERS,
    key_serializer=DefaultSerializer(),  # Text -> UTF-8-Bytes
    value_serializer=JsonSerializer(),  # Dictionary -> JSON -> UTF-8-Bytes
)
for symbol, preis in [("SAP", 231.50), ("SAP", 232.10), ("DTE", 31.07)]:
    kurs = {"symbol": symbol, "price": preis, "currency": "EUR"}
    metadata = producer.send("aktienkurse", key=symbol, value=kurs).get(timeout=10)
    print(f"{symbol} -> Partition {metadata.partition}, Offset {metadata.offset}")
producer.close()

# Der Consumer: liest in der Gruppe depot-anna, beim ersten Mal ab dem ältesten Kurs.
consumer = KafkaConsumer(
    "aktienkurse",
    bootstrap_servers=BOOTSTRAP_SERVERS,
    group_id="depot-anna",
    auto_offset_reset="earliest",
    key_deserializer=DefaultSerializer(),  # UTF-8-Bytes -> Text
    value_deserializer=JsonSerializer(),  # UTF-8-Bytes -> JSON -> Dictionary
    consumer_timeout_ms=5_000,  # Ende nach 5 s ohne neuen Kurs
)
for record in consumer:
    ort = f"Partition {record.partition}, Offset {record.offset}"
    print(f"{ort}: {record.key} = {record.value['price']:.2f}")
consumer.close()
# --8<-- [end:code]
