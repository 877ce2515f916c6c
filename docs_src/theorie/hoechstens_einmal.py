"""At-most-once: commit first, process afterwards (manual commits)."""
# --8<-- [start:code]
import os

from kafka import JsonSerializer, KafkaConsumer

BOOTSTRAP_SERVERS = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")

consumer = KafkaConsumer(
    "aktienkurse",
    bootstrap_servers=BOOTSTRAP_SERVERS,
    group_id="depot-hoechstens-einmal",
    auto_offset_reset="earliest",
    enable_auto_commit=False,
    value_deserializer=JsonSerializer(),
)

for runde in range(10):
    datensaetze = consumer.poll(timeout_ms=1_000)
    if datensaetze:
        # Already now: a crash while processing loses these records.
        consumer.commit()
    for records in datensaetze.values():
        for record in records:
            ort = f"Partition {record.partition}, Offset {record.offset}"
            print(f"{ort}: {record.value['price']}")
consumer.close()
# --8<-- [end:code]
