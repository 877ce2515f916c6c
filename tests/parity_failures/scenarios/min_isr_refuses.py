# min.insync.replicas=2 at work: one follower crashes, the other shuts down in a controlled way, so
# the leader is alone in the ISR. acks=all is refused with NotEnoughReplicas; acks=1 is still
# acknowledged, by the leader alone. Once a follower is back, acks=all works again.
import scenario
from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import NewTopic
from kafka.errors import KafkaError

topic = scenario.TOPIC
admin = KafkaAdminClient(bootstrap_servers=scenario.BOOTSTRAP)
admin.create_topics([NewTopic(topic, 1, 3, topic_configs={"min.insync.replicas": "2"})])
admin.close()
state = scenario.wait_for_full_isr(topic, 0, 30)
leader = state["leader"]
first, second = [b for b in state["replicas"] if b != leader]
all_acks = KafkaProducer(bootstrap_servers=scenario.BOOTSTRAP, acks="all", retries=0, request_timeout_ms=10000)
one_ack = KafkaProducer(bootstrap_servers=scenario.BOOTSTRAP, acks=1, retries=0, request_timeout_ms=10000)


def send(producer, value):
    try:
        return f"bestätigt, Offset {producer.send(topic, value).get(timeout=30).offset}"
    except KafkaError as error:
        return f"abgelehnt: {type(error).__name__}"


scenario.crash_broker(first)
scenario.wait_until(lambda: scenario.partition(topic, 0)["isr"] == sorted([leader, second]), 60,
                    "abgestürzter Follower aus der ISR")
print("ein Follower abgestürzt, ISR-Größe 2 – acks=all:", send(all_acks, b"kurs-1"))

scenario.stop_broker(second)
scenario.wait_until(lambda: scenario.partition(topic, 0)["isr"] == [leader], 60, "ISR nur noch der Leader")
print("zweiter Follower gestoppt, ISR = nur der Leader")
print("acks=all:", send(all_acks, b"kurs-2"))
print("acks=1:  ", send(one_ack, b"kurs-3"))
tp = TopicPartition(topic, 0)
probe = KafkaConsumer(bootstrap_servers=scenario.BOOTSTRAP)
print("für Consumer lesbar bis Offset (High-Watermark):", probe.end_offsets([tp])[tp])
probe.close()

scenario.restart_broker(second)
scenario.wait_until(lambda: scenario.partition(topic, 0)["isr"] == sorted([leader, second]), 60,
                    "gestoppter Follower zurück in der ISR")
print("Follower zurück, ISR-Größe 2 – acks=all:", send(all_acks, b"kurs-4"))
all_acks.close()
one_ack.close()

scenario.restart_broker(first)
state = scenario.wait_for_full_isr(topic, 0, 60)
print("alle zurück: ISR-Größe", len(state["isr"]), "| Leader unverändert:", state["leader"] == leader)

values = scenario.read_partition(topic, 0)
print("im Log:", values)
