"""A rebalance listener as kafka-python 3.0.12 calls it, and what a consumer's `with` block commits.

The listener hears of every join (eager rebalancing revokes first, even an empty assignment) and of
close(), which revokes every partition before the consumer leaves. It runs inside poll() on the
client's IO thread, where a blocking consumer call such as commit() raises RuntimeError; poll()
then reports a KafkaError caused by it. A `with` block left by an exception closes the consumer
without the automatic commit, one left normally commits.
"""
import os

from kafka import ConsumerRebalanceListener, KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient, NewTopic

BOOTSTRAP_SERVERS = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("PARITY_RUN_ID", "")
TOPIC = "p-rebalance-listener" + RUN
PARTITIONS = [TopicPartition(TOPIC, p) for p in range(3)]

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP_SERVERS)
admin.create_topics([NewTopic(TOPIC, num_partitions=3, replication_factor=1)])
admin.close()
producer = KafkaProducer(bootstrap_servers=BOOTSTRAP_SERVERS)
for number in range(6):
    producer.send(TOPIC, key=f"k{number}".encode(), value=f"v{number}".encode()).get(timeout=10)
producer.close()


class Heard(ConsumerRebalanceListener):
    """Notes every call; with commit_inside, also calls the blocking commit() from the listener."""

    def __init__(self, consumer=None, commit_inside=False):
        self.calls, self.consumer, self.commit_inside = [], consumer, commit_inside

    def on_partitions_revoked(self, revoked):
        self.calls.append(("revoked", sorted(tp.partition for tp in revoked)))

    def on_partitions_assigned(self, assigned):
        self.calls.append(("assigned", sorted(tp.partition for tp in assigned)))
        if self.commit_inside:
            self.consumer.commit()


def read_all(consumer, expected=6, rounds=40):
    """Polls until `expected` records arrived; the exceptions poll() raised, by type and cause.

    The first poll() waits long enough for the whole join: a join that finishes while no poll()
    waits makes kafka-python 3.0.12 join once more (README.md), a second rebalance the listener
    would hear only on a slow real broker."""
    read, raised = 0, []
    for number in range(rounds):
        try:
            timeout_ms = 10_000 if number == 0 else 500
            read += sum(len(records) for records in consumer.poll(timeout_ms=timeout_ms).values())
        except Exception as exc:  # noqa: BLE001 - the scenario prints what kafka-python raises
            raised.append(f"{type(exc).__name__} from {type(exc.__cause__).__name__}")
        if read >= expected:
            break
    return read, raised


def committed(group):
    checker = KafkaConsumer(bootstrap_servers=BOOTSTRAP_SERVERS, group_id=group)
    try:
        return [checker.committed(tp) for tp in PARTITIONS]
    finally:
        checker.close()


# 1. A listener hears the join and the close.
listener = Heard()
consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP_SERVERS, group_id="p-listener-a" + RUN,
                         auto_offset_reset="earliest", enable_auto_commit=False)
consumer.partitions_for_topic(TOPIC)
consumer.subscribe([TOPIC], listener=listener)
read, raised = read_all(consumer)
print("read", read, "raised", raised, "heard", listener.calls)
consumer.close()
print("after close() heard", listener.calls[-1])

# 2. commit() inside the listener: poll() raises, the assignment stands, reading goes on.
consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP_SERVERS, group_id="p-listener-b" + RUN,
                         auto_offset_reset="earliest", enable_auto_commit=False)
consumer.partitions_for_topic(TOPIC)
listener = Heard(consumer, commit_inside=True)
consumer.subscribe([TOPIC], listener=listener)
read, raised = read_all(consumer)
print("commit() in the listener: read", read, "raised", sorted(set(raised)), "assignment",
      sorted(tp.partition for tp in consumer.assignment()))
consumer.close()

# 3. A with block: left by an exception it does not commit automatically, left normally it does.
for ending in ("exception", "normal"):
    group = f"p-listener-with-{ending}" + RUN
    try:
        # Only close() commits here: the periodic auto-commit is further away than the reading.
        with KafkaConsumer(bootstrap_servers=BOOTSTRAP_SERVERS, group_id=group, auto_offset_reset="earliest",
                           auto_commit_interval_ms=600_000) as consumer:
            consumer.partitions_for_topic(TOPIC)
            consumer.subscribe([TOPIC])
            read, raised = read_all(consumer)
            if ending == "exception":
                raise ValueError("processing failed")
    except ValueError:
        pass
    # Printed is only what is certain: whether the positions read (2 per partition) were committed.
    # On a busy broker an extra rebalance at the join makes kafka-python auto-commit the start (0).
    print(f"with block ended by {ending}: read", read, "committed what it read:", committed(group) == [2] * len(PARTITIONS))

# 4. Without a group there is no rebalance: the listener hears only close().
listener = Heard()
consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP_SERVERS, auto_offset_reset="earliest")
consumer.subscribe([TOPIC], listener=listener)
read, raised = read_all(consumer)
heard_while_reading = list(listener.calls)
consumer.close()
print("without a group: read", read, "heard", heard_while_reading, "then on close()", listener.calls[len(heard_while_reading):])

# 5. What does work inside the listener: commit_async() does not block, and it still reaches the
#    broker when close() revokes the partitions.
class CommitOnRevoke(ConsumerRebalanceListener):
    def on_partitions_revoked(self, revoked):
        if revoked:
            consumer.commit_async()

    def on_partitions_assigned(self, assigned):
        pass


group = "p-listener-commit-async" + RUN
consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP_SERVERS, group_id=group, auto_offset_reset="earliest",
                         enable_auto_commit=False)
consumer.partitions_for_topic(TOPIC)
consumer.subscribe([TOPIC], listener=CommitOnRevoke())
read, raised = read_all(consumer)
consumer.close()
print("commit_async() on close: read", read, "raised", raised, "committed", committed(group))
