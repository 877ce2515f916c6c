"""Where the Kafka 4.x groups live in the core: the broker's part in broker/, the clients in
clients/groups/, meeting only in protocol messages; kafka-python 3.0.12 has neither a share
consumer nor the consumer protocol, so the `kafka` facade a learner imports never offers them."""
from __future__ import annotations

import importlib.util
import pkgutil
from pathlib import Path

import kafkasim.kafka as facade

TOOL = Path(__file__).resolve().parents[2] / "simulator" / "tools" / "import_graph.py"


def graph() -> dict[str, set[str]]:
    spec = importlib.util.spec_from_file_location("import_graph", TOOL)
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    return tool.graph()


def test_the_group_clients_reach_the_broker_only_through_protocol_messages():
    edges = graph()
    clients = [m for m in edges if m.startswith("kafkasim.clients.groups")]
    assert {"kafkasim.clients.groups.share_consumer", "kafkasim.clients.groups.protocol_consumer"} <= set(clients)
    for module in clients:
        assert not any(n.startswith("kafkasim.broker") for n in edges[module]), module
    assert "kafkasim.protocol.share" in edges["kafkasim.clients.groups.share_consumer"]
    assert "kafkasim.protocol.share" in edges["kafkasim.broker.apis"]


def test_the_kafka_facade_offers_no_share_consumer_and_no_consumer_protocol():
    names = set()
    for info in pkgutil.walk_packages(facade.__path__, "kafkasim.kafka."):
        module = importlib.import_module(info.name)
        names |= {n for n in vars(module) if not n.startswith("_")}
    names |= {n for n in vars(facade) if not n.startswith("_")}
    assert not names & {"ShareConsumer", "KafkaShareConsumer", "ProtocolConsumer", "ShareRecord"}
    edges = graph()
    assert not any(n.startswith("kafkasim.clients.groups") for m, targets in edges.items()
                   if m.startswith("kafkasim.kafka") for n in targets)
