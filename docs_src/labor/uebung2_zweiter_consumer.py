# Übung 2: Eine zweite Instanz des Kursalarms, in der Consumer-Gruppe kursalarm.
# Tragen Sie die Gruppe ein, führen Sie das Skript aus und lesen Sie ab, welche
# Partitionen Ihr Consumer nach dem Rebalancing bekommt.
import time

from kafka import KafkaConsumer

consumer = KafkaConsumer(
    "aktienkurse",
    bootstrap_servers="localhost:9092",
    client_id="kursalarm-2",
    group_id=None,  # welche Gruppe?
)

# poll() tritt der Gruppe bei und nimmt am Rebalancing teil;
# zehn Sekunden simulierter Zeit genügen.
ende = time.time() + 10
while time.time() < ende:
    consumer.poll(timeout_ms=500)

partitionen = sorted(f"{tp.topic}-{tp.partition}" for tp in consumer.assignment())
print("Zugeteilt:", ", ".join(partitionen) or "keine Partition")
consumer.close()  # verlässt die Gruppe: die übrigen Mitglieder übernehmen die Partitionen
