"""kafkasim: a simulated Apache Kafka cluster in pure Python, behind kafka-python's API.

    from kafkasim import Cluster
    cluster = Cluster(brokers=3, seed=0)
    result = cluster.run_script(open("producer.py").read())

Layers, each depending only on the ones before: kernel → model (cluster, brokers, partitions,
groups, clients) → `kafkasim.kafka` (the kafka-python facade) → runner / CLI.
"""

__version__ = "0.1.0"

from .cluster import Cluster  # noqa: E402
from .runner import ScriptResult  # noqa: E402

__all__ = ["Cluster", "ScriptResult", "__version__"]
