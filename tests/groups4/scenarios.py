"""The group scenarios: a .steps file and the facts it prints, recorded from Kafka 4.3.1.

A scenario is run twice, with the same output required: on the real broker by
drivers/GroupScenario.java (test_real_broker.py) and in the simulator by
kafkasim.groups4.scenario (test_scenarios_in_simulator.py). `<name>.facts` is what the real broker
printed when the scenario was written; re-record it only after checking the difference by hand:

    java … GroupScenario <bootstrap> -<suffix> scenarios/<name>.steps > scenarios/<name>.facts

Steps, one per line (`#` starts a comment):

    broker <key>=<value>…          the broker settings the scenario relies on (checked, and used by
                                   the simulator)
    topic <name> <partitions>
    group-config <group> <key>=<value>…   dynamic group configs (share.record.lock.duration.ms, …)
    produce <topic> <partition> <value>…  the values as one batch
    share <member> <group> <topic> [max.poll.records=N] [share.acquire.mode=record_limit]
                                   a share-group member joins (ShareGroupHeartbeat)
    poll <member>                  one ShareFetch → "poll A: p0@3#2=a4 …" (partition@offset#delivery=value)
    poll-nothing <member> <ms>     one ShareFetch waiting <ms> → "poll A: -" unless records came
    ack <member> p<P>@<O> accept|release|reject   remembered until `commit`
    ack-all <member> accept|release|reject        every record the member holds
    commit <member>                ShareAcknowledge → "commit A: p0=ok" or the error code per partition
    wait-lock <group>              lets the group's record lock duration (+1.5 s) pass
    offsets <group>                the share-partition start offsets and lag (Admin.listShareGroupOffsets)
    members <group> / shape <group>   the settled assignment by member / as sorted shapes
    consumer <member> <group> <topic> [assignor=uniform|range] [instance=<id>]
                                   a KafkaConsumer with group.protocol=consumer
    settle <group>                 until every consumer owns its target assignment
    assignment <group>             group state and epochs, each member's partitions, epoch and
                                   rebalance callbacks (+assigned −revoked; within one settle,
                                   consecutive callbacks of one kind are merged)
    close <member>
"""
from __future__ import annotations

from pathlib import Path

SCENARIO_DIR = Path(__file__).parent / "scenarios"
SCENARIOS = sorted(SCENARIO_DIR.glob("*.steps"))


def recorded_facts(scenario: Path) -> str:
    return scenario.with_suffix(".facts").read_text(encoding="utf-8")
