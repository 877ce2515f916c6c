"""The event trace: structured events of every state change, and their German narration."""

from .trace import MAX_EVENTS, EventLog, display, short

__all__ = ["MAX_EVENTS", "EventLog", "display", "short"]
