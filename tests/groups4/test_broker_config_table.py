"""The simulator's one table of broker settings has Kafka 4.3.1's defaults and validator bounds:
compared, setting by setting, with kafka.server.KafkaConfig of the jars the suite resolved."""
from __future__ import annotations

import re

from kafkasim.broker.configs import BROKER_CONFIGS

# Settings the simulator reads that Kafka 4.3.1's KafkaConfig does not define; the simulator's
# preferred-leader check still uses it.
NOT_IN_KAFKA = {"leader.imbalance.per.broker.percentage"}
# Kafka keeps these as null (derived from log.retention.hours / log.roll.hours = 168).
DERIVED = {"log.retention.ms": "null", "log.roll.ms": "null"}


def _bounds(validator: str):
    """[1,...] → (1, None); [1000,...,3600000] → (1000, 3600000); null or a list → (None, None)."""
    match = re.fullmatch(r"\[([-\d.]+),\.\.\.(?:,([-\d.]+))?\]", validator)
    if not match:
        return None, None
    number = lambda text: None if text is None else (float(text) if "." in text else int(text))  # noqa: E731
    return number(match.group(1)), number(match.group(2))


def _default(kafka_type: str, text: str):
    if kafka_type == "BOOLEAN":
        return text == "true"
    if kafka_type == "LIST":
        return [v.strip() for v in text.strip("[]").split(",") if v.strip()]
    if kafka_type == "DOUBLE":
        return float(text)
    if kafka_type in ("INT", "LONG", "SHORT"):
        return int(text)
    return text


def test_every_broker_setting_has_kafkas_default_and_bounds(java_drivers):
    result = java_drivers.run("BrokerConfigDump", input="\n".join(BROKER_CONFIGS) + "\n")
    assert result.returncode == 0, result.stderr
    rows = {line.split("\t")[0]: line.split("\t")[1:] for line in result.stdout.splitlines()}
    assert set(rows) == set(BROKER_CONFIGS)
    for name, setting in BROKER_CONFIGS.items():
        row = rows[name]
        if name in NOT_IN_KAFKA:
            assert row == ["MISSING"], name
            continue
        kafka_type, default, validator = row
        if name in DERIVED:
            assert default == DERIVED[name], name
        else:
            expected = _default(kafka_type, default)
            shown = [setting.default] if name == "log.cleanup.policy" else setting.default
            assert shown == expected, (name, setting.default, default)
        if name != "log.cleanup.policy":        # a list validator, not a range
            assert (setting.low, setting.high) == _bounds(validator), (name, setting, validator)
