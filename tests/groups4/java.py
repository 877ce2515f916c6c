"""Tiny Java programs against the Kafka jars the suite resolved, compiled at test time.

The share consumer (KafkaShareConsumer with explicit acknowledgement) and the consumer-protocol
consumer (group.protocol=consumer) exist only in Kafka's Java client; kafka-python 3.0.12 has
neither. The sources live in drivers/ and are compiled once per test session with the JDK's javac;
no class file is committed.
"""
from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

DRIVERS = Path(__file__).parent / "drivers"

# Kafka's clients log through SLF4J -> log4j2, whose default configuration prints errors to stdout;
# a driver's stdout carries only facts, so warnings and errors go to stderr.
_LOG4J2 = """\
status = warn
appender.err.type = Console
appender.err.name = STDERR
appender.err.target = SYSTEM_ERR
appender.err.layout.type = PatternLayout
appender.err.layout.pattern = %p %c{1}: %m%n
rootLogger.level = WARN
rootLogger.appenderRef.err.ref = STDERR
"""


@dataclass
class JavaDrivers:
    class_path: str
    classes: Path
    log4j_config: Path

    def command(self, main_class: str, *args: str) -> list[str]:
        return ["java", "-Xmx256m", f"-Dlog4j2.configurationFile={self.log4j_config}",
                "-cp", f"{self.class_path}:{self.classes}", main_class, *args]

    def run(self, main_class: str, *args: str, input: str | None = None,
            timeout: float = 180) -> subprocess.CompletedProcess:
        return subprocess.run(self.command(main_class, *args), input=input, capture_output=True, text=True,
                              timeout=timeout)


def compile_drivers(kafka_class_path: str, out: Path) -> JavaDrivers:
    """Compiles every drivers/*.java into `out`; a compile error fails with javac's message."""
    javac = shutil.which("javac")
    assert javac, "javac fehlt: die Gruppen-Tests brauchen ein JDK (z. B. openjdk-17-jdk-headless), nicht nur ein JRE"
    classes = out / "classes"
    classes.mkdir(parents=True, exist_ok=True)
    sources = sorted(str(path) for path in DRIVERS.glob("*.java"))
    result = subprocess.run([javac, "-d", str(classes), "-cp", kafka_class_path, *sources],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"javac failed:\n{result.stdout}\n{result.stderr}"
    log4j_config = out / "log4j2.properties"
    log4j_config.write_text(_LOG4J2, encoding="utf-8")
    return JavaDrivers(kafka_class_path, classes, log4j_config)
