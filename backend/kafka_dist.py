"""Where the Apache Kafka broker comes from: an unpacked tarball ($KAFKA_HOME) or Maven Central.

The course teaches the official tarball, so KAFKA_HOME wins when it is set. Without it the broker
and the perf tools are resolved once with `mvn` into the project cache (.cache/kafka-<version>/lib),
which needs nothing but Java and Maven.
"""
from __future__ import annotations

import base64
import hashlib
import os
import re
import shutil
import subprocess
import uuid
from pathlib import Path

KAFKA_VERSION = "4.3.1"
SCALA_VERSION = "2.13"
MIN_JAVA = 17
LOG4J_VERSION = "2.25.4"  # the log4j-core that kafka_2.13 4.3.1 depends on

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CACHE_DIR = PROJECT_ROOT / ".cache"

# Two artifacts: the broker itself and kafka-tools (ProducerPerformance, ConsumerPerformance).
_POM = f"""<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>kafka-kurs</groupId>
  <artifactId>kafka-dist</artifactId>
  <version>1</version>
  <dependencies>
    <dependency>
      <groupId>org.apache.kafka</groupId>
      <artifactId>kafka_{SCALA_VERSION}</artifactId>
      <version>{KAFKA_VERSION}</version>
    </dependency>
    <dependency>
      <groupId>org.apache.kafka</groupId>
      <artifactId>kafka-tools</artifactId>
      <version>{KAFKA_VERSION}</version>
    </dependency>
    <!-- Kafka logs through SLF4J 1.7; without a binding every log line is dropped. The tarball
         ships this binding to log4j2 in libs/, Maven leaves the choice to us. -->
    <dependency>
      <groupId>org.apache.logging.log4j</groupId>
      <artifactId>log4j-slf4j-impl</artifactId>
      <version>{LOG4J_VERSION}</version>
    </dependency>
  </dependencies>
</project>
"""


class BrokerSetupError(RuntimeError):
    """Something the reader must fix before a broker can run; the message is German."""


def java_major_version(java: str = "java") -> int:
    """The major version of `java`; raises BrokerSetupError when Java is missing."""
    if shutil.which(java) is None:
        raise BrokerSetupError(
            f"Java wurde nicht gefunden. Der Kafka-Broker braucht Java {MIN_JAVA} oder neuer "
            "(z. B. `sudo apt-get install openjdk-17-jre-headless` oder `brew install openjdk@17`)."
        )
    # `java -version` writes to stderr, e.g. 'openjdk version "17.0.15" 2025-04-15' or '"1.8.0_402"'.
    result = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=30)
    match = re.search(r'version "(\d+)(?:\.(\d+))?', result.stderr + result.stdout)
    if not match:
        raise BrokerSetupError(f"Die Java-Version ließ sich nicht ermitteln:\n{result.stderr.strip()}")
    major = int(match.group(1))
    return int(match.group(2) or 0) if major == 1 else major


def check_java() -> None:
    major = java_major_version()
    if major < MIN_JAVA:
        raise BrokerSetupError(
            f"Gefunden wurde Java {major}, Kafka {KAFKA_VERSION} braucht Java {MIN_JAVA} oder neuer. "
            "Bitte ein neueres JDK installieren oder JAVA_HOME/PATH darauf zeigen lassen."
        )


def random_cluster_id() -> str:
    """A KRaft cluster id as `kafka-storage.sh random-uuid` prints it: 16 random bytes, base64url."""
    while True:
        cluster_id = base64.urlsafe_b64encode(uuid.uuid4().bytes).rstrip(b"=").decode("ascii")
        # Kafka avoids ids starting with '-' because command lines would read them as options.
        if not cluster_id.startswith("-"):
            return cluster_id


class Distribution:
    """Builds the command lines that start Kafka's Java programs."""

    def storage_format_command(self, config_file: Path, cluster_id: str, extra: list[str]) -> list[str]:
        raise NotImplementedError

    def server_command(self, config_file: Path, jvm_options: list[str]) -> list[str]:
        raise NotImplementedError

    def java_tool_command(self, main_class: str, args: list[str], jvm_options: list[str]) -> list[str]:
        """Any class from Kafka's class path, e.g. org.apache.kafka.tools.ProducerPerformance."""
        raise NotImplementedError

    def environment(self, log4j_config: Path, log_dir: Path, jvm_options: list[str]) -> dict[str, str]:
        return dict(os.environ)

    @property
    def class_path(self) -> str:
        """Kafka's jars as a Java class path (with a wildcard, which Java expands itself)."""
        raise NotImplementedError


