"""Bad flags, bad environment values and an unreachable broker: German messages, no tracebacks."""
import re
import time

import pytest

from tests.backend.helpers import UNUSED_ADDRESS, run_cli

CLIS = ["backend.boerse", "backend.aktionaer", "backend.admin"]


@pytest.mark.parametrize("module, args, complaint", [
    ("backend.boerse", ["--rate", "schnell"], "--rate: 'schnell' ist keine Zahl"),
    ("backend.boerse", ["--count", "-3"], "--count: -3 ist negativ"),
    ("backend.boerse", ["--acks", "2"], "--acks: ungültiger Wert '2'"),
    ("backend.boerse", ["--symbols", "SAP,XYZ"], "unbekannte Symbole XYZ"),
    ("backend.boerse", ["--partitions", "0"], "--partitions: 0 ist zu klein"),
    ("backend.boerse", ["--gibtsnicht"], "unbekannte Angaben: --gibtsnicht"),
    ("backend.aktionaer", ["--view", "bunt"], "--view: ungültiger Wert 'bunt'"),
    ("backend.aktionaer", ["--group"], "--group: hier fehlt ein Wert"),
    ("backend.admin", [], "diese Angaben fehlen"),
    ("backend.admin", ["topic"], "diese Angaben fehlen: name"),
    ("backend.broker", ["run", "--port", "neun"], "--port: ungültiger Wert 'neun'"),
])
def test_bad_flags_give_a_german_usage_error(module, args, complaint):
    result = run_cli(module, *args, bootstrap=UNUSED_ADDRESS)
    assert result.returncode == 2
    assert result.stderr.startswith("Aufruf: python -m " + module)
    assert complaint in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_environment_value_names_the_variable():
    result = run_cli("backend.boerse", bootstrap=UNUSED_ADDRESS, KAFKA_RATE="viel")
    assert result.returncode == 2
    assert "Umgebungsvariable KAFKA_RATE='viel'" in result.stderr


def test_sasl_without_credentials_is_a_usage_error():
    result = run_cli("backend.aktionaer", "--security-protocol", "SASL_SSL", bootstrap=UNUSED_ADDRESS,
                     KAFKA_SASL_USERNAME="kurs")
    assert result.returncode == 2
    assert "SASL_SSL braucht --sasl-password / KAFKA_SASL_PASSWORD" in result.stderr


@pytest.mark.parametrize("module", CLIS)
def test_help_is_german(module):
    result = run_cli(module, "--help", bootstrap=UNUSED_ADDRESS)
    assert result.returncode == 0
    assert "Optionen:" in result.stdout and "diese Hilfe zeigen und beenden" in result.stdout
    assert "KAFKA_BOOTSTRAP_SERVERS" in result.stdout


@pytest.mark.parametrize("module, args", [
    ("backend.boerse", ["--count", "1"]),
    ("backend.aktionaer", []),
    ("backend.admin", ["topics"]),
])
def test_no_broker_means_a_german_message_within_ten_seconds(module, args):
    started = time.monotonic()
    result = run_cli(module, *args, bootstrap=UNUSED_ADDRESS, timeout=30)
    elapsed = time.monotonic() - started
    assert result.returncode == 1
    assert f"Keine Verbindung zu Kafka unter {UNUSED_ADDRESS}" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert elapsed < 10, f"took {elapsed:.1f} s"


def test_sasl_ssl_settings_from_the_environment_reach_the_client(monkeypatch):
    from backend.boerse import build_parser
    from backend.connection import client_config

    for name, value in {"KAFKA_BOOTSTRAP_SERVERS": "kafka.example:9093", "KAFKA_SECURITY_PROTOCOL": "SASL_SSL",
                        "KAFKA_SASL_MECHANISM": "SCRAM-SHA-512", "KAFKA_SASL_USERNAME": "kurs",
                        "KAFKA_SASL_PASSWORD": "geheim", "KAFKA_SSL_CAFILE": "/etc/ssl/ca.pem"}.items():
        monkeypatch.setenv(name, value)
    parser = build_parser()
    config = client_config(parser, parser.parse_args(["--sasl-username", "flag-wins"]))
    assert config["bootstrap_servers"] == "kafka.example:9093"
    assert (config["security_protocol"], config["sasl_mechanism"]) == ("SASL_SSL", "SCRAM-SHA-512")
    assert (config["sasl_plain_username"], config["sasl_plain_password"]) == ("flag-wins", "geheim")
    assert config["ssl_cafile"] == "/etc/ssl/ca.pem"
    # Every key is a real kafka-python setting.
    from kafka import KafkaConsumer, KafkaProducer
    from kafka.admin import KafkaAdminClient
    for client in (KafkaProducer, KafkaConsumer, KafkaAdminClient):
        assert set(config) <= set(client.DEFAULT_CONFIG), client


# What --help may show as a placeholder: German words and the usual technical forms.
GERMAN_PLACEHOLDERS = {"TOPIC", "ANZAHL", "ZAHL", "NAME", "GRUPPE", "PASSWORT", "DATEI", "MS", "SEKUNDEN",
                       "PRO_SEKUNDE", "SYM", "HOST", "PORT"}


@pytest.mark.parametrize("module", [*CLIS, "backend.broker"])
def test_help_speaks_german(module):
    result = run_cli(module, "--help", bootstrap=UNUSED_ADDRESS)
    assert result.returncode == 0
    placeholders = set(re.findall(r"--[a-z-]+ ([A-Z][A-Z_]+)\b", result.stdout))
    assert placeholders <= GERMAN_PLACEHOLDERS, placeholders - GERMAN_PLACEHOLDERS
    for english in ("Records", "Random Walk", "show this help"):
        assert english not in result.stdout
