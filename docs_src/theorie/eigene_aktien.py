"""Annas Depot: eine eigene Gruppe liest alle Kurse und zeigt nur Annas Aktien."""
# --8<-- [start:code]
import os

from kafka import DefaultSerializer, JsonSerializer, KafkaConsumer

BOOTSTRAP_SERVERS = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
MEINE_AKTIEN = {"SAP", "BMW"}  # Annas Depot

consumer = KafkaConsumer(
    "aktienkurse",  # abonnieren lässt sich ein Topic, kein Schlüssel
    bootstrap_servers=BOOTSTRAP_SERVERS,
    group_id="depot-anna",  # Annas eigene Gruppe: Sie bekommt jeden Kurs
    auto_offset_reset="earliest",
    key_deserializer=DefaultSerializer(),
    value_deserializer=JsonSerializer(),
    consumer_timeout_ms=10_000,  # für die Übung: Ende nach 10 s ohne neuen Kurs
)
angezeigt = 0
try:
    for record in consumer:
        if record.key not in MEINE_AKTIEN:
            continue  # gelesen, aber nicht Annas Aktie: überspringen
        angezeigt += 1
        print(f"{record.key}: {record.value['price']:.2f} EUR")
except KeyboardInterrupt:
    print("Mit Strg+C beendet.")
finally:
    # Auch nach Strg+C: Offsets committen und die Gruppe sofort verlassen.
    consumer.close()
print(f"{angezeigt} Kurse der eigenen Aktien angezeigt.")
# --8<-- [end:code]
