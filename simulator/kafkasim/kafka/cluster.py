"""kafka.cluster: the client's view of cluster metadata."""

from ..clients.cluster import ClusterMetadata  # noqa: F401
