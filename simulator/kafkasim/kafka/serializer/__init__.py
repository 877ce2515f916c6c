"""kafka.serializer"""

from ...clients.serializer import (DefaultSerializer, Deserializer, DeserializeWrapper,  # noqa: F401
                                  JsonSerializer, SerializeWrapper, Serializer)

__all__ = ["Serializer", "Deserializer", "DefaultSerializer", "JsonSerializer"]
