"""Unknown constructor arguments are refused at once: KafkaProducer and KafkaConsumer raise
KafkaConfigurationError "Unrecognized configs", KafkaAdminClient does too."""
import os

from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer
from kafka.errors import KafkaConfigurationError

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")

for cls, wrong in ((KafkaProducer, "linger"), (KafkaConsumer, "groupid"), (KafkaAdminClient, "topic")):
    try:
        cls(bootstrap_servers=BOOTSTRAP, **{wrong: 1})
        print(cls.__name__, wrong, "-> accepted")
    except (KafkaConfigurationError, ValueError, TypeError) as error:
        print(cls.__name__, wrong, "->", type(error).__name__)
