"""What kafka-python 3.0.12 offers and the simulator refuses: one list, one error, German messages.

The course's rule is "never silently different": a kafka-python feature the simulator does not
model raises at once, naming the feature, instead of being ignored or failing later as an
AttributeError. This module holds that list and installs the refusals on the facade's classes
(`install()`, called once by `kafkasim.kafka`):

- REFUSED_CONFIGS: constructor settings refused when given a value other than kafka-python's
  default (the default itself is harmless: backend code passes e.g. security_protocol="PLAINTEXT").
- REFUSED_METHODS: methods that get a stub raising the refusal, only where the class has none.
- REFUSED_CLASSES: classes of kafka.admin whose construction raises the refusal.

When the simulator learns a feature, its entry is deleted here; tests/contract checks that every
public name of kafka-python is either implemented or listed here.

NotSimulatedError derives from NotImplementedError, not from KafkaError, so that a script's
`except KafkaError:` around a call never swallows the refusal as if Kafka had answered.
"""

from __future__ import annotations

import functools

HINT = "Dieses Skript läuft so nur gegen einen echten Kafka-Broker."


class NotSimulatedError(NotImplementedError):
    """A kafka-python feature the simulator does not model."""


def refuse(feature: str) -> None:
    raise NotSimulatedError(f"Im Simulator nicht simuliert: {feature}. {HINT}")


_CONNECTION = {
    "security_protocol": ("PLAINTEXT", "Verschlüsselung und Anmeldung (security_protocol)"),
    "ssl_context": (None, "TLS (ssl_context)"),
    "ssl_check_hostname": (True, "TLS (ssl_check_hostname)"),
    "ssl_cafile": (None, "TLS (ssl_cafile)"),
    "ssl_certfile": (None, "TLS (ssl_certfile)"),
    "ssl_keyfile": (None, "TLS (ssl_keyfile)"),
    "ssl_password": (None, "TLS (ssl_password)"),
    "ssl_crlfile": (None, "TLS (ssl_crlfile)"),
    "sasl_mechanism": (None, "SASL-Anmeldung (sasl_mechanism)"),
    "sasl_plain_username": (None, "SASL-Anmeldung (sasl_plain_username)"),
    "sasl_plain_password": (None, "SASL-Anmeldung (sasl_plain_password)"),
    "sasl_kerberos_name": (None, "Kerberos-Anmeldung (sasl_kerberos_name)"),
    "sasl_kerberos_service_name": ("kafka", "Kerberos-Anmeldung (sasl_kerberos_service_name)"),
    "sasl_kerberos_domain_name": (None, "Kerberos-Anmeldung (sasl_kerberos_domain_name)"),
    "sasl_oauth_token_provider": (None, "OAuth-Anmeldung (sasl_oauth_token_provider)"),
    "socks5_proxy": (None, "Verbindung über einen Proxy (socks5_proxy)"),
    "proxy_url": (None, "Verbindung über einen Proxy (proxy_url)"),
    # (IPPROTO_TCP, TCP_NODELAY, 1): kafka-python's default, spelled out (no socket module in the browser).
    "socket_options": ([(6, 1, 1)], "Socket-Optionen (socket_options)"),
    # kafka-python's defaults are classes (selectors.DefaultSelector, its own network client); a
    # script that names any class here wants a network of its own.
    "selector": (None, "Eigene Selectoren (selector)"),
    "kafka_client": (None, "Eigene Netzwerk-Clients (kafka_client)"),
    "metric_reporters": ([], "Metrik-Reporter (metric_reporters)"),
    "api_version": (None, "Feste Protokollversionen (api_version)"),
}

REFUSED_CONFIGS: dict[str, dict[str, tuple[object, str]]] = {
    "KafkaProducer": {
        **_CONNECTION,
        "ssl_ciphers": (None, "TLS (ssl_ciphers)"),
    },
    "KafkaConsumer": {
        **_CONNECTION,
        "ssl_ciphers": (None, "TLS (ssl_ciphers)"),
        "client_rack": ("", "Lesen vom nächstgelegenen Replikat (client_rack)"),
    },
    "KafkaAdminClient": dict(_CONNECTION),
}

