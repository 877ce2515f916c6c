"""Ein Mitglied der Consumer-Gruppe "depot", das seine Partitionen meldet."""
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
    # assignment(): was die Gruppe diesem Mitglied zuteilt; neu nach jedem Rebalancing.
    jetzt = sorted(tp.partition for tp in consumer.assignment())
    if jetzt != meine_partitionen:
        print(f"Mir gehören jetzt die Partitionen {jetzt}.")
        meine_partitionen = jetzt
    ort = f"Partition {record.partition}, Offset {record.offset}"
    print(f"  {ort}: {record.key} = {record.value['price']}")

consumer.close()  # verlässt die Gruppe: Die anderen bekommen seine Partitionen
# --8<-- [end:code]
