"""kafka.future"""

from ..clients.future import Future  # noqa: F401
