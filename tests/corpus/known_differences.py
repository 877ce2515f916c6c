"""Corpus scripts whose output in kafkasim differs from the real broker today, with the class of
the difference (the classes of issue 16). test_corpus.py runs them as strict xfail: a script that
starts matching fails the run until its line is removed here. This list is the to-do list of the
simulator core rewrite; it only ever shrinks.
"""

KNOWN_DIFFERENCES: dict[str, str] = {
}
