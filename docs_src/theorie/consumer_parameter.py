"""Die Einstellungen des Consumers und die Poll-Schleife aus dem Theoriekapitel.

Die Kommentare "# (n)!" sind Anker für die Erklärungen, die die Kursseite einblendet.
"""
# --8<-- [start:konfig]
import os

from kafka import DefaultSerializer, JsonSerializer, KafkaConsumer

BOOTSTRAP_SERVERS = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")

consumer = KafkaConsumer(
    "aktienkurse",  # (1)!
    bootstrap_servers=BOOTSTRAP_SERVERS,
    group_id="depot-anna",  # (2)!
    auto_offset_reset="earliest",  # (3)!
    enable_auto_commit=True,  # (4)!
    auto_commit_interval_ms=5_000,  # (5)!
    key_deserializer=DefaultSerializer(),  # (6)!
    value_deserializer=JsonSerializer(),
    max_poll_records=500,  # (7)!
)
# --8<-- [end:konfig]

# --8<-- [start:poll]
for runde in range(10):  # ein echter Dienst liefe endlos: while True
    # {TopicPartition: [ConsumerRecord, ...]}, leer, wenn nichts Neues kam
    datensaetze = consumer.poll(timeout_ms=1_000)
    for partition, records in datensaetze.items():
        for record in records:
            kurs = record.value
            ort = f"Partition {record.partition}, Offset {record.offset}"
            print(f"{record.key}: {kurs['price']} ({ort})")
consumer.close()  # committet die Offsets (Auto-Commit) und verlässt die Gruppe
# --8<-- [end:poll]
