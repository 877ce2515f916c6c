"""kafka.admin._topics"""

from ...clients.admin._topics import NewTopic  # noqa: F401
