"""Command-line plumbing shared by the CLIs: German argparse, settings from flags or KAFKA_* variables,
and one place that turns client errors into German messages instead of tracebacks."""
from __future__ import annotations

import argparse
import contextlib
import logging
import os
import re
import signal
import sys
import threading

# argparse's own messages are English; these patterns cover the ones a reader can trigger.
_ARGPARSE_MESSAGES = [
    (r"the following arguments are required: (.*)", r"diese Angaben fehlen: \1"),
    (r"unrecognized arguments: (.*)", r"unbekannte Angaben: \1"),
    (r"argument (.*?): invalid choice: (.*?) \(choose from (.*)\)", r"\1: ungültiger Wert \2 (möglich: \3)"),
    (r"argument (.*?): invalid (\w+) value: (.*)", r"\1: ungültiger Wert \3"),
    (r"argument (.*?): expected one argument", r"\1: hier fehlt ein Wert"),
    (r"argument (.*?): not allowed with argument (.*)", r"\1 geht nicht zusammen mit \2"),
    (r"ambiguous option: (.*?) could match (.*)", r"mehrdeutige Option \1 (passt zu \2)"),
    (r"argument (.*?): (.*)", r"\1: \2"),
]


def _german(message: str) -> str:
    for pattern, replacement in _ARGPARSE_MESSAGES:
        if re.fullmatch(pattern, message):
            return re.sub(pattern, replacement, message)
    return message


class _GermanHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, prefix="Aufruf: " if prefix is None else prefix)


class GermanArgumentParser(argparse.ArgumentParser):
    """argparse with German help and usage errors, and settings that fall back to KAFKA_* variables."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _GermanHelpFormatter)
        kwargs["add_help"] = False
        # The full list of options is long; the short form points to --help.
        kwargs.setdefault("usage", f"{kwargs.get('prog', '%(prog)s')} [Optionen]")
        super().__init__(*args, **kwargs)
        self._positionals.title = "Argumente"
        self._optionals.title = "Optionen"
        self.add_argument("-h", "--help", action="help", help="diese Hilfe zeigen und beenden")
        self._env_settings: list[tuple[argparse.Action, str, object]] = []

    def error(self, message):
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: Fehler: {_german(message)}\n")

    def add_setting(self, *flags, env: str, default=None, group=None, help: str = "", **kwargs):
        """A flag that, when not given, is read from the environment variable `env`, then `default`."""
        shown_default = ",".join(default) if isinstance(default, list) else default
        shown = "" if default is None else f", Standard: {shown_default}"
        action = (group or self).add_argument(
            *flags, default=None, help=f"{help} [{env}{shown}]", **kwargs)
        self._env_settings.append((action, env, default))
        return action

    def parse_args(self, args=None, namespace=None):
        parsed = super().parse_args(args, namespace)
        for action, env, default in self._env_settings:
            if getattr(parsed, action.dest) is not None:
                continue
            raw = os.environ.get(env, "")
            setattr(parsed, action.dest, self._from_env(action, env, raw) if raw else default)
        return parsed

    def _from_env(self, action, env, raw):
        try:
            value = action.type(raw) if action.type else raw
        except (ValueError, argparse.ArgumentTypeError) as error:
            self.error(f"Umgebungsvariable {env}={raw!r}: {error or 'ungültiger Wert'}")
        if action.choices is not None and value not in action.choices:
            self.error(f"Umgebungsvariable {env}={raw!r}: möglich sind {', '.join(map(str, action.choices))}")
        return value


def argument_type(parse):
    """An argparse type from a function that raises ValueError with a German reason, so the reader
    sees that reason instead of argparse's English "invalid value"."""
    def parse_argument(text: str):
        try:
            return parse(text)
        except ValueError as error:
            raise argparse.ArgumentTypeError(str(error)) from None

    return parse_argument


def _whole_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} ist keine ganze Zahl") from None


def positive_int(text: str) -> int:
    value = _whole_number(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} ist zu klein (mindestens 1)")
    return value


def non_negative_int(text: str) -> int:
    value = _whole_number(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"{value} ist negativ")
    return value


def non_negative_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} ist keine Zahl") from None
    if value < 0 or value != value:
        raise argparse.ArgumentTypeError(f"{text} ist keine Zahl ≥ 0")
    return value


def quiet_client_logs(verbose: bool = False) -> None:
    """kafka-python logs every failed connection attempt in English; the CLIs report in German."""
    logger = logging.getLogger("kafka")
    if verbose:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    else:
        logger.addHandler(logging.NullHandler())
        logger.propagate = False


class StopRequest:
    """Ctrl+C (SIGINT) or SIGTERM asks the loop to finish its current step and clean up.

    A flag instead of KeyboardInterrupt: the signal must not cut a send or a commit in half.
    A second Ctrl+C gives up on the clean end and raises KeyboardInterrupt.
    """

    def __init__(self):
        self.event = threading.Event()
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, self._handle)

    def _handle(self, signum, frame):
        if self.event.is_set():
            raise KeyboardInterrupt
        self.event.set()

    def __bool__(self) -> bool:
        return self.event.is_set()

    def wait(self, seconds: float) -> bool:
        """Sleep up to `seconds`; True when a stop was requested meanwhile."""
        return self.event.wait(max(0.0, seconds))


class CliError(Exception):
    """Ends a CLI with a German message and exit code 1."""


@contextlib.contextmanager
def german_kafka_errors(bootstrap_servers: str, bootstrap_timeout_ms: int):
    """Translate the client errors a reader can cause into one German sentence each."""
    from kafka.errors import KafkaError, KafkaTimeoutError

    try:
        yield
    except KafkaTimeoutError as error:
        if "bootstrap" in str(error).lower():
            raise CliError(
                f"Keine Verbindung zu Kafka unter {bootstrap_servers}: nach "
                f"{bootstrap_timeout_ms / 1000:g} s hat kein Broker geantwortet. Läuft der Broker "
                "(z. B. `make kafka`) und stimmt die Adresse (--bootstrap-servers / KAFKA_BOOTSTRAP_SERVERS)?"
            ) from None
        raise CliError(f"Zeitüberschreitung bei Kafka ({bootstrap_servers}): {error}") from None
    except KafkaError as error:
        raise CliError(f"Kafka meldet einen Fehler ({type(error).__name__}): {error}") from None


def run(main, argv=None) -> int:
    """Call `main(argv)`; CliError becomes a German message on stderr and exit code 1."""
    try:
        return main(argv)
    except CliError as error:
        print(f"Fehler: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nAbgebrochen.", file=sys.stderr)
        return 130
