# A producer without retries (retries=0, acks=all) sends a price right after the partition's leader
# was killed. The price is not sent to the dead leader and does not fail: kafka-python holds it in
# its buffer while the leader cannot be reached, until the controller has declared the broker dead
# and the metadata names a new leader; then it is acknowledged. describe_cluster() keeps listing
# the dead broker, first as not fenced, then as fenced.
import time

import scenario
from kafka import KafkaAdminClient, KafkaProducer
from kafka.admin import NewTopic
from kafka.errors import KafkaConnectionError


def describe(admin):
    # The admin client may still be connected to the killed broker: its request then fails at once.
    for _attempt in range(20):
        try:
            return admin.describe_cluster()
        except KafkaConnectionError:
            time.sleep(0.5)
    return admin.describe_cluster()


def listed(admin, broker_id):
    """(listed, is_fenced) of one broker in describe_cluster()."""
    for broker in describe(admin)["brokers"]:
        if broker["broker_id"] == broker_id:
            return True, broker["is_fenced"]
    return False, None


topic = scenario.TOPIC
admin = KafkaAdminClient(bootstrap_servers=scenario.BOOTSTRAP)
admin.create_topics([NewTopic(topic, 1, 3, topic_configs={"min.insync.replicas": "2"})])
before = scenario.wait_for_full_isr(topic, 0, 30)
old_leader = before["leader"]
description = describe(admin)
print("describe_cluster:", sorted(description))
print("je Broker:", sorted(description["brokers"][0]), "| Broker:", len(description["brokers"]))

producer = KafkaProducer(bootstrap_servers=scenario.BOOTSTRAP, acks="all", retries=0, request_timeout_ms=5000)
print("Kurs 0 bestätigt, Offset", producer.send(topic, b"kurs-0").get(timeout=30).offset)
scenario.crash_broker(old_leader)
crashed_at = time.monotonic()
print("toter Leader gelistet, abgeschottet:", listed(admin, old_leader))
future = producer.send(topic, b"kurs-1")
print("Kurs 1 bestätigt, Offset", future.get(timeout=60).offset)
print("erst nach über 4 s:", time.monotonic() - crashed_at > 4)
producer.close()

after = scenario.partition(topic, 0)
print("neuer Leader ∈ alte ISR ohne den toten Broker:", after["leader"] in before["isr"] and after["leader"] != old_leader)
print("toter Leader gelistet, abgeschottet:", listed(admin, old_leader))

scenario.restart_broker(old_leader)
state = scenario.wait_for_full_isr(topic, 0, 60)
print("nach dem Neustart: ISR-Größe", len(state["isr"]))
scenario.wait_until(lambda: listed(admin, old_leader) == (True, False), 30, "Broker wieder aktiv")
print("zurück, gelistet, abgeschottet:", listed(admin, old_leader))
admin.close()

values = scenario.read_partition(topic, 0)
print("im Log:", values)
