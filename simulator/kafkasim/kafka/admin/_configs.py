"""kafka.admin._configs"""

from ...clients.admin._configs import AlterConfigOp, ConfigFilterType, ConfigResource, ConfigResourceType  # noqa: F401,E501
