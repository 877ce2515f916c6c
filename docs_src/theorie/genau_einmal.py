"""Genau einmal von Kafka nach Kafka: Kurse lesen, in US-Dollar umrechnen und das Ergebnis
samt Consumer-Offsets in einer Transaktion schreiben."""
# --8<-- [start:code]
import os

from kafka import JsonSerializer, KafkaConsumer, KafkaProducer, OffsetAndMetadata

BOOTSTRAP_SERVERS = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
EUR_IN_USD = 1.08  # ein fester Kurs, damit das Beispiel einfach bleibt

consumer = KafkaConsumer(
    "aktienkurse",
    bootstrap_servers=BOOTSTRAP_SERVERS,
    group_id="umrechner",
    auto_offset_reset="earliest",
    enable_auto_commit=False,  # die Offsets committet die Transaktion
    isolation_level="read_committed",  # nur Datensätze abgeschlossener Transaktionen
    value_deserializer=JsonSerializer(),
)
producer = KafkaProducer(
    bootstrap_servers=BOOTSTRAP_SERVERS,
    transactional_id="umrechner-1",  # gleich nach jedem Neustart: fencet den Vorgänger
    value_serializer=JsonSerializer(),
)
producer.init_transactions()

umgerechnet = 0
for runde in range(5):
    datensaetze = consumer.poll(timeout_ms=1_000)
    if not datensaetze:
        continue
    producer.begin_transaction()
    for records in datensaetze.values():
        for record in records:
            kurs = record.value
            usd = {"symbol": kurs["symbol"], "currency": "USD",
                   "price": round(kurs["price"] * EUR_IN_USD, 2)}
            producer.send("kurse-usd", key=record.key, value=usd)
            umgerechnet += 1
    # Die nächsten zu lesenden Offsets gehören in die Transaktion der Ergebnisse.
    offsets = {tp: OffsetAndMetadata(consumer.position(tp), "", -1)
               for tp in datensaetze}
    producer.send_offsets_to_transaction(offsets, consumer.group_metadata())
    producer.commit_transaction()  # alles sichtbar – oder bei einem Absturz nichts
print(f"{umgerechnet} Kurse umgerechnet und in einer Transaktion "
      "mit den Offsets geschrieben.")

# Wer mit read_committed liest, sieht nur die abgeschlossenen Transaktionen.
leser = KafkaConsumer(
    "kurse-usd",
    bootstrap_servers=BOOTSTRAP_SERVERS,
    auto_offset_reset="earliest",
    isolation_level="read_committed",
    consumer_timeout_ms=2_000,
    value_deserializer=JsonSerializer(),
)
gelesen = sum(1 for _ in leser)
print(f"{gelesen} umgerechnete Kurse lesbar.")
leser.close()
producer.close()
consumer.close()
# --8<-- [end:code]
