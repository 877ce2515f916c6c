"""Ohne Gruppe: Der Consumer wählt seine Partition selbst und springt zu einem Offset."""
# --8<-- [start:code]
import os

from kafka import JsonSerializer, KafkaConsumer, TopicPartition

BOOTSTRAP_SERVERS = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")

consumer = KafkaConsumer(
    bootstrap_servers=BOOTSTRAP_SERVERS,
    value_deserializer=JsonSerializer(),
    consumer_timeout_ms=5_000,
)
partition_0 = TopicPartition("aktienkurse", 0)
consumer.assign([partition_0])  # genau diese Partition, ohne Gruppe, ohne Rebalancing
consumer.seek(partition_0, 2)  # als Nächstes wird der Datensatz mit Offset 2 gelesen

for record in consumer:
    print(f"Offset {record.offset}: {record.value['symbol']} {record.value['price']}")
consumer.close()
# --8<-- [end:code]
