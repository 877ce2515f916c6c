"""kafka.serializer.abstract"""

from ...clients.serializer import Deserializer, Serializer  # noqa: F401
