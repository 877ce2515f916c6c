"""Genau einmal von Kafka nach Kafka: Annas Kurse aus allen Kursen herausfiltern und sie
samt Consumer-Offsets in einer Transaktion in ihr eigenes Topic schreiben."""
# --8<-- [start:code]
import os

from kafka import KafkaConsumer, KafkaProducer, OffsetAndMetadata

BOOTSTRAP_SERVERS = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
MEINE_AKTIEN = {b"SAP", b"BMW"}  # Annas Depot

consumer = KafkaConsumer(
    "aktienkurse",
    bootstrap_servers=BOOTSTRAP_SERVERS,
    group_id="filter-anna",
    auto_offset_reset="earliest",
    enable_auto_commit=False,  # die Offsets committet die Transaktion
    isolation_level="read_committed",  # nur Datensätze abgeschlossener Transaktionen
)
producer = KafkaProducer(
    bootstrap_servers=BOOTSTRAP_SERVERS,
    transactional_id="filter-anna-1",  # gleich nach jedem Neustart: fencet den Vorgänger
)
producer.init_transactions()

weitergegeben, leere_runden = 0, 0
for sekunde in range(30):  # höchstens 30 Runden zu je einer Sekunde
    datensaetze = consumer.poll(timeout_ms=1_000)
    if not datensaetze:
        leere_runden += 1 if consumer.assignment() else 0  # erst mit Partitionen zählen
        if leere_runden == 3:
            break  # drei Sekunden ohne neuen Kurs: alles gelesen
        continue
    leere_runden = 0
    producer.begin_transaction()
    for records in datensaetze.values():
        for record in records:
            if record.key in MEINE_AKTIEN:
                producer.send("kurse-anna", key=record.key, value=record.value)
                weitergegeben += 1
    # Die nächsten zu lesenden Offsets gehören in die Transaktion der Ergebnisse.
    offsets = {tp: OffsetAndMetadata(consumer.position(tp), "", -1)
               for tp in datensaetze}
    producer.send_offsets_to_transaction(offsets, consumer.group_metadata())
    producer.commit_transaction()  # alles sichtbar – oder bei einem Absturz nichts
print(f"{weitergegeben} Kurse von Annas Aktien in einer Transaktion "
      "mit den Offsets geschrieben.")

# Wer mit read_committed liest, sieht nur die abgeschlossenen Transaktionen.
leser = KafkaConsumer(
    "kurse-anna",
    bootstrap_servers=BOOTSTRAP_SERVERS,
    auto_offset_reset="earliest",
    isolation_level="read_committed",
    consumer_timeout_ms=2_000,
)
gelesen = sum(1 for _ in leser)
print(f"{gelesen} Kurse in kurse-anna lesbar.")
leser.close()
producer.close()
consumer.close()
# --8<-- [end:code]
