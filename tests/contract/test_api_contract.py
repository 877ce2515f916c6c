"""The API contract: every public name of kafka-python 3.0.12 (generated from kafka-python itself by
kafka_python_api.py) is either implemented by the simulator's `kafkasim.kafka` — same name, same
kind, compatible signature, same default — or refused at once with a German "nicht simuliert" error
(kafkasim/kafka/_not_simulated.py). A public name that is neither fails.

Entries the simulator does not honour today are listed in known_gaps.py and run as strict xfail:
the list is the rewrite's to-do list, and an entry that starts passing fails until it is removed.
"""
from __future__ import annotations

import kafka
import pytest

from tests.contract.contract import problems
from tests.contract.kafka_python_api import CONFIGURED_CLIENTS, KAFKA_PYTHON_VERSION, entries
from tests.contract.known_gaps import KNOWN_EXTRA_SETTINGS, KNOWN_GAPS

ENTRIES = entries()
GAP_OF = {entry_id: group for group, ids in KNOWN_GAPS.items() for entry_id in ids}


def _params():
    for entry in ENTRIES:
        group = GAP_OF.get(entry.id)
        marks = [pytest.mark.xfail(strict=True, reason=f"known gap: {group}")] if group else []
        yield pytest.param(entry, id=entry.id, marks=marks)


def test_the_contract_is_read_from_kafka_python_3_0_12():
    assert kafka.__version__ == KAFKA_PYTHON_VERSION
    kinds = {entry.kind for entry in ENTRIES}
    assert kinds == {"class", "method", "config"}
    ids = {entry.id for entry in ENTRIES}
    assert {"kafka.KafkaProducer.send", "kafka.KafkaConsumer.poll", "kafka.KafkaAdminClient.create_topics",
            "kafka.KafkaProducer.config.linger_ms", "kafka.errors.KafkaTimeoutError",
            "kafka.ConsumerRebalanceListener.on_partitions_assigned"} <= ids


def test_known_gaps_name_entries_of_the_contract():
    assert set(GAP_OF) <= {entry.id for entry in ENTRIES}


@pytest.mark.parametrize("entry", list(_params()))
def test_simulator_implements_or_refuses(entry):
    found = problems(entry)
    assert not found, f"{entry}: " + "; ".join(found)


@pytest.mark.parametrize("client", CONFIGURED_CLIENTS)
def test_simulator_accepts_no_setting_kafka_python_refuses(client):
    """kafka-python raises 'Unrecognized configs' for a key outside its DEFAULT_CONFIG: so must the simulator."""
    import kafkasim.kafka as facade

    extra = set(getattr(facade, client).DEFAULT_CONFIG) - set(getattr(kafka, client).DEFAULT_CONFIG)
    gap = KNOWN_EXTRA_SETTINGS.get(client, set())
    if gap:
        assert extra == gap, f"update known_gaps.py: the simulator now accepts {sorted(extra)}"
        pytest.xfail(f"known gap: {client} accepts {sorted(extra)}")
    assert not extra, f"{client} accepts {sorted(extra)}, which kafka-python refuses"


def test_a_name_neither_implemented_nor_refused_is_a_finding():
    from tests.contract.kafka_python_api import Entry

    invented = Entry("method", "kafka.KafkaProducer.send_faster", "kafka", "KafkaProducer", "send_faster")
    assert problems(invented) == ["KafkaProducer.send_faster missing"]
    refused = Entry("method", "kafka.KafkaAdminClient.create_acls", "kafka", "KafkaAdminClient", "create_acls")
    assert problems(refused) == []
