"""Corpus scripts whose output in kafkasim differs from the real broker today, with the class of the
difference (the classes of issue 16, refined by what the scripts found). test_corpus.py runs them
as strict xfail: a script that starts matching fails the run until its line is removed here. This
list is the to-do list of the simulator core rewrite; it only ever shrinks.
"""

KNOWN_DIFFERENCES: dict[str, str] = {}

# Scripts whose kafkasim output changes from run to run (non-strict xfail). Since learner threads
# run as simulated processes (one interleaving per seed), there are none; a script lands here only
# with a reason and moves to KNOWN_DIFFERENCES (or off both lists) once it is deterministic.
UNSTABLE_IN_SIMULATOR: dict[str, str] = {}
