"""kafkasim: a simulated Apache Kafka cluster in pure Python, behind kafka-python's API.

    from kafkasim import Cluster
    cluster = Cluster(brokers=3, seed=0)
    result = cluster.run_script(open("producer.py").read())

Brokers and clients talk only through Kafka's request/response messages on a simulated network;
the layout (kernel, events, protocol, broker, clients, kafka, scenarios, runner, cluster) is
described in ARCHITECTURE.md next to this file.
"""

__version__ = "0.1.0"

from .cluster import Cluster  # noqa: E402
from .runner import ScriptResult  # noqa: E402

__all__ = ["Cluster", "ScriptResult", "__version__"]
