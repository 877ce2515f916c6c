"""Header und Zeitstempel: Der Producer gibt beides mit, der Consumer liest es aus."""
# --8<-- [start:code]
import os
import time

from kafka import (DefaultSerializer, JsonSerializer, KafkaConsumer, KafkaProducer,
                   TopicPartition)

BOOTSTRAP_SERVERS = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")

producer = KafkaProducer(
    bootstrap_servers=BOOTSTRAP_SERVERS,
    key_serializer=DefaultSerializer(),
    value_serializer=JsonSerializer(),
)
# Der Zeitpunkt des Kurses an der Börse, in Millisekunden seit 1970 (UTC).
gehandelt_um = int(time.time() * 1000) - 2_000
metadata = producer.send(
    "aktienkurse",
    key="SAP",
    value={"symbol": "SAP", "price": 231.40, "currency": "EUR"},
    # Header: Paare aus Text und Bytes, für Zusatzangaben neben dem Wert.
    headers=[("quelle", b"xetra"), ("waehrung", b"EUR")],
    timestamp_ms=gehandelt_um,  # ohne Angabe: die Uhrzeit des Sendens
).get(timeout=10)
producer.close()

# Genau diesen Datensatz wieder lesen: Partition zuweisen, zum Offset springen.
consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP_SERVERS,
                         key_deserializer=DefaultSerializer(),
                         value_deserializer=JsonSerializer())
partition = TopicPartition("aktienkurse", metadata.partition)
consumer.assign([partition])
consumer.seek(partition, metadata.offset)
records = consumer.poll(timeout_ms=5_000).get(partition, [])
consumer.close()
record = records[0]  # der Datensatz am Offset aus metadata

header = {name: wert.decode("utf-8") for name, wert in record.headers}
art = "CreateTime" if record.timestamp_type == 0 else "LogAppendTime"
print(f"Header: {header}")
print(f"Zeitstempel wie gesendet: {record.timestamp == gehandelt_um} ({art})")
# --8<-- [end:code]
