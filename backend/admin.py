"""Looking into a Kafka cluster: topics, partitions with leader and ISR, consumer groups and lag.

    python -m backend.admin topics
    python -m backend.admin topic aktienkurse
    python -m backend.admin groups
    python -m backend.admin group depot-anna
"""
from __future__ import annotations

import sys

from rich.console import Console
from rich.table import Table

from backend.cli import CliError, GermanArgumentParser, german_kafka_errors, run
from backend.connection import add_connection_arguments, parse_client_args


def build_parser() -> GermanArgumentParser:
    parser = GermanArgumentParser(
        prog="python -m backend.admin",
        description="Zeigt Topics, Partitionen (Leader, Replikate, ISR, Offsets) und Consumer-Gruppen "
                    "(Mitglieder, gespeicherte Offsets, Lag).",
        epilog="Verbindungsoptionen stehen vor dem Befehl, z. B.: "
               "python -m backend.admin --bootstrap-servers localhost:9092 group depot-anna",
    )
    add_connection_arguments(parser)
    commands = parser.add_subparsers(dest="command", required=True, title="Befehle",
                                     metavar="{topics,topic,groups,group}")
    topics = commands.add_parser("topics", prog="python -m backend.admin topics",
                                 help="alle Topics mit Partitionen und Replikationsfaktor")
    topics.add_argument("--internal", action="store_true", help="auch interne Topics (__consumer_offsets)")
    topic = commands.add_parser("topic", prog="python -m backend.admin topic",
                                help="die Partitionen eines Topics: Leader, Replikate, ISR, Offsets")
    topic.add_argument("name", help="Name des Topics")
    commands.add_parser("groups", prog="python -m backend.admin groups",
                        help="alle Consumer-Gruppen mit Zustand und Zahl der Mitglieder")
    group = commands.add_parser("group", prog="python -m backend.admin group",
                                help="eine Consumer-Gruppe: Mitglieder, gespeicherte Offsets, Lag")
    group.add_argument("name", help="Name der Consumer-Gruppe")
    return parser


def topics_table(admin, internal: bool) -> Table:
    table = Table(title="Topics")
    for column in ("Topic", "Partitionen", "Replikationsfaktor"):
        table.add_column(column, justify="left" if column == "Topic" else "right")
    for topic in sorted(admin.describe_topics(), key=lambda t: t["name"]):
        if topic["is_internal"] and not internal:
            continue
        partitions = topic["partitions"]
        replication = max((len(p["replica_nodes"]) for p in partitions), default=0)
        table.add_row(topic["name"], str(len(partitions)), str(replication))
    return table


def _end_offsets(admin, partitions) -> tuple[dict, dict]:
    from kafka.admin import OffsetSpec

    earliest = admin.list_partition_offsets({tp: OffsetSpec.EARLIEST for tp in partitions})
    latest = admin.list_partition_offsets({tp: OffsetSpec.LATEST for tp in partitions})
    return ({tp: o.offset for tp, o in earliest.items()}, {tp: o.offset for tp, o in latest.items()})


def topic_table(admin, name: str) -> Table:
    from kafka import TopicPartition
    from kafka.errors import UnknownTopicOrPartitionError

    try:
        [topic] = admin.describe_topics([name])
    except UnknownTopicOrPartitionError:
        raise CliError(f"Das Topic {name!r} gibt es nicht (alle Topics: python -m backend.admin topics).") from None
    if topic.get("error_code"):
        raise CliError(f"Das Topic {name!r} gibt es nicht (alle Topics: python -m backend.admin topics).")
    partitions = sorted(topic["partitions"], key=lambda p: p["partition_index"])
    tps = [TopicPartition(name, p["partition_index"]) for p in partitions]
    first, end = _end_offsets(admin, tps)
    table = Table(title=f"Topic {name}")
    for column in ("Partition", "Leader", "Replikate", "ISR", "erster Offset", "End-Offset"):
        table.add_column(column, justify="right")
    for partition, tp in zip(partitions, tps):
        leader = partition["leader_id"]
        table.add_row(str(tp.partition), "keiner" if leader < 0 else str(leader),
                      ", ".join(map(str, partition["replica_nodes"])),
                      ", ".join(map(str, partition["isr_nodes"])),
                      str(first[tp]), str(end[tp]))
    return table


def groups_table(admin) -> Table:
    groups = sorted(admin.list_groups(), key=lambda g: g["group_id"])
    described = admin.describe_groups([g["group_id"] for g in groups]) if groups else {}
    table = Table(title="Consumer-Gruppen")
    for column in ("Gruppe", "Zustand", "Mitglieder", "Zuteilung"):
        table.add_column(column)
    for group in groups:
        details = described.get(group["group_id"], {})
        table.add_row(group["group_id"], details.get("group_state", group.get("group_state", "")),
                      str(len(details.get("members", []))), details.get("protocol_data") or "–")
    return table


def group_tables(admin, name: str) -> list[Table]:
    described = admin.describe_groups([name]).get(name, {})
    if described.get("group_state") in (None, "Dead"):
        raise CliError(f"Die Consumer-Gruppe {name!r} gibt es nicht (alle Gruppen: python -m backend.admin groups).")
    members = Table(title=f"Consumer-Gruppe {name}: {described['group_state']}, "
                          f"Zuteilung {described.get('protocol_data') or '–'}")
    for column in ("Client-ID", "Host", "Partitionen"):
        members.add_column(column)
    owner = {}
    for member in sorted(described["members"], key=lambda m: m["client_id"]):
        assigned = []
        for entry in (member.get("member_assignment") or {}).get("assigned_partitions", []):
            for partition in sorted(entry["partitions"]):
                assigned.append(f"{entry['topic']}-{partition}")
                owner[(entry["topic"], partition)] = member["client_id"]
        members.add_row(member["client_id"], member["client_host"].lstrip("/"), ", ".join(assigned) or "–")

    committed = admin.list_group_offsets(name).get(name, {})
    _, end = _end_offsets(admin, list(committed)) if committed else ({}, {})
    offsets = Table(title="Gespeicherte Offsets")
    for column in ("Topic", "Partition", "gespeichert", "End-Offset", "Lag", "Consumer"):
        offsets.add_column(column, justify="left" if column in ("Topic", "Consumer") else "right")
    for tp in sorted(committed, key=lambda tp: (tp.topic, tp.partition)):
        offset = committed[tp].offset
        lag = "–" if offset < 0 else str(max(0, end[tp] - offset))
        offsets.add_row(tp.topic, str(tp.partition), "–" if offset < 0 else str(offset), str(end[tp]), lag,
                        owner.get((tp.topic, tp.partition), "–"))
    return [members, offsets]


def main(argv=None) -> int:
    args, config = parse_client_args(build_parser(), argv)
    from kafka.admin import KafkaAdminClient

    console = Console()
    with german_kafka_errors(args.bootstrap_servers, args.bootstrap_timeout_ms):
        admin = KafkaAdminClient(**config)
        try:
            if args.command == "topics":
                tables = [topics_table(admin, args.internal)]
            elif args.command == "topic":
                tables = [topic_table(admin, args.name)]
            elif args.command == "groups":
                tables = [groups_table(admin)]
            else:
                tables = group_tables(admin, args.name)
        finally:
            admin.close()
    for table in tables:
        console.print(table)
    return 0


if __name__ == "__main__":
    sys.exit(run(main))
