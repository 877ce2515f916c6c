"""At-most-once: commit first, process afterwards (manual commits)."""
# --8<-- [start:code]
import os

from kafka import JsonSerializer, KafkaConsumer

consumer = KafkaConsumer(
    "aktienkurse",
    bootstrap_servers=os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"),
    group_id="depot-hoechstens-einmal",
    auto_offset_reset="earliest",
    enable_auto_commit=False,
    value_deserializer=JsonSerializer(),
)

for runde in range(10):
    datensaetze = consumer.poll(timeout_ms=1_000)
    if datensaetze:
        consumer.commit()  # already now: a crash while processing loses these records
    for records in datensaetze.values():
        for record in records:
            print(f"Partition {record.partition}, Offset {record.offset}: {record.value['price']}")
consumer.close()
# --8<-- [end:code]