class MavenDistribution(Distribution):
    """The jars that `mvn dependency:copy-dependencies` put into <root>/lib."""

    def __init__(self, root: Path):
        self.root = root
        self.lib = root / "lib"

    def __str__(self) -> str:
        return f"Kafka {KAFKA_VERSION} aus Maven Central ({self.lib})"

    def _java(self, main_class: str, args: list[str], jvm_options: list[str]) -> list[str]:
        # The class path wildcard is expanded by Java itself, not by a shell.
        return ["java", *jvm_options, "-cp", self.class_path, main_class, *args]

    def storage_format_command(self, config_file, cluster_id, extra):
        return self._java("kafka.tools.StorageTool",
                          ["format", "-t", cluster_id, "-c", str(config_file), *extra],
                          ["-Xmx256m"])

    def server_command(self, config_file, jvm_options):
        return self._java("kafka.Kafka", [str(config_file)], jvm_options)

    def java_tool_command(self, main_class, args, jvm_options):
        return self._java(main_class, args, jvm_options)

    @property
    def class_path(self) -> str:
        return str(self.lib / "*")


class TarballDistribution(Distribution):
    """An unpacked kafka_2.13-4.x.tgz: Kafka's own start scripts set up the JVM."""

    def __init__(self, home: Path):
        self.home = home
        self.bin = home / "bin"

    def __str__(self) -> str:
        return f"Kafka aus KAFKA_HOME ({self.home})"

    def storage_format_command(self, config_file, cluster_id, extra):
        return [str(self.bin / "kafka-storage.sh"), "format", "-t", cluster_id, "-c", str(config_file), *extra]

    def server_command(self, config_file, jvm_options):
        return [str(self.bin / "kafka-server-start.sh"), str(config_file)]

    def java_tool_command(self, main_class, args, jvm_options):
        return [str(self.bin / "kafka-run-class.sh"), main_class, *args]

    @property
    def class_path(self) -> str:
        return str(self.home / "libs" / "*")

    def environment(self, log4j_config, log_dir, jvm_options):
        env = dict(os.environ)
        # The scripts read these instead of command-line options.
        env["KAFKA_HEAP_OPTS"] = " ".join(o for o in jvm_options if o.startswith("-Xm"))
        env["KAFKA_LOG4J_OPTS"] = f"-Dlog4j2.configurationFile={log4j_config}"
        env["LOG_DIR"] = str(log_dir)
        return env


def maven_root() -> Path:
    return CACHE_DIR / f"kafka-{KAFKA_VERSION}"


def _pom_digest() -> str:
    return hashlib.sha256(_POM.encode("utf-8")).hexdigest()


def _maven_complete(root: Path) -> bool:
    # The stamp names the pom it was resolved from: a changed pom is resolved again.
    stamp = root / ".complete"
    return stamp.exists() and stamp.read_text(encoding="utf-8").strip() == _pom_digest()


def resolve_from_maven(root: Path | None = None) -> MavenDistribution:
    """Resolve kafka_2.13 and kafka-tools with their runtime dependencies, once."""
    root = root or maven_root()
    if _maven_complete(root):
        return MavenDistribution(root)
    if shutil.which("mvn") is None:
        raise BrokerSetupError(
            "Maven (`mvn`) wurde nicht gefunden. Es lädt Kafka einmalig aus Maven Central "
            "(z. B. `sudo apt-get install maven` oder `brew install maven`). "
            "Alternativ KAFKA_HOME auf ein entpacktes Kafka-Archiv von kafka.apache.org setzen."
        )
    root.mkdir(parents=True, exist_ok=True)
    (root / "pom.xml").write_text(_POM, encoding="utf-8")
    shutil.rmtree(root / "lib", ignore_errors=True)
    command = ["mvn", "-q", "-B", "dependency:copy-dependencies",
               "-DoutputDirectory=lib", "-DincludeScope=runtime"]
    try:
        result = subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=900)
    except subprocess.TimeoutExpired:
        raise BrokerSetupError("Maven hat Kafka nicht innerhalb von 15 Minuten geladen.") from None
    if result.returncode != 0 or not (root / "lib" / f"kafka_{SCALA_VERSION}-{KAFKA_VERSION}.jar").exists():
        tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-20:])
        raise BrokerSetupError(f"Maven konnte Kafka {KAFKA_VERSION} nicht laden:\n{tail}")
    # Written last: an interrupted download is redone on the next call.
    (root / ".complete").write_text(_pom_digest() + "\n", encoding="utf-8")
    return MavenDistribution(root)


def tarball_from_env(home: str) -> TarballDistribution:
    path = Path(home).expanduser()
    missing = [name for name in ("kafka-storage.sh", "kafka-server-start.sh", "kafka-run-class.sh")
               if not (path / "bin" / name).exists()]
    if missing:
        raise BrokerSetupError(
            f"KAFKA_HOME={home} sieht nicht wie ein entpacktes Kafka-Archiv aus: "
            f"es fehlt {', '.join('bin/' + m for m in missing)}."
        )
    return TarballDistribution(path)


def distribution() -> Distribution:
    """The Kafka to use: $KAFKA_HOME when set, otherwise Maven Central (resolved on first use)."""
    check_java()
    home = os.environ.get("KAFKA_HOME")
    return tarball_from_env(home) if home else resolve_from_maven()
