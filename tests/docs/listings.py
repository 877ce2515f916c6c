"""The course's Python listings, and what each must print when it runs after the setup."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kafka.partitioner.default import murmur2

from tests.docs.sitetext import ROOT

# Run before every listing: the topic with three partitions, then one price per share.
SETUP = ["backend/labs/topic_anlegen.py", "docs_src/boerse/schritt2_serialisierer.py"]
SYMBOLS = ["SAP", "SIE", "ALV", "BAS", "BMW", "DTE"]


def partition_for(symbol: str, partitions: int) -> int:
    """What kafka-python's DefaultPartitioner picks for a str key serialized as UTF-8."""
    return (murmur2(symbol.encode("utf-8")) & 0x7FFFFFFF) % partitions


@dataclass(frozen=True)
class Listing:
    path: str
    expect: str  # a regular expression the output must match (re.M)

    @property
    def source(self) -> str:
        return (ROOT / self.path).read_text(encoding="utf-8")

    def __str__(self) -> str:  # readable test ids
        return Path(self.path).stem


LISTINGS = [
    Listing("docs_src/boerse/schritt1_erster_kurs.py", r"^Gespeichert in Partition \d+ mit Offset \d+$"),
    Listing("docs_src/boerse/schritt2_serialisierer.py", r"^DTE -> Partition \d, Offset \d+$"),
    Listing("docs_src/boerse/schritt3_callbacks.py", r"^bestätigt: Partition \d, Offset \d+$"),
    Listing("docs_src/theorie/producer_parameter.py", r"^Partition \d, Offset \d+$"),
    Listing("docs_src/installation/verbindung_pruefen.py", r"^Topics: .*aktienkurse"),
    Listing("docs_src/aktionaere/schritt1_ohne_gruppe.py", r"^[1-9]\d* Kurse gelesen\.$"),
    Listing("docs_src/aktionaere/gruppen_mitglied.py", r"^Mir gehören jetzt die Partitionen \[0, 1, 2\]\.$"),
    Listing("docs_src/theorie/consumer_parameter.py", r"^DTE: [\d.]+ \(Partition \d, Offset \d+\)$"),
    Listing("docs_src/theorie/partition_selbst_waehlen.py", r"\AOffset 2: [A-Z]{3} [\d.]+$"),
    Listing("docs_src/theorie/mindestens_einmal.py", r"^Partition \d, Offset \d+: [\d.]+$"),
    Listing("docs_src/theorie/hoechstens_einmal.py", r"^Partition \d, Offset \d+: [\d.]+$"),
    # Results and offsets in one transaction; a read_committed reader sees the committed results.
    Listing("docs_src/theorie/genau_einmal.py",
            r"^([1-9]\d*) Kurse umgerechnet und in einer Transaktion mit den Offsets geschrieben\.\n"
            r"[1-9]\d* umgerechnete Kurse lesbar\.\n\Z"),
    Listing("docs_src/theorie/erste_schritte.py", r"^SAP -> Partition 0, Offset \d+\n(?s:.*)^Partition 0, Offset \d+: SAP = 232\.10$"),
    Listing("docs_src/theorie/letzte_kurse.py", r"^DTE -> Partition \d, Offset \d+ \(Tombstone\)$"),
    Listing("docs_src/theorie/header_und_zeitstempel.py",
            r"^Header: \{'quelle': 'xetra', 'waehrung': 'EUR'\}\nZeitstempel wie gesendet: True \(CreateTime\)$"),
    Listing("docs_src/theorie/kompression.py", r"^100 von 100 gzip-komprimierten Kursen gelesen\.$"),
    # Only Anna's shares are shown, although her group reads every price.
    Listing("docs_src/theorie/eigene_aktien.py",
            r"\A(?:(?:SAP|BMW): [\d.]+ EUR\n)+[1-9]\d* Kurse der eigenen Aktien angezeigt\.\n\Z"),
    # The listener hears the join and close(), which gives up every partition before leaving.
    Listing("backend/labs/kursalarm_dienst.py",
            r"\AÜbernommen: \[0, 1, 2\]\n(?s:.*)^Kursalarm: SAP steht bei [\d.]+ EUR$"
            r"(?s:.*)^Abgegeben: \[0, 1, 2\]\nKursalarm-Instanz beendet, Gruppe verlassen\.\n\Z"),
    Listing("backend/labs/boerse_producer.py", r"-> Partition \d, Offset \d+$"),
    Listing("backend/labs/aktionaer_consumer.py", r"^Partition \d, Offset \d+: DTE [\d.]+ EUR$"),
]


def check_output(listing: Listing, output: str, partitions: int) -> None:
    assert re.search(listing.expect, output, re.M), f"{listing.path} gab aus:\n{output}"
    # Wherever a listing names a share and its partition, murmur2 must agree.
    for symbol, partition in re.findall(r"^\s*([A-Z]{3}) -> Partition (\d)", output, re.M):
        assert int(partition) == partition_for(symbol, partitions), (symbol, output)
    for symbol, partition in re.findall(r"^([A-Z]{3}): [\d.]+ \(Partition (\d)", output, re.M):
        assert int(partition) == partition_for(symbol, partitions), (symbol, output)
    for partition, symbol in re.findall(r"Partition (\d), Offset \d+: ([A-Z]{3})\b", output):
        assert int(partition) == partition_for(symbol, partitions), (symbol, output)
