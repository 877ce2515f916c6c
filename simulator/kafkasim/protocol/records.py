"""What a Produce request carries and a Fetch response returns.

A producer sends a `RecordBatch` per partition; its `records` are (timestamp_ms, key, value,
headers) tuples with key and value as bytes or None. The log stores (offset, timestamp_ms, key,
value, headers) and a Fetch response returns those tuples unchanged.
"""

from __future__ import annotations

from .api import struct

# Bytes a record costs on disk besides key and value (record header in a v2 batch, roughly).
RECORD_OVERHEAD = 20

# size: bytes of the records (record_size summed); max_timestamp: the largest record timestamp. Both
# travel in a real batch's header too; the broker takes them instead of counting again.
RecordBatch = struct("RecordBatch",
                     "records producer_id producer_epoch base_sequence is_transactional size max_timestamp",
                     producer_id=-1, producer_epoch=-1, base_sequence=-1, is_transactional=False)

# Timestamp types of a record (Kafka's TimestampType): set by the producer, or by the broker.
CREATE_TIME = 0
LOG_APPEND_TIME = 1

# What a v2 batch costs besides its records (the batch header).
BATCH_OVERHEAD = 61


class AppendTimeRecord(tuple):
    """A stored record whose timestamp the broker set (message.timestamp.type=LogAppendTime); in
    Kafka the batch header says so, here the record carries the mark through Fetch responses."""

    __slots__ = ()


class TxnRecord(tuple):
    """A stored record written inside a transaction (a batch with the transactional bit): it
    carries its batch's `producer_id`, which a read_committed consumer matches against the
    aborted transactions of a Fetch response. No __slots__: the producer id is an attribute."""


class TxnAppendTimeRecord(AppendTimeRecord):
    """A transactional record whose timestamp the broker set; carries `producer_id` too."""


class ControlRecord(tuple):
    """A transaction marker (a control batch of one record): (offset, timestamp, None, None, None)
    with `producer_id`, `producer_epoch` and `commit` (True: COMMIT, False: ABORT). It takes an offset
    of its own; consumers never hand it out."""


# Record types whose timestamp the broker set.
APPEND_TIME_TYPES = (AppendTimeRecord, TxnAppendTimeRecord)
# Record types of transactional data records (they carry `producer_id`).
TXN_TYPES = (TxnRecord, TxnAppendTimeRecord)
# Record types a plain (non-transactional) log holds: fetched batches of only these need no filtering.
PLAIN_TYPES = frozenset((tuple, AppendTimeRecord))


def timestamp_type(record) -> int:
    return LOG_APPEND_TIME if type(record) in APPEND_TIME_TYPES else CREATE_TIME


def record_size(key, value) -> int:
    return RECORD_OVERHEAD + (len(key) if key is not None else 0) + (len(value) if value is not None else 0)
