"""kafka.partitioner.abc"""

from ...clients.partitioner.abc import Partitioner  # noqa: F401
