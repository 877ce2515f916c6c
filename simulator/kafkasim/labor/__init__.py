"""The exercise checks of the Simulator-Labor and of each theory chapter, run next to the cluster
they judge.

    exercise = Exercise("sap-partition", cluster)   # before anything happens in the cluster
    ok, text = exercise.check()

`start()` builds a cluster (fresh or from a shared state) with its exercise watching from the
first event on. The page only shows the German verdict.
"""

from __future__ import annotations

from ..cluster import Cluster
from ..snapshot import from_state
from . import chapters, checks, groups4
from .history import History

CHECKS = {
    "sap-partition": checks.sap_partition,
    "zweiter-consumer": checks.second_consumer,
    "zwei-gruppen": checks.two_groups,
    "leader-crash": checks.leader_crash,
    "neustart-offset": checks.restart,
    "retention": checks.retention,
    **chapters.CHECKS,
    **groups4.CHECKS,
}


class Exercise:
    def __init__(self, name: str, cluster: Cluster) -> None:
        if name not in CHECKS:
            raise ValueError(f"Unbekannte Übung „{name}“. Bekannt sind: {', '.join(CHECKS)}.")
        self.name = name
        self.cluster = cluster
        self.history = History(cluster)

    def check(self) -> tuple[bool, str]:
        return CHECKS[self.name](self.cluster, self.history)

    def verdict(self) -> dict:
        ok, text = self.check()
        return {"ok": ok, "text": text}


def start(name: str | None, state: dict | None = None, **cluster_args) -> tuple[Cluster, Exercise | None]:
    """A new cluster – from `cluster_args` or replayed from `state` – and its exercise (None
    without a name), attached before the cluster's first event so the history misses nothing."""
    made: list[Exercise | None] = []

    def new_cluster(**kwargs) -> Cluster:
        cluster = Cluster(**kwargs)
        made.append(Exercise(name, cluster) if name else None)
        return cluster

    cluster = from_state(new_cluster, state) if state is not None else new_cluster(**cluster_args)
    return cluster, made[-1]
