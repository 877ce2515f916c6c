"""Schritt 2 der Börse: Serialisierer für Schlüssel und Wert, ein Kurs je Aktie."""
# --8<-- [start:code]
import os

from kafka import DefaultSerializer, JsonSerializer, KafkaProducer

BOOTSTRAP_SERVERS = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")

producer = KafkaProducer(
    bootstrap_servers=BOOTSTRAP_SERVERS,
    key_serializer=DefaultSerializer(),  # "SAP" -> b"SAP"
    value_serializer=JsonSerializer(),  # {"price": 231.4} -> b'{"price": 231.4}'
)

KURSE = {"SAP": 231.40, "SIE": 212.10, "ALV": 351.80,
         "BAS": 45.12, "BMW": 80.55, "DTE": 31.07}

for symbol, preis in KURSE.items():
    kurs = {"symbol": symbol, "price": preis, "currency": "EUR"}
    metadata = producer.send("aktienkurse", key=symbol, value=kurs).get(timeout=10)
    print(f"{symbol} -> Partition {metadata.partition}, Offset {metadata.offset}")

producer.close()
# --8<-- [end:code]
