"""kafka-python refuses, when the consumer is created, a partition_assignment_strategy that mixes an
eager assignor (RangePartitionAssignor) with the cooperative one: all assignors of a consumer must
share one rebalance protocol (KIP-429). Each alone is accepted."""
import os

from kafka import KafkaConsumer
from kafka.coordinator.assignors.cooperative_sticky import CooperativeStickyAssignor
from kafka.coordinator.assignors.range import RangePartitionAssignor
from kafka.coordinator.assignors.sticky.sticky_assignor import StickyPartitionAssignor
from kafka.errors import KafkaConfigurationError

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")
GROUP = "gemischt" + RUN

for strategy in ([RangePartitionAssignor, CooperativeStickyAssignor],
                 [CooperativeStickyAssignor, StickyPartitionAssignor],
                 [CooperativeStickyAssignor],
                 [StickyPartitionAssignor, RangePartitionAssignor]):
    names = [assignor.name for assignor in strategy]
    try:
        consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, group_id=GROUP,
                                 partition_assignment_strategy=strategy)
    except KafkaConfigurationError as error:
        print(names, "->", type(error).__name__, error)
    else:
        print(names, "-> accepted")
        consumer.close()
