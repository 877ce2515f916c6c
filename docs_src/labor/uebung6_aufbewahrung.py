# Übung 6: Wo beginnt das Log, während die Zeit vergeht?
# Das Skript fragt alle fünf Sekunden (simulierte Zeit) nach Anfang und Ende des Logs.
import time

from kafka import KafkaConsumer, TopicPartition

consumer = KafkaConsumer(bootstrap_servers="localhost:9092")
partition = TopicPartition("aktienkurse", 0)

start = time.monotonic()
for _ in range(9):
    anfang = consumer.beginning_offsets([partition])[partition]
    ende = consumer.end_offsets([partition])[partition]
    sekunden = time.monotonic() - start
    print(f"nach {sekunden:4.0f} s: log_start_offset {anfang}, Ende {ende}")
    time.sleep(5)

consumer.close()
