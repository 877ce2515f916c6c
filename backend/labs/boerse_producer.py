"""Lab 1 – die Börse: a producer that publishes DAX share prices to Kafka.

Each price is one record: the key is the share's symbol, the value a small JSON document.
Records with the same key always land on the same partition, so the prices of one share
stay in order.
"""
import os
import random
import time

from kafka import DefaultSerializer, JsonSerializer, KafkaProducer

BOOTSTRAP_SERVERS = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "aktienkurse"

# A few DAX shares with a starting price in euros.
AKTIEN = {
    "SAP": ("SAP SE", 230.00),
    "SIE": ("Siemens AG", 210.00),
    "ALV": ("Allianz SE", 350.00),
    "BAS": ("BASF SE", 45.00),
    "BMW": ("BMW AG", 80.00),
    "DTE": ("Deutsche Telekom AG", 31.00),
}

producer = KafkaProducer(
    bootstrap_servers=BOOTSTRAP_SERVERS,
    acks="all",  # a price counts as sent only when every in-sync replica has it
    key_serializer=DefaultSerializer(),  # str -> UTF-8 bytes
    value_serializer=JsonSerializer(),  # dict -> JSON text -> UTF-8 bytes
)

preise = {symbol: start for symbol, (_, start) in AKTIEN.items()}

for _ in range(20):
    symbol = random.choice(list(AKTIEN))
    # Random walk: each step moves the price by at most one percent up or down.
    preise[symbol] = round(preise[symbol] * random.uniform(0.99, 1.01), 2)
    kurs = {
        "symbol": symbol,
        "name": AKTIEN[symbol][0],
        "price": preise[symbol],
        "currency": "EUR",
        "timestamp": int(time.time() * 1000),
    }
    # send() is asynchronous; get() waits for the broker's acknowledgement.
    metadata = producer.send(TOPIC, key=symbol, value=kurs).get(timeout=10)
    print(f"{symbol} {kurs['price']:.2f} EUR -> Partition {metadata.partition}, Offset {metadata.offset}")
    time.sleep(0.5)

producer.flush()  # nothing may stay in the buffer when the script ends
producer.close()
