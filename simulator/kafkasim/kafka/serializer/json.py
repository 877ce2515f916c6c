"""kafka.serializer.json"""

from ...clients.serializer import JsonSerializer  # noqa: F401
