"""kafkasim: a simulated Apache Kafka cluster in pure Python, behind kafka-python's API.

    from kafkasim import Cluster
    cluster = Cluster(brokers=3, seed=0)
    result = cluster.run_script(open("producer.py").read())

Layers, each depending only on the ones above it:

    kernel.py            clock, event heap, seeded random generator
    model                cluster.py (the facade of the contract) with controller.py (broker failures,
                         elections), log_cleaner.py (retention, compaction) and actors.py (tickers,
                         background consumers); broker.py, topic.py, replication.py (partition: leader,
                         ISR, high watermark), log.py (segments), group_coordinator.py (classic
                         protocol), assignors.py + sticky.py, murmur2.py, producer_client.py,
                         consumer_client.py, boerse.py, events.py, snapshot.py, config.py, errors.py
    kafka/               the kafka-python 3.0 facade (same module paths and names)
    runner.py            run_script: learner code on simulated time, budgets, German errors
    __main__.py          python -m kafkasim run skript.py
"""

__version__ = "0.1.0"

from .cluster import Cluster  # noqa: E402
from .runner import ScriptResult  # noqa: E402

__all__ = ["Cluster", "ScriptResult", "__version__"]
