"""kafka.producer.future"""

from ...clients.producer.future import FutureRecordMetadata, RecordMetadata  # noqa: F401
