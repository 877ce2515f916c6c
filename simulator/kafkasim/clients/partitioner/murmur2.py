"""Kafka's murmur2 hash and the key → partition rule of the Java client and kafka-python."""

from __future__ import annotations

_SEED = 0x9747B28C
_M = 0x5BD1E995
_MASK = 0xFFFFFFFF


def murmur2(data: bytes) -> int:
    """Unsigned 32-bit MurmurHash2 as Kafka computes it (little-endian 4-byte blocks)."""
    length = len(data)
    h = (_SEED ^ length) & _MASK
    body = length - (length & 3)
    for i in range(0, body, 4):
        k = int.from_bytes(data[i:i + 4], "little")
        k = (k * _M) & _MASK
        k ^= k >> 24
        k = (k * _M) & _MASK
        h = ((h * _M) & _MASK) ^ k
    tail = length & 3
    if tail:
        if tail == 3:
            h ^= data[body + 2] << 16
        if tail >= 2:
            h ^= data[body + 1] << 8
        h ^= data[body]
        h = (h * _M) & _MASK
    h ^= h >> 13
    h = (h * _M) & _MASK
    h ^= h >> 15
    return h


def partition_for_key(key: bytes, num_partitions: int) -> int:
    """The default partitioner's choice for a non-null key: positive hash modulo partitions."""
    return (murmur2(key) & 0x7FFFFFFF) % num_partitions


class KeyPartitionCache:
    """Memoises partition_for_key: workloads repeat a few keys (40 DAX symbols) millions of times."""

    __slots__ = ("_cache",)

    def __init__(self) -> None:
        self._cache: dict[tuple[bytes, int], int] = {}

    def get(self, key: bytes, num_partitions: int) -> int:
        cache_key = (key, num_partitions)
        partition = self._cache.get(cache_key)
        if partition is None:
            if len(self._cache) > 100_000:
                self._cache.clear()
            partition = self._cache[cache_key] = partition_for_key(bytes(key), num_partitions)
        return partition
