# The leader of a partition is shut down in a controlled way (SIGTERM) instead of crashing: it hands
# its leadership to an ISR member before its process ends, so the producer hardly notices, and the
# new leader is there at once instead of after the broker session timeout.
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
scenario.stop_broker(old_leader)
stopped_at = time.monotonic()
after = scenario.wait_until(lambda: (lambda s: s if s["leader"] not in (-1, old_leader) else None)(
    scenario.partition(topic, 0)), 60, "neuer Leader")
# scenario.stop_broker returns once the process has ended; the leadership had moved before that.
print("neuer Leader sofort da (unter 3 s):", time.monotonic() - stopped_at < 3)
futures = [producer.send(topic, f"kurs-{i}".encode()) for i in range(10, 20)]
offsets += [f.get(timeout=60).offset for f in futures]
producer.close()
print("bestätigte Offsets:", offsets == list(range(20)))

candidates = [b for b in before["isr"] if b != old_leader]
print("neuer Leader ∈ alte ISR ohne den gestoppten Broker:", after["leader"] in candidates,
      f"({len(candidates)} mögliche)")
print("ISR nach der Wahl ohne den gestoppten Broker:", after["isr"] == candidates)

scenario.restart_broker(old_leader)
state = scenario.wait_for_full_isr(topic, 0, 60)
print("nach dem Neustart: ISR-Größe", len(state["isr"]))

values = scenario.read_partition(topic, 0)
print("im Log, jeder Kurs genau einmal:", values == [f"kurs-{i}" for i in range(20)])
