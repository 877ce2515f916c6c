"""How the CLIs reach Kafka: bootstrap servers and, for hosted clusters, SASL and SSL.

Every setting is a flag and a KAFKA_* environment variable, so a password never has to appear
on the command line (where `ps` would show it).
"""
from __future__ import annotations

import argparse

from backend.cli import GermanArgumentParser, positive_int, quiet_client_logs

DEFAULT_BOOTSTRAP = "localhost:9092"
# kafka-python waits 30 s for the first broker by default; a reader with a typo should hear sooner.
DEFAULT_BOOTSTRAP_TIMEOUT_MS = 5000
SECURITY_PROTOCOLS = ["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"]
SASL_MECHANISMS = ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"]


def add_connection_arguments(parser: GermanArgumentParser) -> None:
    group = parser.add_argument_group("Verbindung (Flag oder Umgebungsvariable)")
    parser.add_setting("--bootstrap-servers", env="KAFKA_BOOTSTRAP_SERVERS", default=DEFAULT_BOOTSTRAP,
                       group=group, metavar="HOST:PORT[,…]", help="Adresse(n) der Kafka-Broker")
    parser.add_setting("--bootstrap-timeout-ms", env="KAFKA_BOOTSTRAP_TIMEOUT_MS", type=positive_int,
                       default=DEFAULT_BOOTSTRAP_TIMEOUT_MS, group=group, metavar="MS",
                       help="so lange auf den ersten Broker warten")
    parser.add_setting("--client-id", env="KAFKA_CLIENT_ID", metavar="NAME", group=group,
                       help="Name dieses Clients in den Logs des Brokers")
    parser.add_setting("--security-protocol", env="KAFKA_SECURITY_PROTOCOL", default="PLAINTEXT",
                       choices=SECURITY_PROTOCOLS, group=group, help="Protokoll zum Broker")
    parser.add_setting("--sasl-mechanism", env="KAFKA_SASL_MECHANISM", choices=SASL_MECHANISMS,
                       group=group, help="SASL-Verfahren (bei SASL_PLAINTEXT/SASL_SSL)")
    parser.add_setting("--sasl-username", env="KAFKA_SASL_USERNAME", metavar="NAME", group=group, help="SASL-Benutzername")
    parser.add_setting("--sasl-password", env="KAFKA_SASL_PASSWORD", metavar="PASSWORT", group=group,
                       help="SASL-Passwort (besser als Umgebungsvariable)")
    parser.add_setting("--ssl-cafile", env="KAFKA_SSL_CAFILE", group=group, metavar="DATEI",
                       help="CA-Zertifikat(e) zum Prüfen des Brokers")
    parser.add_setting("--ssl-certfile", env="KAFKA_SSL_CERTFILE", group=group, metavar="DATEI",
                       help="Client-Zertifikat (mTLS)")
    parser.add_setting("--ssl-keyfile", env="KAFKA_SSL_KEYFILE", group=group, metavar="DATEI",
                       help="privater Schlüssel zum Client-Zertifikat")
    group.add_argument("-v", "--verbose", action="store_true", help="Meldungen von kafka-python zeigen")


def client_config(parser: GermanArgumentParser, args) -> dict:
    """The keyword arguments every kafka-python client (producer, consumer, admin) takes."""
    config = {
        "bootstrap_servers": args.bootstrap_servers,
        "bootstrap_timeout_ms": args.bootstrap_timeout_ms,
        "security_protocol": args.security_protocol,
        # kafka-python backs off up to 30 s between reconnects; after a broker restart the course's
        # clients should carry on within a second or two.
        "reconnect_backoff_max_ms": 1000,
    }
    if args.client_id:
        config["client_id"] = args.client_id
    uses_sasl = args.security_protocol.startswith("SASL_")
    if uses_sasl:
        missing = [name for name, value in (("--sasl-username / KAFKA_SASL_USERNAME", args.sasl_username),
                                            ("--sasl-password / KAFKA_SASL_PASSWORD", args.sasl_password))
                   if not value]
        if missing:
            parser.error(f"{args.security_protocol} braucht {' und '.join(missing)}")
        config.update(sasl_mechanism=args.sasl_mechanism or "PLAIN",
                      sasl_plain_username=args.sasl_username,
                      sasl_plain_password=args.sasl_password)
    elif args.sasl_mechanism or args.sasl_username:
        parser.error("SASL-Angaben wirken nur mit --security-protocol SASL_PLAINTEXT oder SASL_SSL")
    if args.security_protocol.endswith("SSL"):
        for option in ("ssl_cafile", "ssl_certfile", "ssl_keyfile"):
            if getattr(args, option):
                config[option] = getattr(args, option)
    return config


def parse_client_args(parser: GermanArgumentParser, argv) -> tuple[argparse.Namespace, dict]:
    """The parsed flags and the client settings they give (see client_config); kafka-python's own
    English log lines stay hidden unless --verbose."""
    args = parser.parse_args(argv)
    config = client_config(parser, args)
    quiet_client_logs(args.verbose)
    return args, config
