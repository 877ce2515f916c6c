"""FutureRecordMetadata and RecordMetadata as kafka-python returns them from send()."""

from __future__ import annotations

import collections

from ... import errors as Errors
from ..future import Future

RecordMetadata = collections.namedtuple(
    "RecordMetadata", ["topic", "partition", "topic_partition", "offset", "timestamp", "checksum",
                       "serialized_key_size", "serialized_value_size", "serialized_header_size"])


class FutureRecordMetadata(Future):
    def __init__(self, env, topic_partition, key_size, value_size, header_size):
        super().__init__()
        self._env = env
        self._tp = topic_partition
        self._sizes = (key_size, value_size, header_size)

    # Called by the sender when the broker answered.
    def _resolve(self, offset, timestamp):
        tp = self._tp
        self.success(RecordMetadata(tp.topic, tp.partition, tp, offset, timestamp, None, *self._sizes))

    def _reject(self, error):
        self.failure(error)

    def get(self, timeout=None):
        """Blocks (in simulated time) until the broker answered, at most `timeout` seconds."""
        env = self._env
        if not self.is_done:
            deadline = float("inf") if timeout is None else env.kernel.now + timeout * 1000
            env.block(deadline, lambda: self.is_done)
        if not self.is_done:
            raise Errors.KafkaTimeoutError("Timeout after waiting for %s secs." % (timeout,))
        if self.failed():
            raise self.exception
        return self.value


