# Transaktionen im Log: eine wird committet, eine abgebrochen.
# Führen Sie das Skript aus und sehen Sie sich danach die Partition von kurse-anna an:
# die Markierungen, die abgebrochenen Datensätze und den Last Stable Offset (LSO).
from kafka import DefaultSerializer, JsonSerializer, KafkaConsumer, KafkaProducer

producer = KafkaProducer(
    bootstrap_servers="localhost:9092",
    transactional_id="filter-anna-1",
    key_serializer=DefaultSerializer(),  # Schlüssel: str -> UTF-8-Bytes
    value_serializer=JsonSerializer(),  # Wert: dict -> JSON-Bytes
)
producer.init_transactions()

producer.begin_transaction()
producer.send("kurse-anna", key="SAP",
              value={"symbol": "SAP", "price": 231.40, "currency": "EUR"})
producer.send("kurse-anna", key="BMW",
              value={"symbol": "BMW", "price": 80.55, "currency": "EUR"})
producer.commit_transaction()  # beide Kurse werden sichtbar
print("Transaktion 1 committet: SAP und BMW")

producer.begin_transaction()
# ein falscher Kurs:
producer.send("kurse-anna", key="SAP",
              value={"symbol": "SAP", "price": 0.01, "currency": "EUR"})
producer.flush()  # der falsche Kurs steht jetzt im Log …
producer.abort_transaction()  # … und bleibt dort, als abgebrochen markiert
print("Transaktion 2 abgebrochen: SAP 0.01")

leser = KafkaConsumer(
    "kurse-anna",
    bootstrap_servers="localhost:9092",
    auto_offset_reset="earliest",
    isolation_level="read_committed",  # nur abgeschlossene Transaktionen
    value_deserializer=JsonSerializer(),
    consumer_timeout_ms=2_000,
)
for record in leser:
    print(f"gelesen: Offset {record.offset}, "
          f"{record.value['symbol']} {record.value['price']:.2f}")
leser.close()
producer.close()
