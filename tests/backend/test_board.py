"""Parsing prices and drawing the Aktionär*innen's table, without a broker."""
import json

import pytest
from rich.console import Console

from backend.board import MalformedPrice, PriceBoard, parse_price
from backend.dax import DAX, Market, parse_symbols


def price(symbol="SAP", value=230.0, **extra):
    return json.dumps({"symbol": symbol, "price": value, "currency": "EUR", **extra}).encode()


@pytest.mark.parametrize("raw, reason", [
    (None, "Tombstone"),
    (b"\xff\xfe", "kein UTF-8"),
    (b"SAP;230", "kein gültiges JSON"),
    (b"[1, 2]", "kein Objekt"),
    (b'{"symbol": "SAP"}', "Feld fehlt: price"),
    (b'{"symbol": "SAP", "price": "teuer"}', "Preis ist keine Zahl"),
])
def test_malformed_values_are_rejected_with_a_reason(raw, reason):
    with pytest.raises(MalformedPrice, match=reason):
        parse_price(raw)


def test_board_counts_skipped_and_filtered_records_and_tracks_change():
    board = PriceBoard(symbols=["SAP"])
    assert board.apply(0, 0, price("SAP", 200.0)).change is None
    with pytest.raises(MalformedPrice):
        board.apply(0, 1, b"kaputt")
    assert board.apply(1, 0, price("SIE", 210.0)) is None
    quote = board.apply(0, 2, price("SAP", 202.0))
    assert (quote.change, round(quote.change_percent, 2), quote.partition, quote.offset) == (2.0, 1.0, 0, 2)
    assert (board.read, board.skipped, board.filtered) == (2, 1, 1)
    assert quote.line() == "Partition 0, Offset 2: SAP 202.00 EUR (+1.00 %)"


def test_table_shows_latest_price_change_and_partition():
    board = PriceBoard()
    board.apply(2, 7, price("SAP", 100.0))
    board.apply(2, 8, price("SAP", 99.0))
    board.apply(0, 3, price("BMW", 80.0))
    console = Console(record=True, width=120, color_system=None)
    console.print(board.table("Kurse"))
    text = console.export_text()
    # The company comes from the DAX table: a price names only its symbol.
    sap = next(line for line in text.splitlines() if "SAP SE" in line)
    assert "99.00 EUR" in sap and "-1.00 (-1.00 %)" in sap and "│         2 │      8 │" in sap
    assert DAX["BMW"][0] in text
    assert "3 Kurse gelesen, 0 übersprungen" in text


def test_market_is_a_seeded_random_walk_within_one_percent_steps():
    first, second = Market(["SAP", "BMW"], seed=7), Market(["SAP", "BMW"], seed=7)
    ticks = [first.tick() for _ in range(200)]
    assert [t["price"] for t in ticks] == [second.tick()["price"] for _ in range(200)]
    last = {"SAP": 230.0, "BMW": 80.0}
    for tick in ticks:
        assert abs(tick["price"] / last[tick["symbol"]] - 1) <= 0.0101
        last[tick["symbol"]] = tick["price"]
    assert [t["sequence"] for t in ticks] == list(range(1, 201))
    assert set(ticks[0]) == {"symbol", "price", "currency", "sequence"}


def test_a_block_of_ticks_is_the_same_walk_as_single_ticks():
    single, block = Market(["SAP", "BMW"], seed=3), Market(["SAP", "BMW"], seed=3)
    expected = [single.tick() for _ in range(50)]
    assert block.ticks(20) + block.ticks(30) == expected


def test_kafka_python_checks_crcs_natively():
    # Installed through kafka-python's crc32c extra; without it the benchmark halves, silently.
    from kafka.record import util

    assert util.crc32c_c is not None


def test_symbols_are_normalised_and_checked():
    assert parse_symbols(" sap, SIE ,sap") == ["SAP", "SIE"]
    with pytest.raises(ValueError, match="unbekannte Symbole XYZ"):
        parse_symbols("SAP,XYZ")


def test_the_boerse_encodes_prices_as_compact_json():
    from backend.boerse import encode

    market = Market(sorted(DAX), seed=11)
    for _ in range(500):
        price = market.tick()
        assert encode(price) == json.dumps(price, separators=(",", ":")).encode()


def test_live_table_shows_the_last_prices_of_a_burst_without_waiting_for_more(monkeypatch):
    import io

    import rich

    from backend import aktionaer

    clock = [100.0]
    monkeypatch.setattr(aktionaer.time, "monotonic", lambda: clock[0])
    monkeypatch.setattr(rich, "_console", Console(file=io.StringIO(), width=100))  # rich's global console
    board = PriceBoard()
    view = aktionaer.TableView(board, "Kurse")

    def caption():
        return view.table.caption

    board.apply(0, 0, price("SAP", 200.0))
    view.refresh()  # within a quarter second of the last drawing: not rebuilt yet
    assert caption().startswith("0 Kurse")
    clock[0] += 0.3
    view.refresh()  # an empty poll later: the waiting prices are drawn
    assert caption().startswith("1 Kurse")
    view.close()


def test_consumer_loop_lets_the_view_redraw_after_empty_polls_too():
    from types import SimpleNamespace

    from backend import aktionaer

    record = SimpleNamespace(partition=0, offset=0, value=price("SAP", 200.0))

    class Consumer:
        """Stands in for KafkaConsumer: one batch, then nothing."""
        polls = 0

        def poll(self, timeout_ms):
            self.polls += 1
            return {"tp": [record]} if self.polls == 1 else {}

        def assignment(self):
            return {"tp"}

        def commit(self, timeout_ms):
            pass

    class View:
        refreshed = 0

        def show(self, quote):
            pass

        def refresh(self, force=False):
            self.refreshed += 1

    consumer, view = Consumer(), View()
    aktionaer.consume(consumer, PriceBoard(), view, stop=False, count=0, idle_timeout=0.05)
    assert consumer.polls > 1 and view.refreshed == consumer.polls
