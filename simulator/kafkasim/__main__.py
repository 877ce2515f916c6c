"""Command line: `python -m kafkasim run skript.py [--brokers N] [--seed S] [--config key=value]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .cluster import Cluster
from .errors import KafkaError


class _GermanHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, prefix="Aufruf: " if prefix is None else prefix)


class _GermanParser(argparse.ArgumentParser):
    """argparse's headings and help flag in German (its messages are English by default)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _GermanHelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "Argumente"
        self._optionals.title = "Optionen"
        self.add_argument("-h", "--help", action="help", help="diese Hilfe zeigen und beenden")

    def error(self, message):
        self.print_usage(sys.stderr)
        self.exit(2, f"Fehler: ungültiger Aufruf ({message}). Hilfe: python -m kafkasim run --help\n")


def main(argv: list[str] | None = None) -> int:
    parser = _GermanParser(
        prog="python -m kafkasim",
        description="Führt ein kafka-python-Skript gegen einen simulierten Kafka-Cluster aus – ohne Kafka.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_GermanParser,
                               title="Befehle", metavar="{run}")
    run = sub.add_parser("run", help="ein Skript ausführen",
                         epilog="Argumente für das Skript selbst nach --, z. B.: run skript.py -- --topic kurse")
    run.add_argument("script", help="Pfad zum Python-Skript")
    run.add_argument("--brokers", type=int, default=3, help="Zahl der Broker (Standard: 3)")
    run.add_argument("--seed", type=int, default=0, help="Startwert des Zufallsgenerators (Standard: 0)")
    run.add_argument("--config", action="append", default=[], metavar="KEY=VALUE",
                     help="Broker-Einstellung, z. B. --config group.initial.rebalance.delay.ms=0")
    run.add_argument("--events", action="store_true", help="danach die Ereignisse des Laufs ausgeben")
    run.add_argument("--time-budget-ms", type=int, default=600_000, help="Budget an simulierter Zeit")
    argv = list(sys.argv[1:] if argv is None else argv)
    # Everything after a "--" belongs to the script (sys.argv[1:] there), as in: run s.py -- --topic x
    script_args = argv[argv.index("--") + 1:] if "--" in argv else []
    args = parser.parse_args(argv[:argv.index("--")] if "--" in argv else argv)

    path = Path(args.script)
    try:
        source = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        print(f"Fehler: Das Skript {path} gibt es nicht.", file=sys.stderr)
        return 2
    except (OSError, UnicodeDecodeError) as exc:
        print(f"Fehler: Das Skript {path} lässt sich nicht lesen ({exc}).", file=sys.stderr)
        return 2
    config = {}
    for item in args.config:
        key, sep, value = item.partition("=")
        if not sep:
            print(f"Fehler: --config erwartet KEY=VALUE, nicht {item!r}.", file=sys.stderr)
            return 2
        config[key.strip()] = value.strip()
    try:
        cluster = Cluster(brokers=args.brokers, seed=args.seed, config=config)
    except (ValueError, KafkaError) as exc:
        print(f"Fehler: {exc}", file=sys.stderr)
        return 2
    sys.path.insert(0, str(path.resolve().parent))
    sys.argv = [str(path), *script_args]      # as `python skript.py …` would set it
    result = cluster.run_script(source, filename=str(path), time_budget_ms=args.time_budget_ms,
                                stdout=sys.stdout)
    if args.events:
        for event in result.events:
            print(f"[{event['t']:>8} ms] {event['text']}")
    if result.error:
        if result.traceback:
            print(result.traceback, file=sys.stderr, end="" if result.traceback.endswith("\n") else "\n")
        print(f"Fehler: {result.error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
