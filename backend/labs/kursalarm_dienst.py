"""Labor 3 – der Kursalarm-Dienst: eine Instanz; mehrere teilen sich die Gruppe kursalarm.

Die Instanz committet erst nach der Verarbeitung (manueller Commit), meldet mit einem
Rebalance-Listener, welche Partitionen sie abgibt und übernimmt, und verlässt die Gruppe
auch nach Strg+C sofort (with).
"""
import os
import time

from kafka import (ConsumerRebalanceListener, DefaultSerializer, JsonSerializer,
                   KafkaConsumer)

BOOTSTRAP_SERVERS = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
GRENZEN = {"SAP": 230.00, "BMW": 80.00}  # Alarm bei Kursen ab diesen Grenzen
LAUFZEIT_S = 30  # ein echter Dienst liefe endlos (while True); diese Instanz endet nach 30 s


class Zuteilung(ConsumerRebalanceListener):
    """Meldet, welche Partitionen diese Instanz abgibt und übernimmt."""

    # kafka-python ruft beide Methoden in poll() und close() auf, in seinem IO-Thread: Hier
    # nur kurz etwas tun. Ein blockierender Aufruf wie consumer.commit() bricht dort ab.
    def on_partitions_revoked(self, revoked):
        if revoked:
            print(f"Abgegeben: {sorted(tp.partition for tp in revoked)}")

    def on_partitions_assigned(self, assigned):
        if assigned:
            print(f"Übernommen: {sorted(tp.partition for tp in assigned)}")


try:
    with KafkaConsumer(
        bootstrap_servers=BOOTSTRAP_SERVERS,
        group_id="kursalarm",  # alle Instanzen des Dienstes: dieselbe Gruppe
        auto_offset_reset="earliest",
        enable_auto_commit=False,  # committet wird erst nach der Verarbeitung
        key_deserializer=DefaultSerializer(),
        value_deserializer=JsonSerializer(),
    ) as consumer:  # with: close() am Ende des Blocks, auch nach Strg+C
        consumer.subscribe(["aktienkurse"], listener=Zuteilung())
        ende = time.monotonic() + LAUFZEIT_S
        while time.monotonic() < ende:
            datensaetze = consumer.poll(timeout_ms=1_000)  # hier geschieht das Rebalancing
            for records in datensaetze.values():
                for record in records:
                    grenze = GRENZEN.get(record.key)
                    preis = record.value["price"]
                    if grenze is not None and preis >= grenze:
                        print(f"Kursalarm: {record.key} steht bei {preis:.2f} EUR")
            if datensaetze:
                consumer.commit()  # diese Kurse sind verarbeitet: erst jetzt committen
except KeyboardInterrupt:
    print("Mit Strg+C beendet.")
print("Kursalarm-Instanz beendet, Gruppe verlassen.")
