"""KafkaAdminClient.delete_group_offsets (KIP-496): deletes a group's committed offsets of single
partitions. Allowed for partitions of topics no active member subscribes to; a partition of a
subscribed topic is answered with GroupSubscribedToTopicError; an unknown group raises."""
import os
import time

from kafka import KafkaConsumer, TopicPartition
from kafka.admin import KafkaAdminClient
from kafka.errors import KafkaError
from kafka.structs import OffsetAndMetadata

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")
ALT, NEU, GROUP = "offsets-alt" + RUN, "offsets-neu" + RUN, "offsets-loeschen" + RUN
NAMES = {ALT: "alt", NEU: "neu"}

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({ALT: {"num_partitions": 2, "replication_factor": 1},
                     NEU: {"num_partitions": 1, "replication_factor": 1}}, wait_for_metadata=True)


def show(result):
    return sorted((NAMES[tp.topic], tp.partition, error.__name__) for tp, error in result.items())


def committed():
    offsets = admin.list_group_offsets([GROUP])[GROUP]
    return sorted((NAMES[tp.topic], tp.partition, om.offset) for tp, om in offsets.items())


# The offsets are committed by a consumer, which waits for the group coordinator: on a fresh broker
# (no __consumer_offsets yet) kafka-python 3.0.12's admin calls fail at once with
# CoordinatorNotAvailableError instead of waiting.
committer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, group_id=GROUP, enable_auto_commit=False)
committer.assign([TopicPartition(ALT, 0), TopicPartition(ALT, 1), TopicPartition(NEU, 0)])
committer.commit({TopicPartition(ALT, 0): OffsetAndMetadata(5, "", -1),
                  TopicPartition(ALT, 1): OffsetAndMetadata(3, "", -1),
                  TopicPartition(NEU, 0): OffsetAndMetadata(2, "", -1)})
committer.close()
print("committed:", committed())
print("delete alt-0:", show(admin.delete_group_offsets(GROUP, [TopicPartition(ALT, 0)])))
print("committed:", committed())
print("delete alt-0 again:", show(admin.delete_group_offsets(GROUP, [TopicPartition(ALT, 0)])))

consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, group_id=GROUP, enable_auto_commit=False,
                         heartbeat_interval_ms=500)
consumer.subscribe([NEU])
consumer.partitions_for_topic(NEU)      # kafka-python 3.0.12: metadata before the first poll
deadline = time.monotonic() + 60
while not consumer.assignment() and time.monotonic() < deadline:
    consumer.poll(timeout_ms=100)
print("member subscribed to neu:", bool(consumer.assignment()))
print("delete neu-0 and alt-1:", show(admin.delete_group_offsets(GROUP, [TopicPartition(NEU, 0),
                                                                          TopicPartition(ALT, 1)])))
print("committed:", committed())
consumer.close()

try:
    admin.delete_group_offsets("gibt-es-nicht" + RUN, [TopicPartition(ALT, 0)])
except KafkaError as error:
    print("unknown group:", type(error).__name__)
print("empty list:", admin.delete_group_offsets(GROUP, []))
admin.close()
