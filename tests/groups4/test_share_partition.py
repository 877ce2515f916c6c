"""The share-partition state machine on simulated time: acquisition, locks, acknowledgements,
delivery count limit, SPSO/SPEO and the state written to the share coordinator."""
from __future__ import annotations

from kafkasim.broker.share_partition import (ACCEPT, ACKNOWLEDGED, ACQUIRED, ARCHIVED, AVAILABLE,
                                                     INVALID_RECORD_STATE, NONE, REJECT, RELEASE, RENEW,
                                                     SharePartition)
from kafkasim.broker.batch_log import PartitionLog
from kafkasim.kernel import Kernel

LOCK_MS = 2000


def setup(limit=3, max_in_flight=2000, batches=(("a1", "a2", "a3", "a4"),)):
    kernel = Kernel(0)
    log = PartitionLog()
    for values in batches:
        log.append(values)
    sp = SharePartition(kernel, 0, max_delivery_count=lambda: limit, record_lock_ms=lambda: LOCK_MS,
                        max_in_flight=lambda: max_in_flight)
    return kernel, log, sp


def fetch(sp, log, member, max_records=500, record_limit=False):
    offset = sp.next_fetch_offset()
    return sp.acquire(member, record_limit, max_records, max_records, offset, log.batches_from(offset))


def states(sp):
    return [(o, s, d) for o, s, d, _m in sp.records()]


def test_a_fetch_acquires_the_whole_batch_with_delivery_count_one():
    _kernel, log, sp = setup()
    assert fetch(sp, log, "A", max_records=2) == [(0, 3, 1)]  # batch_optimized: the whole batch
    assert states(sp) == [(0, ACQUIRED, 1), (1, ACQUIRED, 1), (2, ACQUIRED, 1), (3, ACQUIRED, 1)]
    assert (sp.start_offset, sp.end_offset, sp.next_fetch_offset()) == (0, 3, 4)
    assert fetch(sp, log, "B") == []  # nothing else available


def test_record_limit_acquires_exactly_max_records_and_leaves_the_rest_available():
    _kernel, log, sp = setup()
    assert fetch(sp, log, "A", max_records=2, record_limit=True) == [(0, 1, 1)]
    assert states(sp) == [(0, ACQUIRED, 1), (1, ACQUIRED, 1), (2, AVAILABLE, 0), (3, AVAILABLE, 0)]
    assert sp.end_offset == 3  # the SPEO covers the whole fetched batch
    assert fetch(sp, log, "B", max_records=2, record_limit=True) == [(2, 2, 1), (3, 3, 1)]


def test_accepting_moves_the_start_offset_but_the_written_state_lags_one_write_behind():
    _kernel, log, sp = setup()
    fetch(sp, log, "A")
    assert sp.persisted is None
    assert sp.acknowledge("A", [(0, 1, [ACCEPT])]) == NONE
    assert sp.start_offset == 2
    assert sp.persisted == (0, 2)  # built before the SPSO moved: start 0, two records done
    assert sp.acknowledge("A", [(2, 3, [ACCEPT])]) == NONE
    assert (sp.start_offset, sp.end_offset, sp.cache) == (4, 4, {})
    assert sp.persisted == (2, 2)


def test_release_redelivers_first_and_the_limit_archives():
    _kernel, log, sp = setup(limit=2)
    fetch(sp, log, "A")
    sp.acknowledge("A", [(0, 0, [ACCEPT]), (1, 1, [RELEASE]), (2, 3, [ACCEPT])])
    assert sp.next_fetch_offset() == 1
    assert fetch(sp, log, "B") == [(1, 1, 2)]
    sp.acknowledge("B", [(1, 1, [RELEASE])])
    assert states(sp) == [] and sp.start_offset == 4  # released at the limit: archived, SPSO past it


