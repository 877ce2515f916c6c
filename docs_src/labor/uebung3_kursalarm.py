# Übung 3: Der Kursalarm liest in seiner eigenen Gruppe kursalarm.
# Er soll jeden Kurs bekommen – auch die, die schon im Topic liegen.
import time

from kafka import KafkaConsumer

consumer = KafkaConsumer(
    "aktienkurse",
    bootstrap_servers="localhost:9092",
    group_id="kursalarm",
)

erster_offset = {}  # Partition -> erster gelesener Offset
gelesen = 0
ende = time.time() + 10  # zehn Sekunden simulierter Zeit
while time.time() < ende:
    for tp, records in consumer.poll(timeout_ms=500).items():
        erster_offset.setdefault(tp.partition, records[0].offset)
        gelesen += len(records)

for partition, offset in sorted(erster_offset.items()):
    print(f"Partition {partition}: ab Offset {offset}")
print(f"kursalarm hat {gelesen} Kurse gelesen.")
consumer.close()
