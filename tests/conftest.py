"""Shared fixtures: each plugin module owns one real component the tests drive."""

pytest_plugins = ["tests.fixtures.browser", "tests.fixtures.kafka", "tests.fixtures.kafka_cluster"]
