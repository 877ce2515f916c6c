"""The suite's Kafka 4.3.1 broker has share groups and the consumer protocol switched on, without
any setting of ours: the default metadata version of a new 4.3 cluster finalizes both features."""
from __future__ import annotations

import re
import subprocess

import pytest

pytestmark = pytest.mark.kafka


def test_share_version_and_group_version_are_finalized(kafka):
    from backend.kafka_dist import distribution

    command = distribution().java_tool_command("org.apache.kafka.tools.FeatureCommand",
                                               ["--bootstrap-server", kafka.bootstrap, "describe"], ["-Xmx256m"])
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    levels = dict(re.findall(r"Feature: (\S+)\s.*?FinalizedVersionLevel: (\S+)", result.stdout))
    assert levels["share.version"] == "1", result.stdout
    assert levels["group.version"] == "1", result.stdout
    assert levels["metadata.version"] == "4.3-IV0", result.stdout
