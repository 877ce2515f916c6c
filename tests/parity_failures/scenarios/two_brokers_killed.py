# Two of three brokers die at once (SIGKILL). With combined broker+controller nodes the controller
# quorum loses its majority too: nobody can shrink the ISR, so acks=all is neither confirmed nor
# refused with NotEnoughReplicas; the request times out. The record is still in the leader's log
# and becomes committed once a follower is back.
import scenario
from kafka import KafkaAdminClient, KafkaProducer
from kafka.admin import NewTopic
from kafka.errors import KafkaError

topic = scenario.TOPIC
admin = KafkaAdminClient(bootstrap_servers=scenario.BOOTSTRAP)
admin.create_topics([NewTopic(topic, 1, 3, topic_configs={"min.insync.replicas": "2"})])
admin.close()
state = scenario.wait_for_full_isr(topic, 0, 30)
leader = state["leader"]
first, second = [b for b in state["replicas"] if b != leader]

producer = KafkaProducer(bootstrap_servers=scenario.BOOTSTRAP, acks="all", retries=0, request_timeout_ms=5000)
print("Kurs 1 bestätigt, Offset", producer.send(topic, b"kurs-1").get(timeout=30).offset)

scenario.crash_broker(first)
scenario.crash_broker(second)
try:
    metadata = producer.send(topic, b"kurs-2").get(timeout=30)
    print("Kurs 2 bestätigt, Offset", metadata.offset)
except KafkaError as error:
    print("Kurs 2 nicht bestätigt:", type(error).__name__)
state = scenario.partition(topic, 0)
print("ohne Quorum: Leader unverändert:", state["leader"] == leader, "| ISR-Größe:", len(state["isr"]))

scenario.restart_broker(first)
scenario.wait_until(lambda: scenario.partition(topic, 0)["isr"] == sorted([leader, first]), 60,
                    "ISR aus Leader und neu gestartetem Follower")
print("ein Follower zurück: ISR = Leader + Follower")
print("Kurs 3 bestätigt, Offset", producer.send(topic, b"kurs-3").get(timeout=30).offset)
producer.close()

scenario.restart_broker(second)
state = scenario.wait_for_full_isr(topic, 0, 60)
print("beide zurück: ISR-Größe", len(state["isr"]), "| Leader unverändert:", state["leader"] == leader)

values = scenario.read_partition(topic, 0)
print("im Log:", values)
