"""Shared fixtures: each plugin module owns one real component the tests drive.

`make test TEST_WORKERS=2` runs the suite in two processes (pytest-xdist). Tests that share an expensive session
fixture stay together on one process, so that it is started once there:
- the three-broker cluster (three JVMs): tests/faults, tests/parity_failures and tests/corpus, whose
  session fixture runs every selected script on the broker and the cluster in the background;
- the course PDF and the classroom bundle: tests/classroom.
Every other test may run on either process, each with its own single broker and browser.
"""
import pytest

pytest_plugins = ["tests.fixtures.browser", "tests.fixtures.kafka", "tests.fixtures.kafka_cluster"]

# Top-level test folder -> the work unit its tests form together.
SHARED_UNITS = {"corpus": "cluster", "faults": "cluster", "parity_failures": "cluster", "classroom": "classroom"}


def work_unit(nodeid: str) -> str:
    """The unit one process runs as a whole: a shared-fixture group, or else the single test."""
    parts = nodeid.split("/")
    if len(parts) > 2 and parts[0] == "tests":
        return SHARED_UNITS.get(parts[1], nodeid)
    return nodeid


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    # xdist's loadgroup marks do not reach pytest 9.2's node ids (xdist 3.8 renames a field pytest no
    # longer reads), so the grouping is a scheduler of its own: loadscope with our units as scopes.
    from xdist.scheduler import LoadScopeScheduling

    class SharedFixtureScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return work_unit(nodeid)

    return SharedFixtureScheduling(config, log)
