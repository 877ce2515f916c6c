"""Java's HashMap and HashSet iteration order, and the hash codes it depends on.

Kafka's server-side assignors iterate HashMaps and HashSets (members, topics, partitions), so which
member gets which partition depends on Java's iteration order. To compute what the broker
computes, the assignors here use these two classes wherever the Java code uses a HashMap or a
HashSet, with the same constructor capacities.

Java's HashMap: a table of 2^k buckets (16 by default), bucket = spread(hashCode) & (size - 1)
with spread(h) = h ^ (h >>> 16). `put` appends to its bucket and doubles the table afterwards once
it holds more than 3/4 of its size; `computeIfAbsent` checks the size first and puts the new entry
at the *head* of its bucket. A bucket that grows past 8 entries (7 for computeIfAbsent) in a table
smaller than 64 doubles the table too. Iteration runs bucket by bucket. Buckets that Java would
turn into trees (tables of 64 and more) never occur in a simulated group; they raise.
"""

from __future__ import annotations

_MASK32 = 0xFFFFFFFF
_MAXIMUM_CAPACITY = 1 << 30
_TREEIFY_THRESHOLD = 8
_MIN_TREEIFY_CAPACITY = 64


def int32(value: int) -> int:
    value &= _MASK32
    return value - (1 << 32) if value & 0x80000000 else value


def string_hash(text: str) -> int:
    """java.lang.String.hashCode: s[0]*31^(n-1) + … over UTF-16 code units, as int32."""
    h = 0
    data = text.encode("utf-16-be")
    for i in range(0, len(data), 2):
        h = (31 * h + ((data[i] << 8) | data[i + 1])) & _MASK32
    return int32(h)


def long_hash(value: int) -> int:
    """java.lang.Long.hashCode."""
    value &= 0xFFFFFFFFFFFFFFFF
    return int32(value ^ (value >> 32))


def record_hash(*component_hashes: int) -> int:
    """The hashCode of a Java record: 31 * h + hash(component), starting from 0."""
    h = 0
    for component in component_hashes:
        h = (31 * h + component) & _MASK32
    return int32(h)


def java_hash(key) -> int:
    """hashCode() of the Java object a Python key stands for: int → Integer, str → String,
    objects with `java_hash()` (Uuid, TopicIdPartition) → their own."""
    if isinstance(key, bool):
        raise TypeError("no Java counterpart for bool keys")
    if isinstance(key, int):
        return int32(key)
    if isinstance(key, str):
        return string_hash(key)
    return key.java_hash()


def table_size_for(capacity: int) -> int:
    """HashMap.tableSizeFor: the smallest power of two >= capacity (at least 1)."""
    n = 1
    while n < capacity and n < _MAXIMUM_CAPACITY:
        n <<= 1
    return n


def capacity_for(mappings: int) -> int:
    """The capacity Java passes for `mappings` entries: (int) (n / 0.75f + 1), as
    `new HashSet<>(collection)` and `HashMap.putAll` into an empty map use it."""
    return int(mappings / 0.75 + 1.0)


class HashMap:
    """java.util.HashMap's iteration order (keys only matter; values ride along)."""

    __slots__ = ("_buckets", "_initial", "_size")

    def __init__(self, initial_capacity: int = 16) -> None:
        # Java allocates the table lazily, sized by the constructor's capacity (0 → 1).
        self._initial = table_size_for(initial_capacity)
        self._buckets: list[list] | None = None
        self._size = 0

    @classmethod
    def copy_of(cls, other) -> "HashMap":
        """new HashMap<>(map): a table for the other's size (no minimum of 16), entries in its
        iteration order."""
        items = list(other.items()) if hasattr(other, "items") else list(other)
        result = cls(capacity_for(len(items)) if items else 16)
        for key, value in items:
            result.put(key, value)
        return result

    def _index(self, key, size: int) -> int:
        h = java_hash(key) & _MASK32
        return (h ^ (h >> 16)) & (size - 1)

    def _resize(self) -> None:
        old = self._buckets
        size = len(old) * 2
        buckets: list[list] = [[] for _ in range(size)]
        # Splitting a bucket keeps its order, so iterating the old table and appending is exact.
        for bucket in old:
            for entry in bucket:
                buckets[self._index(entry[0], size)].append(entry)
        self._buckets = buckets

    def _find(self, key):
        if self._buckets is None:
            return None, None
        bucket = self._buckets[self._index(key, len(self._buckets))]
        for entry in bucket:
            if entry[0] == key:
                return bucket, entry
        return bucket, None

    def put(self, key, value=None):
        if self._buckets is None:
            self._buckets = [[] for _ in range(self._initial)]
        bucket, entry = self._find(key)
        if entry is not None:
            previous = entry[1]
            entry[1] = value
            return previous
        if len(bucket) >= _TREEIFY_THRESHOLD:
            if len(self._buckets) >= _MIN_TREEIFY_CAPACITY:
                raise NotImplementedError("Java would turn this bucket into a tree")
            bucket.append([key, value])
            self._size += 1
            self._resize()
        else:
            bucket.append([key, value])
            self._size += 1
        if self._size > self._threshold():
            self._resize()
        return None

    def get(self, key, default=None):
        _bucket, entry = self._find(key)
        return default if entry is None else entry[1]

    def _threshold(self) -> int:
        return len(self._buckets) * 3 // 4

    def compute_if_absent(self, key, make):
        if self._buckets is None:
            self._buckets = [[] for _ in range(self._initial)]
        elif self._size > self._threshold():
            self._resize()
        bucket, entry = self._find(key)
        if entry is not None:
            return entry[1]
        value = make()
        crowded = len(bucket) >= _TREEIFY_THRESHOLD - 1
        bucket.insert(0, [key, value])
        self._size += 1
        if crowded:
            if len(self._buckets) >= _MIN_TREEIFY_CAPACITY:
                raise NotImplementedError("Java would turn this bucket into a tree")
            self._resize()
        return value

    def remove(self, key):
        bucket, entry = self._find(key)
        if entry is None:
            return None
        bucket.remove(entry)
        self._size -= 1
        return entry[1]

    def __contains__(self, key) -> bool:
        return self._find(key)[1] is not None

    def __len__(self) -> int:
        return self._size

    def __iter__(self):
        return iter(self.keys())

    def keys(self) -> list:
        return [entry[0] for bucket in self._buckets or () for entry in bucket]

    def values(self) -> list:
        return [entry[1] for bucket in self._buckets or () for entry in bucket]

    def items(self) -> list[tuple]:
        return [(entry[0], entry[1]) for bucket in self._buckets or () for entry in bucket]


class HashSet:
    """java.util.HashSet: a HashMap of its elements."""

    __slots__ = ("_map",)

    def __init__(self, initial_capacity: int = 16) -> None:
        self._map = HashMap(initial_capacity)

    @classmethod
    def of(cls, elements) -> "HashSet":
        """new HashSet<>(collection): capacity max(n / .75f + 1, 16), elements in the given order."""
        elements = list(elements)
        result = cls(max(capacity_for(len(elements)), 16))
        for element in elements:
            result.add(element)
        return result

    def add(self, element) -> bool:
        if element in self._map:
            return False
        self._map.put(element, True)
        return True

    def remove(self, element) -> bool:
        if element not in self._map:
            return False
        self._map.remove(element)
        return True

    def __contains__(self, element) -> bool:
        return element in self._map

    def __len__(self) -> int:
        return len(self._map)

    def __iter__(self):
        return iter(self._map.keys())

    def __eq__(self, other) -> bool:
        return set(self) == set(other)

    def __repr__(self) -> str:
        return f"HashSet({list(self)})"
