# A consumer group of three (the Aktionär*innen) reads a topic with three partitions. The broker that
# coordinates the group is killed while the Börse keeps sending. The group keeps consuming, no
# committed offset is lost, and after the restart every position equals the end of its partition.
import scenario
from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import NewTopic

topic = scenario.TOPIC
group = topic + "-depot"
admin = KafkaAdminClient(bootstrap_servers=scenario.BOOTSTRAP)
admin.create_topics([NewTopic(topic, 3, 3, topic_configs={"min.insync.replicas": "2"})])
admin.close()
for p in range(3):
    scenario.wait_until(lambda: len(scenario.partition(topic, p)["isr"]) == 3, 30, "volle ISR")
partitions = [TopicPartition(topic, p) for p in range(3)]
symbols = ["SAP", "SIE", "ALV", "BAS", "BMW", "DTE"]
producer = KafkaProducer(bootstrap_servers=scenario.BOOTSTRAP, acks="all")


def boerse(first, count):
    futures = [producer.send(topic, key=symbols[i % 6].encode(), value=f"kurs-{i}".encode())
               for i in range(first, first + count)]
    return sum(1 for f in futures if f.get(timeout=60))


# All three members poll from this one thread, in turn. A rebalance waits for every member to rejoin
# for at most max_poll_interval_ms; 30 s instead of 5 min lets a rebalance that a coordinator move
# interrupted settle within the scenario's time limits.
members = [KafkaConsumer(topic, bootstrap_servers=scenario.BOOTSTRAP, group_id=group,
                         client_id=f"aktionaer-{i}", auto_offset_reset="earliest",
                         enable_auto_commit=False, max_poll_interval_ms=30000) for i in range(3)]
# Knowing the topic's partitions before the first poll() keeps kafka-python 3.0.12 from dropping the
# first assignment (tests/parity/README.md).
for member in members:
    member.partitions_for_topic(topic)
seen = []


def consume_until(total, what):
    def step():
        for member in members:
            batches = member.poll(timeout_ms=200)
            for records in batches.values():
                seen.extend(r.value.decode() for r in records)
            if batches:
                member.commit()
        return len(seen) >= total
    scenario.wait_until(step, 120, what)


def committed():
    return [members[0].committed(tp) for tp in partitions]


consume_until(0, "")


def balanced():
    consume_until(0, "")
    return sorted(len(m.assignment()) for m in members) == [1, 1, 1]


scenario.wait_until(balanced, 90, "jedes Mitglied hat eine Partition")
print("Partitionen je Mitglied:", sorted(len(m.assignment()) for m in members))
print("Börse: bestätigt", boerse(0, 30))
consume_until(30, "30 Kurse gelesen")
before = committed()
print("committed vor dem Ausfall, Summe:", sum(before))

victim = scenario.coordinator(group)
scenario.crash_broker(victim)
print("Börse während des Ausfalls: bestätigt", boerse(30, 30))
consume_until(60, "60 Kurse gelesen")
during = committed()
print("committed während des Ausfalls, Summe:", sum(during),
      "| nie zurückgefallen:", all(d >= b for d, b in zip(during, before)))
print("jeder Kurs gelesen:", sorted(set(seen)) == sorted(f"kurs-{i}" for i in range(60)))

scenario.restart_broker(victim)
for p in range(3):
    scenario.wait_until(lambda: len(scenario.partition(topic, p)["isr"]) == 3, 60, "volle ISR")
# A fresh client asks for the end offsets: the members' metadata may still name the old leaders.
probe = KafkaConsumer(bootstrap_servers=scenario.BOOTSTRAP)
end = probe.end_offsets(partitions)
probe.close()
print("nach dem Neustart: committed = Ende jeder Partition:", committed() == [end[tp] for tp in partitions])
positions = {tp: m.position(tp) for m in members for tp in m.assignment()}
print("Positionen der Mitglieder = Ende:", positions == end, "| Summe:", sum(positions.values()))
for member in members:
    member.close()
producer.close()
