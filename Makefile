# Every set-up step lives here, so that `make serve` and `make test` work on a fresh clone.
# Stamps make the steps idempotent: a second run only redoes what changed.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
CACHE  := .cache
PORT   ?= 8000
# Material 9.8 prints a long end-of-life banner on every build; it is noise in CI logs.
export NO_MKDOCS_2_WARNING := 1
# Built simulator assets (Pyodide runtime, kafkasim wheel, bundles): generated, never committed.
ASSETS := docs/assets/kafkasim

.PHONY: serve build test assets chromium jdk kafka-dist kafka kafka-cluster boerse aktionaer bench clean \
        bundle moodle pdf

serve: $(VENV)/.base assets
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:$(PORT)

build: $(VENV)/.base assets
	$(PY) -m mkdocs build --strict

# TEST_WORKERS=2 runs the suite in two processes (pytest-xdist; tests/conftest.py keeps the tests of
# one shared cluster or PDF together): 23 instead of 32-44 minutes, but on two cores the load still makes
# a few timing-sensitive tests fail, so one process stays the default for now.
TEST_WORKERS ?= 0

test: $(VENV)/.test assets chromium jdk kafka-dist
	$(PY) -m pytest $(if $(filter-out 0,$(TEST_WORKERS)),-n $(TEST_WORKERS) --dist loadscope) $(PYTEST_ARGS)

$(VENV)/.base: pyproject.toml simulator/pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt setuptools wheel
	$(PY) -m pip install --quiet -c constraints.txt -e ./simulator -e .
	touch $@

$(VENV)/.test: $(VENV)/.base
	$(PY) -m pip install --quiet -c constraints.txt -e './simulator' -e '.[test]'
	touch $@

node_modules/.stamp: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

assets: $(VENV)/.base node_modules/.stamp
	$(PY) simulator/build_assets.py --out $(ASSETS)

# For teachers (classroom/): the course as one archive to serve anywhere with Python, every quiz
# for Moodle (XML) and Canvas/ILIAS (QTI 1.2), and the whole course as one PDF; all into dist/.
bundle: $(VENV)/.base assets
	$(PY) -m classroom.bundle --out dist/kafka-kurs-klassenzimmer.zip

# KURS_URL=https://… makes links in the questions point to the published course.
moodle: $(VENV)/.base
	$(PY) -m classroom.moodle --out dist/quizfragen $(if $(KURS_URL),--kurs-url $(KURS_URL))

pdf: $(VENV)/.test assets chromium
	$(PY) -m classroom.pdf --out dist/kafka-kurs.pdf

# Debian's Chromium drives the browser tests; Playwright must never download its own browser.
chromium:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif command -v apt-get >/dev/null; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium hunspell hunspell-de-de; \
	else echo "Bitte Chromium installieren (/usr/bin/chromium wird erwartet)."; exit 1; fi
	@command -v hunspell >/dev/null || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq hunspell hunspell-de-de; }

# The share-group tests compile small Java drivers against Kafka's jars: they need a JDK, not a JRE.
jdk:
	@command -v javac >/dev/null || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq openjdk-17-jdk-headless; }

# Apache Kafka from Maven Central (or $KAFKA_HOME when set), resolved once into $(CACHE).
kafka-dist: $(VENV)/.base
	$(PY) -m backend.broker fetch

kafka: kafka-dist
	$(PY) -m backend.broker run

# Three brokers (KRaft, combined nodes) on 19092-19094; type `kill 2`, `start 2`, `status` while it runs.
kafka-cluster: kafka-dist
	$(PY) -m backend.kafka_cluster run $(ARGS)

# The labs' CLIs against the broker of `make kafka` (its address file, else localhost:9092); ARGS='--rate 5'.
KURS_BOOTSTRAP = $${KAFKA_BOOTSTRAP_SERVERS:-$$(cat $(CACHE)/broker-data/kurs/bootstrap 2>/dev/null || echo localhost:9092)}
boerse: $(VENV)/.base
	KAFKA_BOOTSTRAP_SERVERS=$(KURS_BOOTSTRAP) $(PY) -m backend.boerse $(ARGS)

# Anna's depot, as the course describes it: group depot-anna (the CLI's default) showing only her shares
# SAP and BMW. Another depot names both: ARGS='--group depot-ben --symbols SIE,BAS'; every share:
# KAFKA_SYMBOLS= make aktionaer (an empty setting means no filter).
aktionaer: $(VENV)/.base
	KAFKA_BOOTSTRAP_SERVERS=$(KURS_BOOTSTRAP) KAFKA_SYMBOLS=$${KAFKA_SYMBOLS-SAP,BMW} \
	  $(PY) -m backend.aktionaer --from-beginning $(ARGS)

# Benchmarks print numbers and ratios against a baseline measured in the same run; they assert nothing.
bench: $(VENV)/.test assets chromium kafka-dist
	$(PY) bench/bench_kafkasim.py
	node bench/bench_kafkasim_pyodide.mjs
	$(PY) bench/bench_web.py
	$(PY) bench/bench_backend.py
	$(PY) bench/bench_kafka_cluster.py
	$(PY) bench/bench_labor.py
	$(PY) bench/bench_print.py
	$(PY) bench/bench_lighthouse.py

clean:
	rm -rf site dist $(ASSETS) $(CACHE)/broker-data $(CACHE)/cluster-data
