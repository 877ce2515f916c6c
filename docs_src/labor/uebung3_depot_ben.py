# Übung 3: Ben liest in seiner eigenen Gruppe depot-ben.
# Er soll jeden Kurs bekommen – auch die, die schon im Topic liegen.
import time

from kafka import KafkaConsumer

consumer = KafkaConsumer(
    "aktienkurse",
    bootstrap_servers="localhost:9092",
    group_id="depot-ben",
    client_id="ben",
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
print(f"Ben hat {gelesen} Kurse gelesen.")
consumer.close()
