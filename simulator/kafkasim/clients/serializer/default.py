"""kafka.serializer.default."""
from . import DefaultSerializer  # noqa: F401
