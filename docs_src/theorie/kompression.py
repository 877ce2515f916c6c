"""Kompression: Der Producer packt jeden Batch mit gzip, der Consumer entpackt selbst."""
# --8<-- [start:code]
import os

from kafka import (DefaultSerializer, JsonSerializer, KafkaConsumer, KafkaProducer,
                   TopicPartition)

BOOTSTRAP_SERVERS = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")

producer = KafkaProducer(
    bootstrap_servers=BOOTSTRAP_SERVERS,
    key_serializer=DefaultSerializer(),
    value_serializer=JsonSerializer(),
    compression_type="gzip",  # in Python eingebaut; lz4, snappy, zstd brauchen Pakete
    linger_ms=20,  # etwas warten: Ein Batch mit vielen Kursen packt besser
)
kurs = {"symbol": "SAP", "price": 231.40, "currency": "EUR"}
futures = [producer.send("aktienkurse", key="SAP", value=kurs) for _ in range(100)]
producer.flush()
erster = futures[0].get(timeout=10)
producer.close()

# Der Consumer braucht keine Einstellung: Das Verfahren steht in jedem Batch.
consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP_SERVERS,
                         value_deserializer=JsonSerializer())
partition = TopicPartition("aktienkurse", erster.partition)
consumer.assign([partition])
consumer.seek(partition, erster.offset)
gelesen = []
while len(gelesen) < 100:
    records = consumer.poll(timeout_ms=5_000).get(partition, [])
    if not records:
        break  # nichts mehr gekommen
    gelesen += records
consumer.close()
print(f"{len(gelesen[:100])} von 100 gzip-komprimierten Kursen gelesen.")
# --8<-- [end:code]
