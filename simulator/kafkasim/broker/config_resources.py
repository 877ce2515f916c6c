"""ListConfigResources (KIP-1142) as Kafka 4.3 answers it: every topic (internal ones too), every
broker (as BROKER and BROKER_LOGGER, by id), and the groups and client-metrics subscriptions that
have configs of their own (the simulator has neither, so it lists none)."""

from __future__ import annotations

from ..protocol import admin as a

TOPIC, BROKER, BROKER_LOGGER, CLIENT_METRICS, GROUP = 2, 4, 8, 16, 32
ALL_TYPES = (TOPIC, BROKER, BROKER_LOGGER, CLIENT_METRICS, GROUP)


def list_config_resources(cluster, request) -> a.ListConfigResourcesResponse:
    wanted = set(request.resource_types or ALL_TYPES)
    out = []
    if TOPIC in wanted:
        out.extend(a.ListedConfigResource(name, TOPIC) for name in [*cluster.topics, *cluster.internal_topics])
    for resource_type in (BROKER, BROKER_LOGGER):
        if resource_type in wanted:
            out.extend(a.ListedConfigResource(str(node), resource_type) for node in sorted(cluster.brokers))
    return a.ListConfigResourcesResponse(config_resources=out)
