"""Kafka's classic (non-flexible) wire encoding: big-endian integers, int16-prefixed strings,
int32-prefixed bytes and arrays, -1 for null."""

from __future__ import annotations

import struct as _struct

_INT16 = _struct.Struct(">h")
_INT32 = _struct.Struct(">i")


class Writer:
    __slots__ = ("parts",)

    def __init__(self) -> None:
        self.parts: list[bytes] = []

    def int16(self, value: int) -> "Writer":
        self.parts.append(_INT16.pack(value))
        return self

    def int32(self, value: int) -> "Writer":
        self.parts.append(_INT32.pack(value))
        return self

    def string(self, value: str | None) -> "Writer":
        if value is None:
            return self.int16(-1)
        data = value.encode("utf-8")
        self.int16(len(data))
        self.parts.append(data)
        return self

    def bytes(self, value: bytes | None) -> "Writer":
        if value is None:
            return self.int32(-1)
        self.int32(len(value))
        self.parts.append(bytes(value))
        return self

    def array(self, items, write_item) -> "Writer":
        if items is None:
            return self.int32(-1)
        items = list(items)
        self.int32(len(items))
        for item in items:
            write_item(self, item)
        return self

    def getvalue(self) -> bytes:
        return b"".join(self.parts)


class Reader:
    __slots__ = ("data", "pos")

    def __init__(self, data: bytes) -> None:
        self.data = bytes(data)
        self.pos = 0

    def _take(self, n: int) -> bytes:
        if self.pos + n > len(self.data):
            raise ValueError("truncated Kafka structure")
        chunk = self.data[self.pos:self.pos + n]
        self.pos += n
        return chunk

    def int16(self) -> int:
        return _INT16.unpack(self._take(2))[0]

    def int32(self) -> int:
        return _INT32.unpack(self._take(4))[0]

    def string(self) -> str | None:
        n = self.int16()
        return None if n < 0 else self._take(n).decode("utf-8")

    def bytes(self) -> bytes | None:
        n = self.int32()
        return None if n < 0 else self._take(n)

    def array(self, read_item) -> list | None:
        n = self.int32()
        return None if n < 0 else [read_item(self) for _ in range(n)]

    def at_end(self) -> bool:
        return self.pos >= len(self.data)
