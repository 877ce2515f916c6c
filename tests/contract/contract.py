"""Does the simulator's `kafkasim.kafka` honour one entry of kafka-python's public API?

Each check returns the list of problems (empty = honoured). An entry is honoured when the facade
either implements it (same name, same kind, compatible signature or equal default) or refuses it at
once through kafkasim.kafka._not_simulated (NotSimulatedError with a German message that says
"nicht simuliert").
"""
from __future__ import annotations

import enum
import importlib
import inspect

from tests.contract.kafka_python_api import Entry, is_plain_data

NOT_SIMULATED_WORDS = "nicht simuliert"


def sim_module_name(real_module: str) -> str:
    return "kafkasim." + real_module


def _sim_module(real_module: str):
    return importlib.import_module(sim_module_name(real_module))


def _refusals():
    from kafkasim.kafka import _not_simulated
    return _not_simulated


def _real(entry: Entry):
    module = importlib.import_module(entry.module)
    return getattr(module, entry.owner or entry.name)


def _is_refusal(call) -> list[str]:
    """[] when call() raises NotSimulatedError at once with a German 'nicht simuliert' message."""
    refusals = _refusals()
    try:
        call()
    except refusals.NotSimulatedError as error:
        return [] if NOT_SIMULATED_WORDS in str(error) else [f"refusal without '{NOT_SIMULATED_WORDS}': {error}"]
    except Exception as error:  # noqa: BLE001 - any other outcome is the finding
        return [f"listed as not simulated, but raises {type(error).__name__}: {error}"]
    return ["listed as not simulated, but accepted"]


def same_default(real, sim) -> bool:
    if real is sim:
        return True
    if inspect.isfunction(real) and inspect.isfunction(sim):
        return True                       # e.g. two no-op lambdas: not comparable, both callables
    if inspect.isclass(real) and inspect.isclass(sim):
        return real.__name__ == sim.__name__
    if isinstance(real, (tuple, list)) and isinstance(sim, (tuple, list)):
        return type(real) is type(sim) and len(real) == len(sim) and all(map(same_default, real, sim))
    if isinstance(real, enum.Enum) or isinstance(sim, enum.Enum):
        return getattr(real, "name", real) == getattr(sim, "name", sim) and \
            getattr(real, "value", real) == getattr(sim, "value", sim)
    if type(real).__module__.startswith("kafka") and type(sim).__module__.startswith("kafkasim"):
        return type(real).__name__ == type(sim).__name__       # e.g. a DefaultPartitioner() instance
    try:
        return bool(real == sim) and type(real) is type(sim)
    except Exception:  # noqa: BLE001
        return False


def signature_problems(real_fn, sim_fn) -> list[str]:
    try:
        real = inspect.signature(real_fn)
    except (TypeError, ValueError):
        return []
    try:
        sim = inspect.signature(sim_fn)
    except (TypeError, ValueError):
        return ["simulator's signature cannot be read"]
    problems = []
    sim_params = sim.parameters
    kinds = inspect.Parameter
    real_positional = [p.name for p in real.parameters.values() if p.kind == kinds.POSITIONAL_OR_KEYWORD]
    sim_positional = [p.name for p in sim_params.values()
                      if p.kind in (kinds.POSITIONAL_ONLY, kinds.POSITIONAL_OR_KEYWORD)]
    if sim_positional[:len(real_positional)] != real_positional:
        problems.append(f"positional parameters {sim_positional} instead of {real_positional}")
    for param in real.parameters.values():
        if param.kind in (kinds.VAR_POSITIONAL, kinds.VAR_KEYWORD):
            if not any(p.kind == param.kind for p in sim_params.values()):
                problems.append(f"no {'*' if param.kind == kinds.VAR_POSITIONAL else '**'}{param.name}")
            continue
        other = sim_params.get(param.name)
        if other is None:
            problems.append(f"no parameter {param.name}")
        elif param.default is not kinds.empty and (other.default is kinds.empty
                                                   or not same_default(param.default, other.default)):
            problems.append(f"{param.name} defaults to {other.default!r}, kafka-python: {param.default!r}")
    for other in sim_params.values():
        if other.name not in real.parameters and other.default is kinds.empty \
                and other.kind not in (kinds.VAR_POSITIONAL, kinds.VAR_KEYWORD):
            problems.append(f"extra required parameter {other.name}")
    return problems


