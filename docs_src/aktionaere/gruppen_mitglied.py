"""A member of the consumer group "depot" that reports which partitions it owns."""
# --8<-- [start:code]
import os

from kafka import DefaultSerializer, JsonSerializer, KafkaConsumer

BOOTSTRAP_SERVERS = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")

consumer = KafkaConsumer(
    "aktienkurse",
    bootstrap_servers=BOOTSTRAP_SERVERS,
    group_id="depot",
    auto_offset_reset="earliest",
    key_deserializer=DefaultSerializer(),
    value_deserializer=JsonSerializer(),
    consumer_timeout_ms=10_000,
)

meine_partitionen = []
for record in consumer:
    # assignment() is what the group gave this member; it changes with every rebalance.
    jetzt = sorted(tp.partition for tp in consumer.assignment())
    if jetzt != meine_partitionen:
        print(f"Mir gehören jetzt die Partitionen {jetzt}.")
        meine_partitionen = jetzt
    ort = f"Partition {record.partition}, Offset {record.offset}"
    print(f"  {ort}: {record.key} = {record.value['price']}")

consumer.close()  # leaves the group: the others get this member's partitions
# --8<-- [end:code]
