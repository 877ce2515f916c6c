"""kafka.serializer.abstract."""
from . import Deserializer, Serializer  # noqa: F401
