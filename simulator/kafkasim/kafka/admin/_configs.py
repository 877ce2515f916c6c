"""kafka.admin._configs"""

from ...clients.admin._configs import AlterConfigOp, ConfigFilterType, ConfigResource, ConfigResourceType, ConfigSourceType, ConfigType  # noqa: F401,E501
