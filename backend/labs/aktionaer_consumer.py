"""Lab 2 – Aktionär*innen: a consumer that reads the share prices from Kafka.

The consumer belongs to the consumer group "depot". Kafka stores the group's committed
offsets, so a restarted consumer carries on where the group stopped reading.
"""
import os

from kafka import DefaultSerializer, JsonSerializer, KafkaConsumer

BOOTSTRAP_SERVERS = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "aktienkurse"

consumer = KafkaConsumer(
    TOPIC,
    bootstrap_servers=BOOTSTRAP_SERVERS,
    group_id="depot",
    # Only used when the group has no committed offset yet:
    # "earliest" reads from the beginning, "latest" only new prices.
    auto_offset_reset="earliest",
    key_deserializer=DefaultSerializer(),  # UTF-8 bytes -> str
    value_deserializer=JsonSerializer(),  # UTF-8 bytes -> JSON -> dict
    consumer_timeout_ms=10_000,  # stop after 10 seconds without a new price
)

for record in consumer:
    kurs = record.value
    print(
        f"Partition {record.partition}, Offset {record.offset}: "
        f"{record.key} {kurs['price']:.2f} {kurs['currency']}"
    )

consumer.close()  # commits the offsets and leaves the group
