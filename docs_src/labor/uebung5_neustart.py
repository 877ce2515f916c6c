# Übung 5: Ein Consumer, der dort weiterliest, wo die Gruppe depot-anna aufgehört hat.
# Entfernen Sie zuerst anna (Knopf „Entfernen“) und lassen Sie ein paar Kurse
# ankommen. Tragen Sie dann die Gruppe ein und führen Sie das Skript aus.
import time

from kafka import KafkaConsumer

consumer = KafkaConsumer(
    "aktienkurse",
    bootstrap_servers="localhost:9092",
    client_id="anna",
    group_id=None,  # welche Gruppe?
    # gilt nur, wenn die Gruppe noch keinen committeten Offset hat:
    auto_offset_reset="earliest",
)

erster_offset = {}  # Partition -> erster gelesener Offset
ende = time.time() + 10  # zehn Sekunden simulierter Zeit
while time.time() < ende:
    for tp, records in consumer.poll(timeout_ms=500).items():
        erster_offset.setdefault(tp.partition, records[0].offset)

for partition, offset in sorted(erster_offset.items()):
    print(f"Partition {partition}: ab Offset {offset}")
consumer.close()  # committet die Position und verlässt die Gruppe
