"""Kafka's Uuid: topic ids and the member ids the new group clients choose themselves."""

from __future__ import annotations

import base64


def _int32(value: int) -> int:
    value &= 0xFFFFFFFF
    return value - (1 << 32) if value & 0x80000000 else value


class Uuid:
    """org.apache.kafka.common.Uuid: two longs, printed as 22 characters of URL-safe base64."""

    __slots__ = ("most", "least")

    def __init__(self, most: int, least: int) -> None:
        self.most = most & 0xFFFFFFFFFFFFFFFF
        self.least = least & 0xFFFFFFFFFFFFFFFF

    @classmethod
    def random(cls, rng) -> "Uuid":
        """Uuid.randomUuid from the kernel's seeded generator (so a run repeats)."""
        return cls(rng.getrandbits(64), rng.getrandbits(64))

    @classmethod
    def parse(cls, text: str) -> "Uuid":
        raw = base64.urlsafe_b64decode(text + "==")
        return cls(int.from_bytes(raw[:8], "big"), int.from_bytes(raw[8:], "big"))

    def java_hash(self) -> int:
        h = self.most ^ self.least
        return _int32((h >> 32) ^ h)

    def __str__(self) -> str:
        raw = self.most.to_bytes(8, "big") + self.least.to_bytes(8, "big")
        return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")

    __repr__ = __str__

    def __eq__(self, other) -> bool:
        return isinstance(other, Uuid) and (self.most, self.least) == (other.most, other.least)

    def __hash__(self) -> int:
        return hash((self.most, self.least))

    def __lt__(self, other: "Uuid") -> bool:
        return str(self) < str(other)
