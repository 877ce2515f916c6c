"""Corpus scripts whose output in kafkasim differs from the real broker today, with the class of the
difference (the classes of issue 16, refined by what the scripts found). test_corpus.py runs them
as strict xfail: a script that starts matching fails the run until its line is removed here. This
list is the to-do list of the simulator core rewrite; it only ever shrinks.
"""

TRANSACTIONS = "transactions: transactional_id refused (NotSimulatedError) although kafka-python supports it"
MISSING_API = "missing API: kafka-python name absent in kafkasim (AttributeError/ImportError)"

KNOWN_DIFFERENCES: dict[str, str] = {
    "transactions/001_commit_transaction": TRANSACTIONS,
    "transactions/002_abort_transaction": TRANSACTIONS,
    "transactions/003_open_transaction_lso": TRANSACTIONS,
    "transactions/004_send_offsets_to_transaction": TRANSACTIONS,
    "transactions/005_fencing_by_epoch": TRANSACTIONS,
    "transactions/006_transactional_call_errors": MISSING_API + " (transactional methods)",
    "transactions/007_begin_twice_and_commit_without_begin": TRANSACTIONS,
    "transactions/008_transaction_two_partitions": TRANSACTIONS,
}

# Scripts whose kafkasim output changes from run to run (non-strict xfail). Since learner threads
# run as simulated processes (one interleaving per seed), there are none; a script lands here only
# with a reason and moves to KNOWN_DIFFERENCES (or off both lists) once it is deterministic.
UNSTABLE_IN_SIMULATOR: dict[str, str] = {}
