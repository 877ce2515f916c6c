"""Building blocks of the messages: immutable structs with Kafka's field names (in snake_case).

Every request class carries its API key and name; `RESPONSE` names the answer's class. Fields
not given default to None (or to the default named in the definition), so a handler fills only
what it knows, as an older protocol version would.
"""

from __future__ import annotations

from collections import namedtuple


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
