"""Without a group: the consumer picks its partition itself and jumps to an offset."""
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
consumer.assign([partition_0])  # this partition, no group, no rebalancing
consumer.seek(partition_0, 2)  # the next record read is the one at offset 2

for record in consumer:
    print(f"Offset {record.offset}: {record.value['symbol']} {record.value['price']}")
consumer.close()
# --8<-- [end:code]
