"""Creating the course topic when it is missing, with German messages for the usual mistakes."""
from __future__ import annotations

from backend.cli import CliError


def ensure_topic(config: dict, topic: str, partitions: int, replication_factor: int) -> bool:
    """Create `topic` unless it exists; True when it was created now."""
    from kafka.admin import KafkaAdminClient
    from kafka.errors import (
        InvalidPartitionsError, InvalidReplicationFactorError, InvalidTopicError, TopicAlreadyExistsError,
    )

    admin = KafkaAdminClient(**config)
    try:
        if topic in admin.list_topics():
            return False
        admin.create_topics({topic: {"num_partitions": partitions, "replication_factor": replication_factor}},
                            wait_for_metadata=True)
        return True
    except TopicAlreadyExistsError:
        return False  # someone else created it in the meantime: fine
    except InvalidReplicationFactorError:
        brokers = len(admin.describe_cluster().get("brokers", []))
        raise CliError(f"Replikationsfaktor {replication_factor} geht nicht: der Cluster hat nur "
                       f"{brokers} Broker, jede Kopie braucht einen eigenen.") from None
    except InvalidPartitionsError:
        raise CliError(f"{partitions} Partitionen lehnt der Broker ab.") from None
    except InvalidTopicError:
        raise CliError(f"{topic!r} ist kein gültiger Topic-Name (erlaubt: a–z, A–Z, 0–9, . _ -; "
                       "höchstens 249 Zeichen).") from None
    finally:
        admin.close()
