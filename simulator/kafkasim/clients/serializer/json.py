"""kafka.serializer.json."""
from . import JsonSerializer  # noqa: F401