def _class_problems(entry: Entry) -> list[str]:
    refusals = _refusals()
    try:
        module = _sim_module(entry.module)
    except ImportError as error:
        return [f"module {sim_module_name(entry.module)} missing: {error}"]
    if entry.module == "kafka.admin" and entry.name in refusals.REFUSED_CLASSES:
        if not hasattr(module, entry.name):
            return ["listed as not simulated, but not installed"]
        return _is_refusal(getattr(module, entry.name))
    if not hasattr(module, entry.name):
        return [f"{sim_module_name(entry.module)}.{entry.name} missing"]
    real, sim = getattr(importlib.import_module(entry.module), entry.name), getattr(module, entry.name)
    if not inspect.isclass(real):
        return [] if callable(sim) else ["not callable"]
    if not inspect.isclass(sim):
        return [f"not a class but {type(sim).__name__}"]
    if issubclass(real, BaseException):
        return _exception_problems(real, sim)
    if issubclass(real, enum.Enum):
        members = [(m.name, m.value) for m in real]
        sim_members = [(m.name, m.value) for m in sim] if issubclass(sim, enum.Enum) else None
        return [] if sim_members == members else [f"members {sim_members} instead of {members}"]
    if is_plain_data(real):
        fields = getattr(sim, "_fields", None)
        return [] if fields == real._fields else [f"fields {fields} instead of {real._fields}"]
    return []


def _exception_problems(real, sim) -> list[str]:
    if not issubclass(sim, BaseException):
        return ["not an exception class"]
    problems = []
    sim_bases = {klass.__name__ for klass in sim.__mro__}
    for base in real.__bases__:
        if base.__name__ not in sim_bases:
            problems.append(f"not a subclass of {base.__name__}")
    for attribute in ("errno", "message", "retriable", "invalid_metadata"):
        if getattr(real, attribute, None) != getattr(sim, attribute, None):
            problems.append(f"{attribute} = {getattr(sim, attribute, None)!r}, "
                            f"kafka-python: {getattr(real, attribute, None)!r}")
    return problems


def _sim_owner(entry: Entry):
    return getattr(_sim_module(entry.module), entry.owner, None)


def _method_problems(entry: Entry) -> list[str]:
    refusals = _refusals()
    owner = _sim_owner(entry)
    if owner is None:
        return [f"class {entry.owner} missing"]
    if entry.name in refusals.REFUSED_METHODS.get(entry.owner, {}):
        if not hasattr(owner, entry.name):
            return ["listed as not simulated, but not installed"]
        if entry.owner in refusals.REFUSED_CLASSES:
            return []   # the class itself refuses construction
        instance = owner.__new__(owner)   # the stub refuses before it looks at the instance
        return _is_refusal(lambda: getattr(instance, entry.name)())
    if entry.owner in refusals.REFUSED_CLASSES and entry.module == "kafka.admin":
        return []       # a refused class needs no methods of its own
    if not hasattr(owner, entry.name):
        return [f"{entry.owner}.{entry.name} missing"]
    return signature_problems(getattr(_real(entry), entry.name), getattr(owner, entry.name))


def _config_problems(entry: Entry) -> list[str]:
    refusals = _refusals()
    owner = _sim_owner(entry)
    if owner is None:
        return [f"class {entry.owner} missing"]
    real_default = _real(entry).DEFAULT_CONFIG[entry.name]
    refused = refusals.REFUSED_CONFIGS.get(entry.owner, {})
    if entry.name in refused:
        # A default that is a class (kafka-python's network client, the platform's selector) stands
        # for "the client's own network"; anything else must be the default the refusal lets through.
        internal = inspect.isclass(real_default) and real_default.__module__.startswith(("kafka.", "selectors"))
        if not internal and not same_default(real_default, refused[entry.name][0]):
            return [f"refusal list has default {refused[entry.name][0]!r}, kafka-python: {real_default!r}"]
        return _is_refusal(lambda: owner(**{entry.name: object()}))
    sim_config = getattr(owner, "DEFAULT_CONFIG", {})
    if entry.name not in sim_config:
        return [f"{entry.owner} does not accept {entry.name}"]
    if not same_default(real_default, sim_config[entry.name]):
        return [f"default {sim_config[entry.name]!r}, kafka-python: {real_default!r}"]
    return []


def problems(entry: Entry) -> list[str]:
    return {"class": _class_problems, "method": _method_problems, "config": _config_problems}[entry.kind](entry)
