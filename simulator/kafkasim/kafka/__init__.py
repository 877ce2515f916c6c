"""The kafka-python 3.0 API on the simulated cluster: what `import kafka` gives a learner's script.

Module paths mirror kafka-python (kafka.admin, kafka.errors, kafka.structs, kafka.consumer,
kafka.producer, kafka.partitioner, kafka.coordinator.assignors, kafka.serializer); each module
re-exports the simulator's client implementation (kafkasim.clients) under kafka-python's name.
"""

__title__ = "kafka"
__version__ = "3.0.12"

from . import errors, structs  # noqa: E402
from .admin import KafkaAdminClient  # noqa: E402
from .consumer import KafkaConsumer  # noqa: E402
from .consumer.subscription_state import AsyncConsumerRebalanceListener, ConsumerRebalanceListener  # noqa: E402
from .producer import KafkaProducer  # noqa: E402
from .serializer import DefaultSerializer, Deserializer, JsonSerializer, Serializer  # noqa: E402
from .structs import ConsumerGroupMetadata, OffsetAndMetadata, TopicPartition, TopicPartitionReplica  # noqa: E402
from .admin._partitions import IsolationLevel, OffsetSpec  # noqa: E402
from . import admin, cluster, consumer, coordinator, future, partitioner, producer, serializer  # noqa: E402,F401
from .consumer import fetcher, group, subscription_state  # noqa: E402,F401
from .coordinator import assignors  # noqa: E402,F401
from .coordinator.assignors import abstract as _abstract, range as _range, roundrobin as _roundrobin  # noqa: E402,F401
from .coordinator.assignors.sticky import sticky_assignor  # noqa: E402,F401
from .coordinator.assignors import cooperative_sticky as _cooperative_sticky  # noqa: E402,F401
from .producer import future as _producer_future, kafka as _producer_kafka  # noqa: E402,F401
from .producer import record_accumulator as _accumulator, sender as _sender  # noqa: E402,F401
from .partitioner import abc as _partitioner_abc, default as _partitioner_default  # noqa: E402,F401
from .serializer import abstract as _s_abstract, default as _s_default, json as _s_json, wrapper as _s_wrapper  # noqa: E402,F401,E501
from .admin import _configs as _admin_configs, _partitions as _admin_partitions, _topics as _admin_topics, client as _admin_client  # noqa: E402,F401

__all__ = [
    "KafkaAdminClient", "KafkaConsumer", "KafkaProducer",
    "AsyncConsumerRebalanceListener", "ConsumerRebalanceListener",
    "DefaultSerializer", "JsonSerializer", "Serializer", "Deserializer",
    "ConsumerGroupMetadata", "OffsetAndMetadata", "TopicPartition", "TopicPartitionReplica", "IsolationLevel",
    "OffsetSpec",
]

# kafka-python features the simulator refuses at once with a German message (see _not_simulated.py).
from . import _not_simulated  # noqa: E402
_not_simulated.install({"KafkaProducer": KafkaProducer, "KafkaConsumer": KafkaConsumer,
                        "KafkaAdminClient": KafkaAdminClient}, admin)
