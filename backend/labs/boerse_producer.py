"""Labor 1 – die Börse: ein Producer, der DAX-Kurse an Kafka schickt.

Jeder Kurs ist ein Datensatz: Schlüssel ist das Börsenkürzel, Wert ein kleines
JSON-Dokument. Datensätze mit demselben Schlüssel landen immer in derselben Partition;
die Kurse einer Aktie bleiben so in ihrer Reihenfolge.
"""
import os
import random
import time

from kafka import DefaultSerializer, JsonSerializer, KafkaProducer

BOOTSTRAP_SERVERS = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "aktienkurse"

# Sechs DAX-Aktien mit ihrem Startkurs in Euro.
AKTIEN = {"SAP": 230.00, "SIE": 210.00, "ALV": 350.00,
          "BAS": 45.00, "BMW": 80.00, "DTE": 31.00}

producer = KafkaProducer(
    bootstrap_servers=BOOTSTRAP_SERVERS,
    acks="all",  # ein Kurs gilt erst als gesendet, wenn alle In-Sync-Replikate ihn haben
    key_serializer=DefaultSerializer(),  # str -> UTF-8-Bytes
    value_serializer=JsonSerializer(),  # dict -> JSON-Text -> UTF-8-Bytes
)

preise = dict(AKTIEN)

for _ in range(20):
    symbol = random.choice(list(AKTIEN))
    # Zufallsbewegung: Jeder Schritt ändert den Kurs um höchstens ein Prozent.
    preise[symbol] = round(preise[symbol] * random.uniform(0.99, 1.01), 2)
    kurs = {"symbol": symbol, "price": preise[symbol], "currency": "EUR"}
    # send() ist asynchron; get() wartet auf die Bestätigung des Brokers.
    metadata = producer.send(TOPIC, key=symbol, value=kurs).get(timeout=10)
    print(f"{symbol} {kurs['price']:.2f} {kurs['currency']} -> "
          f"Partition {metadata.partition}, Offset {metadata.offset}")
    time.sleep(0.5)

producer.flush()  # nichts darf im Puffer bleiben, wenn das Skript endet
producer.close()
