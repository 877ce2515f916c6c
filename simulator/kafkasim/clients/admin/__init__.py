"""kafka.admin"""

from ._configs import AlterConfigOp, ConfigFilterType, ConfigResource, ConfigResourceType, ConfigSourceType, ConfigType  # noqa: F401
from ._groups import GroupState, GroupType, MemberToRemove  # noqa: F401
from ._partitions import NewPartitions, OffsetSpec, OffsetTimestamp  # noqa: F401
from ._topics import NewTopic  # noqa: F401
from .client import KafkaAdminClient  # noqa: F401
