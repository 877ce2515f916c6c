"""kafka.future.Future: the callback-style future kafka-python returns (single-threaded here)."""

from __future__ import annotations

import functools
import logging
import os
import traceback

log = logging.getLogger("kafka.future")
_PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# kafka-python runs a client's callbacks in its IO thread ("kafka-io-<client_id>"), not in the
# thread that called send(). The simulator has no such thread; while callbacks of a client run,
# this names the thread they would run in, and a script's threading.current_thread() answers so.
io_thread_name: str | None = None


class in_io_thread:
    """Context: what runs inside counts as running in `client_id`'s IO thread."""

    __slots__ = ("name", "outer")

    def __init__(self, client_id: str) -> None:
        self.name = f"kafka-io-{client_id}"

    def __enter__(self):
        global io_thread_name
        self.outer, io_thread_name = io_thread_name, self.name

    def __exit__(self, *exc):
        global io_thread_name
        io_thread_name = self.outer


class Future:
    error_on_callbacks = False

    def __init__(self):
        self.is_done = False
        self.value = None
        self.exception = None
        self._callbacks = []
        self._errbacks = []

    def succeeded(self):
        return self.is_done and self.exception is None

    def failed(self):
        return self.is_done and self.exception is not None

    def retriable(self):
        return self.failed() and getattr(self.exception, "retriable", False)

    def success(self, value):
        self.value = value
        self.is_done = True
        callbacks, self._callbacks, self._errbacks = self._callbacks, [], []
        for f in callbacks:
            self._call(f, value)
        return self

    def failure(self, e):
        exception = e() if isinstance(e, type) else e
        if not isinstance(exception, BaseException):
            raise TypeError("future failed without an exception")
        self.exception = exception
        self.is_done = True
        errbacks, self._callbacks, self._errbacks = self._errbacks, [], []
        for f in errbacks:
            self._call(f, exception)
        return self

    def _call(self, f, arg):
        try:
            f(arg)
        except Exception as exc:
            # kafka-python logs callback errors and carries on; a learner sees them on stderr,
            # with the frames of their own code only (not the simulator's).
            frames = [fr for fr in traceback.extract_tb(exc.__traceback__)
                      if not fr.filename.startswith(_PACKAGE_DIR)]
            log.error("Error processing callback\n%s%s", "".join(traceback.format_list(frames)),
                      "".join(traceback.format_exception_only(type(exc), exc)).rstrip())
            if self.error_on_callbacks:
                raise

    def add_callback(self, f, *args, **kwargs):
        if args or kwargs:
            f = functools.partial(f, *args, **kwargs)
        if self.is_done:
            if self.exception is None:
                self._call(f, self.value)
        else:
            self._callbacks.append(f)
        return self

    def add_errback(self, f, *args, **kwargs):
        if args or kwargs:
            f = functools.partial(f, *args, **kwargs)
        if self.is_done:
            if self.exception is not None:
                self._call(f, self.exception)
        else:
            self._errbacks.append(f)
        return self

    def add_both(self, f, *args, **kwargs):
        self.add_callback(f, *args, **kwargs)
        self.add_errback(f, *args, **kwargs)
        return self

    def chain(self, future):
        self.add_callback(future.success)
        self.add_errback(future.failure)
        return self
