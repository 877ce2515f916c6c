"""kafka.serializer.default"""

from ...clients.serializer import DefaultSerializer  # noqa: F401
