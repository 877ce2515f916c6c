# The leader of a partition (RF 3, min.insync.replicas=2) is killed between two bursts of prices
# sent with acks=all by an idempotent producer. After the controller has noticed, an ISR member
# becomes leader; every price is acknowledged, and each is in the log exactly once.
import time

import scenario
from kafka import KafkaAdminClient, KafkaProducer
from kafka.admin import NewTopic

topic = scenario.TOPIC
admin = KafkaAdminClient(bootstrap_servers=scenario.BOOTSTRAP)
admin.create_topics([NewTopic(topic, 1, 3, topic_configs={"min.insync.replicas": "2"})])
admin.close()
before = scenario.wait_for_full_isr(topic, 0, 30)
old_leader = before["leader"]
producer = KafkaProducer(bootstrap_servers=scenario.BOOTSTRAP, acks="all")  # idempotent by default

offsets = [producer.send(topic, f"kurs-{i}".encode()).get(timeout=30).offset for i in range(10)]
scenario.crash_broker(old_leader)
crashed_at = time.monotonic()
futures = [producer.send(topic, f"kurs-{i}".encode()) for i in range(10, 20)]
offsets += [f.get(timeout=60).offset for f in futures]
producer.close()
print("bestätigte Offsets:", offsets == list(range(20)))

after = scenario.wait_until(lambda: (lambda s: s if s["leader"] not in (-1, old_leader) else None)(
    scenario.partition(topic, 0)), 60, "neuer Leader")
# The controller only acts once the broker's session has expired (broker.session.timeout.ms = 9 s).
print("neuer Leader erst nach über 4 s:", time.monotonic() - crashed_at > 4)
candidates = [b for b in before["isr"] if b != old_leader]
print("neuer Leader ∈ alte ISR ohne den toten Broker:", after["leader"] in candidates,
      f"({len(candidates)} mögliche)")
print("ISR nach der Wahl ohne den toten Broker:", after["isr"] == candidates)

scenario.restart_broker(old_leader)
state = scenario.wait_for_full_isr(topic, 0, 60)
print("nach dem Neustart: ISR-Größe", len(state["isr"]))

values = scenario.read_partition(topic, 0)
print("im Log, jeder Kurs genau einmal:", values == [f"kurs-{i}" for i in range(20)])
