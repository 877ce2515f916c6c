"""Config resources for describe_configs / alter_configs (kafka.admin.ConfigResource & co.)."""

from enum import IntEnum


class ConfigResourceType(IntEnum):
    UNKNOWN = 0
    TOPIC = 2
    BROKER = 4
    BROKER_LOGGER = 8
    CLIENT_METRICS = 16
    GROUP = 32


class ConfigFilterType(IntEnum):
    ALL = 0
    DYNAMIC = 1
    MODIFIED = 2
    DEFAULT = 3
    STATIC = 4


class AlterConfigOp(IntEnum):
    SET = 0
    DELETE = 1
    APPEND = 2
    SUBTRACT = 3


class ConfigResource:
    def __init__(self, resource_type, name, configs=None):
        if not isinstance(resource_type, ConfigResourceType):
            resource_type = ConfigResourceType[str(resource_type).upper()]
        self.resource_type = resource_type
        self.name = name
        self.configs = configs

    def __str__(self):
        return f"ConfigResource {self.name}={self.resource_type}"

    def __repr__(self):
        return f"ConfigResource({self.resource_type}, {self.name}, {self.configs})"


class ConfigType(IntEnum):
    """The type of a described config (DescribeConfigs config_type)."""
    UNKNOWN = 0
    BOOLEAN = 1
    STRING = 2
    INT = 3
    SHORT = 4
    LONG = 5
    DOUBLE = 6
    LIST = 7
    CLASS = 8
    PASSWORD = 9


class ConfigSourceType(IntEnum):
    """Where a described config's value comes from (DescribeConfigs config_source)."""
    UNKNOWN = 0
    DYNAMIC_TOPIC_CONFIG = 1
    DYNAMIC_BROKER_CONFIG = 2
    DYNAMIC_DEFAULT_BROKER_CONFIG = 3
    STATIC_BROKER_CONFIG = 4
    DEFAULT_CONFIG = 5
    DYNAMIC_BROKER_LOGGER_CONFIG = 6
    DYNAMIC_CLIENT_METRICS_CONFIG = 7
    DYNAMIC_GROUP_CONFIG = 8

    def is_modified(self):
        """What config_filter='modified' keeps: set for this resource, not a broker-wide value or default."""
        return self.value not in (3, 4, 5)

    @classmethod
    def dynamic_for_resource_type(cls, resource_type):
        return {ConfigResourceType.UNKNOWN: cls.UNKNOWN, ConfigResourceType.TOPIC: cls.DYNAMIC_TOPIC_CONFIG,
                ConfigResourceType.BROKER: cls.DYNAMIC_BROKER_CONFIG,
                ConfigResourceType.BROKER_LOGGER: cls.DYNAMIC_BROKER_LOGGER_CONFIG,
                ConfigResourceType.CLIENT_METRICS: cls.DYNAMIC_CLIENT_METRICS_CONFIG,
                ConfigResourceType.GROUP: cls.DYNAMIC_GROUP_CONFIG}[ConfigResourceType(resource_type)]
