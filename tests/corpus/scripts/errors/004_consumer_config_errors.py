"""Consumer settings checked in the constructor: an unknown isolation_level, a non-list
partition_assignment_strategy entry, and enable_auto_commit without group_id."""
import os

from kafka import KafkaConsumer
from kafka.errors import KafkaConfigurationError

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")

for label, config in (("isolation_level wrong", {"isolation_level": "read_everything"}),
                      ("isolation_level committed", {"isolation_level": "read_committed"}),
                      ("auto commit without group", {"enable_auto_commit": True}),
                      ("session timeout below heartbeat", {"group_id": "g", "session_timeout_ms": 1000,
                                                           "heartbeat_interval_ms": 3000})):
    try:
        KafkaConsumer(bootstrap_servers=BOOTSTRAP, **config).close()
        print(label, "-> ok")
    except (KafkaConfigurationError, ValueError, TypeError, AssertionError) as error:
        print(label, "->", type(error).__name__)
