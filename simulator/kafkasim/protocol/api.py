"""Building blocks of the messages: immutable structs with Kafka's field names (in snake_case).

Every request class carries its API key and name; `RESPONSE` names the answer's class. Fields
not given default to None (or to the default named in the definition), so a handler fills only
what it knows, as an older protocol version would.
"""

from __future__ import annotations

from collections import namedtuple

from .. import errors


def struct(name: str, fields: str, **defaults):
    """A namedtuple whose every field has a default (None unless given)."""
    names = fields.split()
    unknown = set(defaults) - set(names)
    if unknown:
        raise TypeError(f"{name}: defaults for unknown fields {sorted(unknown)}")
    return namedtuple(name, names, defaults=[defaults.get(n) for n in names])


def request(api_key: int, api_name: str, fields: str, **defaults):
    base = struct(api_name + "Request", fields, **defaults)
    return type(base.__name__, (base,), {"__slots__": (), "API_KEY": api_key, "API_NAME": api_name,
                                         "RESPONSE": None})


def response(request_class, fields: str, **defaults):
    base = struct(request_class.API_NAME + "Response", fields, **defaults)
    cls = type(base.__name__, (base,), {"__slots__": (), "API_KEY": request_class.API_KEY,
                                        "API_NAME": request_class.API_NAME})
    request_class.RESPONSE = cls
    return cls


_CODES = {cls.message: code for code, cls in errors.kafka_errors.items()} | {"NONE": 0}


def error_code(name: str) -> int:
    """Kafka's error code for its error name (e.g. INVALID_RECORD_STATE → 121)."""
    return _CODES[name]


def error_name(code: int) -> str:
    """Kafka's error name for a code (0: NONE)."""
    return "NONE" if code == 0 else errors.for_code(code).message
