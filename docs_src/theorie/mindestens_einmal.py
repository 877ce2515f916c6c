"""At-least-once: process first, commit afterwards (manual commits)."""
# --8<-- [start:code]
import os

from kafka import JsonSerializer, KafkaConsumer

BOOTSTRAP_SERVERS = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")

consumer = KafkaConsumer(
    "aktienkurse",
    bootstrap_servers=BOOTSTRAP_SERVERS,
    group_id="depot-mindestens-einmal",
    auto_offset_reset="earliest",
    enable_auto_commit=False,  # we decide when an offset counts as done
    value_deserializer=JsonSerializer(),
)


def verarbeite(record):
    ort = f"Partition {record.partition}, Offset {record.offset}"
    print(f"{ort}: {record.value['price']}")


for runde in range(10):
    datensaetze = consumer.poll(timeout_ms=1_000)
    for records in datensaetze.values():
        for record in records:
            verarbeite(record)
    if datensaetze:
        # Only now: a crash before this line means reading these records again.
        consumer.commit()
consumer.close()
# --8<-- [end:code]
