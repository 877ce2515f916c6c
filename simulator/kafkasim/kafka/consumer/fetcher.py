"""kafka.consumer.fetcher"""

from ...clients.consumer.fetcher import ConsumerRecord, Fetcher  # noqa: F401
