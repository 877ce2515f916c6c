"""kafka.serializer: Serializer/Deserializer bases, DefaultSerializer (str ↔ UTF-8), JsonSerializer."""

from __future__ import annotations

import json as _json
from abc import ABC, abstractmethod


class Serializer(ABC):
    @abstractmethod
    def serialize(self, topic, headers, data):
        ...

    def close(self):
        pass


class Deserializer(ABC):
    @abstractmethod
    def deserialize(self, topic, headers, data):
        ...

    def close(self):
        pass


class DefaultSerializer(Serializer, Deserializer):
    def __init__(self, encoding="utf-8"):
        self.encoding = encoding

    def serialize(self, topic, headers, data):
        if type(data) in (bytes, bytearray, memoryview, type(None)):
            return data
        return data.encode(self.encoding)

    def deserialize(self, topic, headers, data):
        return None if data is None else bytes(data).decode(self.encoding)


class JsonSerializer(DefaultSerializer):
    def serialize(self, topic, headers, data):
        return None if data is None else super().serialize(topic, headers, _json.dumps(data))

    def deserialize(self, topic, headers, data):
        return None if data is None else _json.loads(super().deserialize(topic, headers, data))


class SerializeWrapper(Serializer):
    """Wraps a plain callable; like kafka-python it is called with None too (tombstones, null keys)."""

    def __init__(self, fn):
        self.fn = fn

    def serialize(self, topic, headers, data):
        return data if self.fn is None else self.fn(data)


class DeserializeWrapper(Deserializer):
    def __init__(self, fn):
        self.fn = fn

    def deserialize(self, topic, headers, data):
        return data if self.fn is None else self.fn(data)
