# motcua: everyday commands.
#   make run     build and start the demo office on http://127.0.0.1:8080 (state in ./var)
#   make build   debug build
#   make test    install test packages, build, run all tests; ends with "N passed, N failed"
#   make bench   release build and HTTP benchmarks (artifacts/bench.txt)
#   make clean   remove build products and artifacts (keeps ./var)
# Each target that needs Debian packages installs the missing ones first (as root).

# The machines ship Swift at /opt/swift; a swift earlier on PATH wins.
export PATH := $(PATH):/opt/swift/usr/bin

SWIFT     ?= swift
STATE_DIR ?= ./var
RUN_ARGS  ?=

.PHONY: run build test bench clean

run:
	bash scripts/ensure-packages.sh run
	$(SWIFT) build
	mkdir -p $(STATE_DIR)
	./.build/debug/motcua serve --demo --state-dir $(STATE_DIR) $(RUN_ARGS)

build:
	bash scripts/ensure-packages.sh run
	$(SWIFT) build

test:
	bash scripts/ensure-packages.sh test
	$(SWIFT) build --build-tests
	bash scripts/test.sh

bench:
	bash scripts/ensure-packages.sh test
	$(SWIFT) build -c release
	bash scripts/bench.sh

clean:
	rm -rf .build artifacts
