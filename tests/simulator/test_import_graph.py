"""The layering of kafkasim (simulator/kafkasim/ARCHITECTURE.md), checked on its import graph."""

import importlib.util
from pathlib import Path

TOOL = Path(__file__).resolve().parents[2] / "simulator" / "tools" / "import_graph.py"


def load_tool():
    spec = importlib.util.spec_from_file_location("import_graph", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_no_module_imports_a_layer_above_it_and_clients_never_import_brokers():
    tool = load_tool()
    edges = tool.graph()
    assert tool.violations(edges) == []
    parts = tool.layer_graph(edges)
    assert "protocol" in parts["clients"] and "protocol" in parts["broker"]
    assert "broker" not in parts["clients"] and "clients" not in parts["broker"]


def test_the_check_reports_what_breaks_the_rules():
    tool = load_tool()
    edges = {"kafkasim.clients.producer.sender": {"kafkasim.broker.partition"},
             "kafkasim.broker.apis": {"kafkasim.cluster"},
             "kafkasim.runner.threads": {"kafkasim.scenarios.boerse"}}
    found = tool.violations(edges)
    assert found == [
        "kafkasim.broker.apis -> kafkasim.cluster: imports a higher layer (cluster 5 above broker 2)",
        "kafkasim.clients.producer.sender -> kafkasim.broker.partition: clients and broker must stay apart",
        "kafkasim.runner.threads -> kafkasim.scenarios.boerse: runner and scenarios must stay apart",
    ]
