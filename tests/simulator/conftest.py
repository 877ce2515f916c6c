"""Shared helpers for the simulator tests."""

import pytest

from kafkasim import Cluster


@pytest.fixture
def cluster():
    return Cluster(brokers=3, seed=0)


def kinds(events):
    return [e["kind"] for e in events]