def test_reject_archives_at_once():
    _kernel, log, sp = setup()
    fetch(sp, log, "A")
    sp.acknowledge("A", [(0, 3, [REJECT, ACCEPT, ACCEPT, ACCEPT])])
    assert sp.start_offset == 4 and sp.persisted == (0, 4)


def test_only_the_owner_may_acknowledge_and_a_wrong_acknowledgement_changes_nothing():
    _kernel, log, sp = setup()
    fetch(sp, log, "A")
    assert sp.acknowledge("B", [(0, 0, [ACCEPT])]) == INVALID_RECORD_STATE
    assert sp.acknowledge("A", [(0, 0, [ACCEPT]), (7, 7, [ACCEPT])]) == INVALID_RECORD_STATE
    assert states(sp)[0] == (0, ACQUIRED, 1) and sp.persisted is None


def test_an_expired_lock_makes_the_records_available_again():
    kernel, log, sp = setup()
    fetch(sp, log, "A")
    kernel.run(LOCK_MS - 1)
    assert states(sp)[0][1] == ACQUIRED
    kernel.run(LOCK_MS)
    assert states(sp) == [(o, AVAILABLE, 1) for o in range(4)]
    assert sp.acknowledge("A", [(0, 0, [ACCEPT])]) == INVALID_RECORD_STATE  # too late
    assert fetch(sp, log, "B") == [(0, 3, 2)]


def test_renew_extends_the_lock():
    kernel, log, sp = setup()
    fetch(sp, log, "A")
    kernel.run(LOCK_MS - 500)
    sp.acknowledge("A", [(0, 3, [RENEW])])
    kernel.run(LOCK_MS + 1000)
    assert states(sp)[0] == (0, ACQUIRED, 1)
    kernel.run(2 * LOCK_MS - 500)
    assert states(sp)[0] == (0, AVAILABLE, 1)


def test_a_leaving_member_gives_its_records_back_keeping_the_delivery_count():
    _kernel, log, sp = setup()
    fetch(sp, log, "A")
    sp.release_member("A")
    assert states(sp) == [(o, AVAILABLE, 1) for o in range(4)]


def test_at_most_max_in_flight_records_lie_between_start_and_end_offset():
    _kernel, log, sp = setup(max_in_flight=3, batches=[("a",), ("b",), ("c",), ("d",), ("e",)])
    assert fetch(sp, log, "A") == [(0, 2, 1)]
    assert fetch(sp, log, "B") == []  # window full
    sp.acknowledge("A", [(0, 0, [ACCEPT])])
    assert fetch(sp, log, "B") == [(3, 3, 1)]


def test_repeatedly_released_records_are_delivered_in_halves_and_alone_at_the_last_attempt():
    _kernel, log, sp = setup(limit=5)
    sizes = []
    while True:
        got = fetch(sp, log, "A")
        if not got:
            break
        sizes.append([(f, l, d) for f, l, d in got])
        sp.acknowledge("A", [(f, l, [RELEASE]) for f, l, _d in got])
    assert sizes == [[(0, 3, 1)], [(0, 3, 2)], [(0, 3, 3)], [(0, 0, 4), (1, 1, 4)], [(0, 0, 5)], [(1, 1, 5)],
                     [(2, 2, 4), (3, 3, 4)], [(2, 2, 5)], [(3, 3, 5)]]
    assert states(sp) == [] and sp.start_offset == 4


def test_records_view_for_the_diagram_names_state_delivery_count_and_member():
    _kernel, log, sp = setup()
    fetch(sp, log, "A", max_records=1, record_limit=True)
    assert sp.records()[:2] == [(0, ACQUIRED, 1, "A"), (1, AVAILABLE, 0, None)]
    sp.acknowledge("A", [(0, 0, [ACCEPT])])
    assert sp.start_offset == 1 and ACKNOWLEDGED not in [s for _o, s, _d, _m in sp.records()]
    assert ARCHIVED not in [s for _o, s, _d, _m in sp.records()]
