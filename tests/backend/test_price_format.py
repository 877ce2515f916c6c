"""One record format for a price and one DAX table, for every producer and consumer of the course.

The simulator's Börse (kafkasim/scenarios/boerse.py) and the backend (backend/dax.py) each define both,
since kafkasim cannot import the backend; these tests prove that the definitions agree, that every
producer of the course writes the format, and that every consumer listing reads what they write.
"""
import ast
import json

import pytest

from backend import dax
from backend.boerse import encode
from kafkasim import Cluster
from kafkasim.scenarios import boerse as simulated
from tests.backend.helpers import PROJECT_ROOT

LISTINGS = sorted(path.relative_to(PROJECT_ROOT).as_posix()
                  for folder in ("docs_src", "backend/labs") for path in (PROJECT_ROOT / folder).rglob("*.py"))
PRODUCERS = [path for path in LISTINGS if "KafkaProducer(" in (PROJECT_ROOT / path).read_text(encoding="utf-8")]
CONSUMERS = [path for path in LISTINGS if "KafkaConsumer(" in (PROJECT_ROOT / path).read_text(encoding="utf-8")]
TOPIC = "aktienkurse"


def assert_is_a_price(key: bytes | None, raw: bytes, where: str) -> dict:
    value = json.loads(raw)
    fields = set(value)
    assert set(dax.PRICE_FIELDS) <= fields <= {*dax.PRICE_FIELDS, dax.SEQUENCE_FIELD}, (where, value)
    # A price without a key is allowed (Übung 1 starts so, the learner adds it); a key is the symbol.
    assert value["symbol"] in dax.DAX and key in (None, value["symbol"].encode("utf-8")), (where, key, value)
    assert type(value["price"]) in (int, float) and round(value["price"], 2) == value["price"], (where, value)
    assert value["currency"] == dax.CURRENCY, (where, value)
    return value


def records(cluster: Cluster, topic: str | None = TOPIC) -> list[dict]:
    """The records of `topic`, or of every topic for None."""
    return [record for t in cluster.snapshot(max_records=10_000)["topics"] if topic in (None, t["name"])
            for p in t["partitions"] for record in p["records"]]


def run(cluster: Cluster, path: str):
    result = cluster.run_script((PROJECT_ROOT / path).read_text(encoding="utf-8"), filename=path)
    assert result.error is None, f"{path}: {result.error}\n{result.traceback}"
    return result


def test_simulator_and_backend_define_the_same_format_and_the_same_dax_table():
    assert (simulated.PRICE_FIELDS, simulated.SEQUENCE_FIELD, simulated.CURRENCY) == (
        dax.PRICE_FIELDS, dax.SEQUENCE_FIELD, dax.CURRENCY)
    assert simulated.DAX == dax.DAX and len(dax.DAX) == 40


def test_the_labs_boerse_trades_the_default_shares_at_the_tables_starting_prices():
    tree = ast.parse((PROJECT_ROOT / "backend/labs/boerse_producer.py").read_text(encoding="utf-8"))
    aktien = next(ast.literal_eval(node.value) for node in tree.body
                  if isinstance(node, ast.Assign) and node.targets[0].id == "AKTIEN")
    assert list(aktien) == dax.DEFAULT_SYMBOLS
    assert aktien == {symbol: dax.DAX[symbol][1] for symbol in dax.DEFAULT_SYMBOLS}


def test_the_simulators_ticker_writes_the_format_and_numbers_its_prices():
    cluster = Cluster(brokers=1, seed=4)
    cluster.create_topic(TOPIC, partitions=3)
    cluster.start_ticker(TOPIC, rate_per_s=50)
    cluster.advance(4_000)
    written = records(cluster)
    assert len(written) >= 150
    values = [assert_is_a_price(r["key"].encode(), r["value"].encode(), "Ticker") for r in written]
    assert sorted(v[dax.SEQUENCE_FIELD] for v in values) == list(range(1, len(values) + 1))


def test_a_symbol_typed_into_the_page_still_makes_valid_json():
    cluster = Cluster(brokers=1, seed=0)
    cluster.create_topic(TOPIC)
    cluster.start_ticker(TOPIC, symbols=['SAP"X'], rate_per_s=5)
    cluster.advance(1_000)
    assert {json.loads(r["value"])["symbol"] for r in records(cluster)} == {'SAP"X'}


def test_the_boerse_cli_writes_the_format_and_numbers_its_prices():
    market = dax.Market(sorted(dax.DAX), seed=2)
    prices = market.ticks(300)
    for number, price in enumerate(prices, start=1):
        raw = encode(price)
        assert assert_is_a_price(price["symbol"].encode(), raw, "Börse") == price
        assert price[dax.SEQUENCE_FIELD] == number


def data_records(cluster: Cluster) -> dict[tuple, dict]:
    """Every data record of every topic by (topic, partition, offset); transaction markers left out."""
    return {(t["name"], p["partition"], record["offset"]): record
            for t in cluster.snapshot(max_records=10_000)["topics"] for p in t["partitions"]
            for record in p["records"] if not record.get("marker")}


@pytest.mark.parametrize("path", PRODUCERS)
def test_every_producer_listing_writes_the_format(path):
    cluster = Cluster(brokers=1, seed=0)
    run(cluster, "backend/labs/topic_anlegen.py")
    # Prices to read first, for the listings that read, process and write (as their pages set up).
    run(cluster, "docs_src/boerse/schritt2_serialisierer.py")
    before = data_records(cluster)
    run(cluster, path)
    written = [record for place, record in data_records(cluster).items() if place not in before]
    assert written, f"{path} schrieb nichts"
    for record in written:
        if record["value"] is not None:  # a tombstone deletes a share's price; it is no price
            key = None if record["key"] is None else record["key"].encode()
            assert_is_a_price(key, record["value"].encode(), path)


@pytest.mark.parametrize("path", CONSUMERS)
def test_every_consumer_listing_reads_what_every_producer_writes(path):
    cluster = Cluster(brokers=1, seed=0, config={"group.initial.rebalance.delay.ms": 0})
    run(cluster, "backend/labs/topic_anlegen.py")
    for path in PRODUCERS:
        run(cluster, path)
    for price in dax.Market(dax.DEFAULT_SYMBOLS, seed=1).ticks(12):
        cluster.produce(TOPIC, encode(price).decode(), key=price["symbol"])
    ticker = cluster.start_ticker(TOPIC, symbols=dax.DEFAULT_SYMBOLS, rate_per_s=5)
    cluster.advance(3_000)
    cluster.stop_ticker(ticker)
    assert len(records(cluster)) > 60
    assert run(cluster, path).stdout, f"{path} las nichts"


def test_the_course_has_producers_and_consumers_to_check():
    assert "backend/labs/boerse_producer.py" in PRODUCERS and "docs_src/boerse/schritt1_erster_kurs.py" in PRODUCERS
    assert "backend/labs/aktionaer_consumer.py" in CONSUMERS and len(CONSUMERS) >= 6
