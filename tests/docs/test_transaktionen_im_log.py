"""The Zustellgarantien chapter's transactional script (docs_src/labor/transaktionen_im_log.py, the
editor's script of the preset „transaktionen“) prints the same on the real broker and in kafkasim.
It names the simulator's address and fixed names; here they become the suite's broker and names of
this run only, so the shared broker's other topics never meet it."""

from __future__ import annotations

import pytest

from tests.corpus.harness import Script, new_run_id, run_real, run_simulated
from tests.docs.sitetext import ROOT

pytestmark = pytest.mark.kafka

SCRIPT = ROOT / "docs_src" / "labor" / "transaktionen_im_log.py"
EXPECTED = ("Transaktion 1 committet: SAP und BMW\n"
            "Transaktion 2 abgebrochen: SAP 0.01\n"
            "gelesen: Offset 0, SAP 231.40\n"
            "gelesen: Offset 1, BMW 80.55\n")


def for_this_run(tmp_path, run_id: str) -> Script:
    source = SCRIPT.read_text(encoding="utf-8")
    for name in ("kurse-anna", "filter-anna-1"):
        assert f'"{name}"' in source, name
        source = source.replace(f'"{name}"', f'"{name}{run_id}"')
    assert source.count('"localhost:9092"') == 2
    source = "import os\n" + source.replace('"localhost:9092"', 'os.environ["KAFKA_BOOTSTRAP_SERVERS"]')
    path = tmp_path / "transaktionen_im_log.py"
    path.write_text(source, encoding="utf-8")
    return Script(path)


def test_the_chapter_script_prints_the_same_on_kafka_and_in_the_simulator(kafka, tmp_path):
    run_id = new_run_id()
    script = for_this_run(tmp_path, run_id)
    real = run_real(script, kafka.bootstrap, run_id)
    assert real.returncode == 0, real.describe()
    simulated = run_simulated(script, run_id)
    assert simulated.returncode == 0, simulated.describe()
    assert real.stdout == EXPECTED
    assert simulated.stdout == real.stdout
