# megaport-server — `make run` and `make test` do all set-up on a fresh Debian machine.
SWIFT ?= swift
DB ?= ./data/megaport.sqlite
HOST ?= 127.0.0.1
PORT ?= 8080
BIN := .build/release/megaport-server
DEBIAN_PACKAGES := libsqlite3-dev libcrypt-dev libssl-dev libpq-dev zlib1g-dev postgresql chromium chromium-driver sqlite3 openssl ca-certificates
VENV := .venv
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build release test run run-cluster sandbox demo demo-walkthrough crash-test bench bench-scale fuzz clean db-reset

## Install the Debian packages the build needs (a no-op when they are all there).
deps:
	@missing=""; for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@command -v python3 >/dev/null && command -v curl >/dev/null || \
	  ($(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq python3 curl)

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

## Python packages the tests use (a real TLS mail relay), in a virtual environment of the project's own.
$(VENV)/.ready: scripts/requirements-test.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q -r scripts/requirements-test.txt
	touch $@

## Every test suite: parser, sockets, storage, domain, API over HTTP, command line; then the
## walkthrough (docs/walkthrough.md), the crash test and email through real TLS relays.
## The last line reads "total: N passed, M failed"; each stage's full output is in .build/test-logs/.
test: deps $(VENV)/.ready
	$(SWIFT) build --build-tests
	bash scripts/test.sh

## Replays docs/walkthrough.md against a fresh server; fails if a status, shape or status value differs.
demo-walkthrough: build
	python3 scripts/walkthrough.py

## Build, create the database, seed the demo world (once), print fresh tokens, serve.
run: release
	@mkdir -p $(dir $(DB))
	@$(BIN) demo --db $(DB)
	@echo
	@echo "Serving on http://$(HOST):$(PORT) — try: curl \"http://$(HOST):$(PORT)/secure/dropdowns/locations?token=<a token above>\""
	@echo "(docs/walkthrough.md goes on from there; Ctrl-C stops the server)"
	exec $(BIN) serve --db $(DB) --host $(HOST) --port $(PORT)

## Three nodes on one local PostgreSQL (ports 8081–8083) with the demo world; Ctrl-C stops them and the database.
run-cluster: release
	bash scripts/run_cluster.sh

## A sandbox for test harnesses on a temporary database (docs/sandbox.md); SEED=N makes runs repeatable.
sandbox: release
	exec $(BIN) sandbox --host $(HOST) --port $(PORT) $(if $(SEED),--seed $(SEED))

## Seed the demo world and print tokens without serving.
demo: release
	@mkdir -p $(dir $(DB))
	@$(BIN) demo --db $(DB)

## wrk scenarios against a release build on a fresh database; writes bench/results.md.
bench: release
	@command -v wrk >/dev/null || ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq wrk)
	bash scripts/bench.sh

## The same scenarios on databases grown to 10k, 100k and 1M services; writes bench/results-scale.md.
bench-scale: release
	@command -v wrk >/dev/null || ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq wrk)
	bash scripts/bench_scale.sh

## SIGKILL the server under 32 ordering clients, 20 times; every acknowledged order must survive once.
crash-test: build
	ROUNDS=20 python3 scripts/crash_test.py

## libFuzzer on the request parser and the JSON parser, FUZZ_SECONDS each (default 600).
fuzz: deps
	bash Fuzz/fuzz.sh

clean:
	$(SWIFT) package clean

db-reset:
	rm -f $(DB) $(DB)-wal $(DB)-shm
