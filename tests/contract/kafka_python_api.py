"""kafka-python 3.0.12's public API, read from the installed kafka-python itself.

    .venv/bin/python -m tests.contract.kafka_python_api      # prints every entry, one a line

An entry is one public name a learner's script can use:

    class   kafka.admin.NewTopic                        a public class (or function) of a module
    method  kafka.KafkaProducer.send                    a public method, with its inspect.signature
    config  kafka.KafkaProducer.config.linger_ms        a constructor setting, with its default

Modules: kafka, kafka.admin, kafka.errors, kafka.structs, kafka.serializer, kafka.partitioner,
kafka.coordinator.assignors.* (the values of `partitioner` and `partition_assignment_strategy`),
plus the result types a script handles (FutureRecordMetadata, RecordMetadata, ConsumerRecord).
Public = listed in the module's __all__ (kafka.admin adds the deprecated but documented NewTopic and
NewPartitions), or, for modules without __all__, defined in that module under a name without "_";
kafka.errors: every exception class.
"""
from __future__ import annotations

import enum
import importlib
import inspect
from dataclasses import dataclass, field

import kafka

KAFKA_PYTHON_VERSION = "3.0.12"

MODULES = {
    "kafka": None,
    "kafka.admin": ["NewTopic", "NewPartitions"],
    "kafka.errors": None,
    "kafka.structs": None,
    "kafka.serializer": None,
    "kafka.partitioner": None,
    "kafka.coordinator.assignors.range": ["RangePartitionAssignor"],
    "kafka.coordinator.assignors.roundrobin": ["RoundRobinPartitionAssignor"],
    "kafka.coordinator.assignors.sticky.sticky_assignor": ["StickyPartitionAssignor"],
    "kafka.coordinator.assignors.cooperative_sticky": ["CooperativeStickyAssignor"],
    "kafka.producer.future": ["FutureRecordMetadata", "RecordMetadata"],
    "kafka.consumer.fetcher": ["ConsumerRecord"],
}
# Modules of which only the names listed above count (the rest is kafka-python's plumbing).
ONLY_LISTED = {"kafka.coordinator.assignors.range", "kafka.coordinator.assignors.roundrobin",
               "kafka.coordinator.assignors.sticky.sticky_assignor",
               "kafka.coordinator.assignors.cooperative_sticky", "kafka.producer.future",
               "kafka.consumer.fetcher"}
# Classes of which a script uses only some methods; the others are called by kafka-python itself
# (an assignor's assign/metadata/on_assignment, a future's success/failure).
USED_METHODS = {
    "FutureRecordMetadata": {"get", "add_callback", "add_errback", "add_both", "succeeded", "failed"},
    "RangePartitionAssignor": set(), "RoundRobinPartitionAssignor": set(),
    "StickyPartitionAssignor": set(), "CooperativeStickyAssignor": set(),
}
# Classes whose constructor is **configs: their settings are listed as config entries instead.
CONFIGURED_CLIENTS = ("KafkaProducer", "KafkaConsumer", "KafkaAdminClient")


@dataclass(frozen=True)
class Entry:
    kind: str                 # "class", "method" or "config"
    id: str                   # "kafka.KafkaProducer.send"
    module: str               # "kafka"
    owner: str | None = None  # "KafkaProducer" for methods and configs
    name: str = ""
    detail: str = field(default="", compare=False)   # signature or default, for reading

    def __str__(self) -> str:
        return f"{self.kind:7} {self.id}{self.detail}"


def _public_names(module_name: str, extra: list[str] | None) -> list[str]:
    module = importlib.import_module(module_name)
    if module_name in ONLY_LISTED:
        return sorted(extra or [])
    if hasattr(module, "__all__"):
        names = list(module.__all__)
    else:
        names = [name for name, value in vars(module).items() if not name.startswith("_")
                 and (inspect.isclass(value) or inspect.isfunction(value))
                 and getattr(value, "__module__", "") == module_name]
    if module_name == "kafka.errors":
        names = [name for name, value in vars(module).items() if not name.startswith("_")
                 and inspect.isclass(value) and issubclass(value, BaseException)
                 and value.__module__.startswith("kafka")]
    return sorted(set(names) | set(extra or []))


def is_plain_data(cls) -> bool:
    """Exceptions, enums and namedtuples are compared as a whole, not method by method."""
    return issubclass(cls, (BaseException, enum.Enum)) or (issubclass(cls, tuple) and hasattr(cls, "_fields"))


def public_methods(cls) -> dict[str, object]:
    """Methods defined by kafka-python itself on cls or its kafka-python bases (not object's)."""
    methods = {}
    for klass in reversed(cls.__mro__):
        if not getattr(klass, "__module__", "").startswith("kafka"):
            continue
        for name, value in vars(klass).items():
            function = value.__func__ if isinstance(value, (staticmethod, classmethod)) else value
            if (not name.startswith("_") or name == "__init__") and inspect.isfunction(function):
                methods[name] = getattr(cls, name)
    if cls.__name__ in CONFIGURED_CLIENTS:
        methods.pop("__init__", None)
    if cls.__name__ in USED_METHODS:
        methods = {name: m for name, m in methods.items() if name in USED_METHODS[cls.__name__]}
    return methods


def _signature(function) -> str:
    try:
        return str(inspect.signature(function))
    except (TypeError, ValueError):
        return "(?)"


def entries() -> list[Entry]:
    found: dict[str, Entry] = {}
    expanded: set[int] = set()   # a class re-exported by several modules is expanded once
    for module_name, extra in MODULES.items():
        module = importlib.import_module(module_name)
        for name in _public_names(module_name, extra):
            value = getattr(module, name)
            class_id = f"{module_name}.{name}"
            found.setdefault(class_id, Entry("class", class_id, module_name, None, name))
            if not inspect.isclass(value) or is_plain_data(value) or id(value) in expanded:
                continue
            expanded.add(id(value))
            for method_name, method in public_methods(value).items():
                method_id = f"{class_id}.{method_name}"
                found.setdefault(method_id, Entry("method", method_id, module_name, name, method_name,
                                                  _signature(method)))
            if name in CONFIGURED_CLIENTS:
                for key, default in value.DEFAULT_CONFIG.items():
                    config_id = f"{class_id}.config.{key}"
                    found.setdefault(config_id, Entry("config", config_id, module_name, name, key,
                                                      f" = {default!r}"))
    return sorted(found.values(), key=lambda e: e.id)


def main() -> int:
    assert kafka.__version__ == KAFKA_PYTHON_VERSION, kafka.__version__
    for entry in entries():
        print(entry)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
