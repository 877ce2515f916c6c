"""kafka.producer.sender"""

from ...clients.producer.sender import Sender  # noqa: F401
