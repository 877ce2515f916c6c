"""The event trace: every state change, with a German explanation for the learner.

Events are plain dicts (JSON-ready) kept in a ring buffer; `seq` keeps counting past the buffer.
Record payloads are shown as display strings: UTF-8 text, else the repr of the bytes.
"""

from __future__ import annotations

from collections import deque

MAX_EVENTS = 5000


def display(data) -> str | None:
    """Key/value as the UI shows them: text if it is UTF-8, else the bytes' repr."""
    if data is None:
        return None
    try:
        return bytes(data).decode("utf-8")
    except UnicodeDecodeError:
        return repr(bytes(data))


def short(text: str | None, limit: int = 60) -> str:
    if text is None:
        return "null"
    return text if len(text) <= limit else text[: limit - 1] + "…"


class EventLog:
    __slots__ = ("_buffer", "seq", "_clock", "listeners")

    def __init__(self, clock, maxlen: int = MAX_EVENTS) -> None:
        self._buffer: deque[dict] = deque(maxlen=maxlen)
        self.seq = 0
        self._clock = clock
        # Callables receiving each event as it happens (the runner collects a script's events).
        self.listeners: list = []

    def emit(self, kind: str, text: str, **details) -> dict:
        self.seq += 1
        event = {"seq": self.seq, "t": self._clock.now, "kind": kind, "text": text}
        event.update(details)
        self._buffer.append(event)
        for listener in self.listeners:
            listener(event)
        return event

    def since(self, seq: int = 0) -> list[dict]:
        if seq <= 0:
            return list(self._buffer)
        return [e for e in self._buffer if e["seq"] > seq]
