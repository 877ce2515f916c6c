"""kafka.serializer.wrapper"""

from ...clients.serializer import DeserializeWrapper, SerializeWrapper  # noqa: F401
