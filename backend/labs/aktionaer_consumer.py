"""Labor 2 – die Aktionär*innen: Annas Depot liest die Aktienkurse aus Kafka.

Der Consumer gehört zu Annas eigener Consumer-Gruppe "depot-anna". Kafka speichert die
committeten Offsets der Gruppe; ein neu gestarteter Consumer macht dort weiter, wo die Gruppe
aufgehört hat.
"""
import os
import time

from kafka import DefaultSerializer, JsonSerializer, KafkaConsumer

BOOTSTRAP_SERVERS = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "aktienkurse"
LESEZEIT_S = 20  # ein Dienst liest endlos; dieses Skript hört nach 20 Sekunden auf

consumer = KafkaConsumer(
    TOPIC,
    bootstrap_servers=BOOTSTRAP_SERVERS,
    group_id="depot-anna",  # Annas eigene Gruppe: Sie bekommt jeden Kurs
    # Gilt nur, solange die Gruppe noch keinen committeten Offset hat:
    # "earliest" liest von vorn, "latest" nur neue Kurse.
    auto_offset_reset="earliest",
    key_deserializer=DefaultSerializer(),  # UTF-8-Bytes -> str
    value_deserializer=JsonSerializer(),  # UTF-8-Bytes -> JSON -> dict
)

ende = time.monotonic() + LESEZEIT_S
try:
    while time.monotonic() < ende:
        # poll() wartet bis zu einer Sekunde auf neue Kurse und liefert sie je Partition.
        for records in consumer.poll(timeout_ms=1_000).values():
            for record in records:
                kurs = record.value
                print(f"Partition {record.partition}, Offset {record.offset}: "
                      f"{kurs['symbol']} {kurs['price']:.2f} {kurs['currency']}")
finally:
    # Auch nach Strg+C: die Offsets committen und die Gruppe sofort verlassen.
    consumer.close()
