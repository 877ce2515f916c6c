"""Eine Instanz des Kursalarm-Dienstes: mehrere davon teilen sich die Gruppe kursalarm.

Zeigt manuelle Commits nach der Verarbeitung, einen Rebalance-Listener und ein sauberes
Ende mit `with`.
"""
# --8<-- [start:code]
import os

from kafka import (ConsumerRebalanceListener, DefaultSerializer, JsonSerializer,
                   KafkaConsumer)

BOOTSTRAP_SERVERS = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
GRENZEN = {"SAP": 230.00, "BMW": 80.00}  # Alarm bei Kursen ab diesen Grenzen


class Zuteilung(ConsumerRebalanceListener):
    """Meldet, welche Partitionen diese Instanz abgibt und übernimmt."""

    # kafka-python ruft beide Methoden aus seinem eigenen Thread auf: Hier nur kurz etwas
    # notieren, nicht blockieren und keine Consumer-Methoden wie commit() aufrufen.
    def on_partitions_revoked(self, revoked):
        if revoked:
            print(f"Abgegeben: {sorted(tp.partition for tp in revoked)}")

    def on_partitions_assigned(self, assigned):
        if assigned:
            print(f"Übernommen: {sorted(tp.partition for tp in assigned)}")


with KafkaConsumer(
    bootstrap_servers=BOOTSTRAP_SERVERS,
    group_id="kursalarm",  # alle Instanzen des Dienstes: dieselbe Gruppe
    auto_offset_reset="earliest",
    enable_auto_commit=False,  # committet wird erst nach der Verarbeitung
    key_deserializer=DefaultSerializer(),
    value_deserializer=JsonSerializer(),
) as consumer:  # with: close() am Ende, auch nach Strg+C
    consumer.subscribe(["aktienkurse"], listener=Zuteilung())
    for runde in range(10):  # ein echter Dienst liefe endlos: while True
        datensaetze = consumer.poll(timeout_ms=1_000)
        for records in datensaetze.values():
            for record in records:
                grenze = GRENZEN.get(record.key)
                preis = record.value["price"]
                if grenze is not None and preis >= grenze:
                    print(f"Kursalarm: {record.key} steht bei {preis:.2f} EUR")
        if datensaetze:
            consumer.commit()  # diese Kurse sind verarbeitet
print("Kursalarm-Instanz beendet, Gruppe verlassen.")
# --8<-- [end:code]