_ACLS = "Zugriffsrechte (ACLs)"
_SCRAM = "SCRAM-Benutzerkonten"
_TXN_ADMIN = "Verwaltung von Transaktionen über den Admin-Client"

REFUSED_METHODS: dict[str, dict[str, str]] = {
    "KafkaAdminClient": {
        "create_acls": _ACLS, "delete_acls": _ACLS, "describe_acls": _ACLS,
        "alter_user_scram_credentials": _SCRAM, "describe_user_scram_credentials": _SCRAM,
        "describe_features": "Feature-Flags des Clusters (describe_features)",
        "update_features": "Feature-Flags des Clusters (update_features)",
        "describe_log_dirs": "Log-Verzeichnisse der Broker (describe_log_dirs)",
        "alter_replica_log_dirs": "Log-Verzeichnisse der Broker (alter_replica_log_dirs)",
        "alter_partition_reassignments": "Verschieben von Replikaten (alter_partition_reassignments)",
        "list_partition_reassignments": "Verschieben von Replikaten (list_partition_reassignments)",
        "describe_metadata_quorum": "KRaft-Quorum der Controller (describe_metadata_quorum)",
        "api_versions": "Protokollversionen der Broker (api_versions)",
        "get_broker_version_data": "Protokollversionen der Broker (get_broker_version_data)",
        "describe_producers": _TXN_ADMIN + " (describe_producers)",
        "describe_transactions": _TXN_ADMIN + " (describe_transactions)",
        "list_transactions": _TXN_ADMIN + " (list_transactions)",
        "find_hanging_transactions": _TXN_ADMIN + " (find_hanging_transactions)",
        "abort_transaction": _TXN_ADMIN + " (abort_transaction)",
    },
}

REFUSED_CLASSES: dict[str, str] = {
    name: _ACLS for name in ("ACL", "ACLFilter", "ResourcePattern", "ResourcePatternFilter", "ACLOperation",
                             "ResourceType", "ACLPermissionType", "ACLResourcePatternType")
} | {
    name: _SCRAM for name in ("ScramMechanism", "UserScramCredentialDeletion", "UserScramCredentialUpsertion")
} | {
    name: _TXN_ADMIN for name in ("AbortTransactionSpec", "PartitionProducerState", "ProducerState",
                                  "TransactionDescription", "TransactionListing", "TransactionState")
} | {"UpdateFeatureType": "Feature-Flags des Clusters"}


def check_configs(class_name: str, configs: dict) -> None:
    """Refuses the first setting of `configs` that REFUSED_CONFIGS lists with a non-default value."""
    for key, (default, feature) in REFUSED_CONFIGS.get(class_name, {}).items():
        if key in configs and configs[key] != default:
            refuse(feature)


def _refusing_init(cls, class_name: str):
    original = cls.__init__

    @functools.wraps(original)
    def __init__(self, *args, **configs):
        check_configs(class_name, configs)
        original(self, *args, **configs)

    return __init__


def _refusing_method(name: str, feature: str):
    def method(self, *args, **kwargs):
        refuse(feature)

    method.__name__ = name
    method.__doc__ = f"Nicht simuliert: {feature}."
    return method


def _refusing_class(name: str, feature: str) -> type:
    def __init__(self, *args, **kwargs):
        refuse(feature)

    return type(name, (), {"__init__": __init__, "__doc__": f"Nicht simuliert: {feature}.",
                           "__module__": "kafka.admin"})


def install(classes: dict[str, type], admin_module) -> None:
    """Puts the refusals onto the facade: `classes` maps KafkaProducer/KafkaConsumer/KafkaAdminClient
    to the facade's classes; refused admin classes are added to `admin_module`."""
    for class_name, cls in classes.items():
        if not getattr(cls, "_refusals_installed", False):
            cls.__init__ = _refusing_init(cls, class_name)
            cls._refusals_installed = True
        for name, feature in REFUSED_METHODS.get(class_name, {}).items():
            if not hasattr(cls, name):
                setattr(cls, name, _refusing_method(name, feature))
    for name, feature in REFUSED_CLASSES.items():
        if not hasattr(admin_module, name):
            setattr(admin_module, name, _refusing_class(name, feature))
