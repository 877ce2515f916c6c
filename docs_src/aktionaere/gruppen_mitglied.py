"""Die erste Fassung des Kursalarm-Dienstes: eine Instanz in der Gruppe "kursalarm".

Sie zeigt jeden Kurs, den sie liest, und meldet, welche Partitionen ihr gerade gehören.
"""
# --8<-- [start:code]
import os

from kafka import DefaultSerializer, JsonSerializer, KafkaConsumer

BOOTSTRAP_SERVERS = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")

consumer = KafkaConsumer(
    "aktienkurse",
    bootstrap_servers=BOOTSTRAP_SERVERS,
    group_id="kursalarm",  # jede Instanz des Dienstes: dieselbe Gruppe
    auto_offset_reset="earliest",
    key_deserializer=DefaultSerializer(),
    value_deserializer=JsonSerializer(),
    # Ende nach 30 Sekunden ohne neuen Kurs. In Partition 2 liegt nur DTE: Wer nur
    # sie liest, wartet mitunter zehn Sekunden und länger auf den nächsten Kurs.
    consumer_timeout_ms=30_000,
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

# Verlässt die Gruppe, und die anderen Instanzen übernehmen sofort. Aber Vorsicht: Nach
# Strg+C läuft diese Zeile nie (Schritt 5 zeigt, wie es richtig geht).
consumer.close()
# --8<-- [end:code]
