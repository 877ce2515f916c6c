# Übung: Annas Consumer stürzt ab – nach der Verarbeitung, vor dem Commit.
# Er committet selbst, nach jeweils zehn Kursen. Nach dem 25. Kurs endet das Skript ohne
# commit() und ohne close(): wie ein Absturz. Führen Sie es aus und starten Sie dann einen
# Nachfolger in derselben Gruppe. Welche Kurse liest er ein zweites Mal?
from kafka import JsonSerializer, KafkaConsumer

consumer = KafkaConsumer(
    "aktienkurse",
    bootstrap_servers="localhost:9092",
    group_id="depot-anna",
    client_id="anna",
    # gilt nur, solange die Gruppe keinen committeten Offset hat:
    auto_offset_reset="earliest",
    enable_auto_commit=False,  # committet wird nur mit commit()
    value_deserializer=JsonSerializer(),
)

verarbeitet = 0
for record in consumer:
    kurs = record.value
    print(f"verarbeitet: Offset {record.offset}, "
          f"{kurs['symbol']} {kurs['price']:.2f} EUR")
    verarbeitet += 1
    if verarbeitet % 10 == 0:
        consumer.commit()  # die Position: der nächste Offset nach diesem Kurs
        print(f"committet: Offset {record.offset + 1}")
    if verarbeitet == 25:
        break  # Absturz: kein commit(), kein close()
