"""Fixtures of the group tests: the Java drivers, compiled once per session."""
from __future__ import annotations

import pytest

from tests.groups4.java import compile_drivers


@pytest.fixture(scope="session")
def java_drivers(tmp_path_factory):
    from backend.kafka_dist import distribution

    return compile_drivers(distribution().class_path, tmp_path_factory.mktemp("java-drivers"))
