"""kafka.serializer.wrapper."""
from . import DeserializeWrapper, SerializeWrapper  # noqa: F401
