# The two commands: `make run` and `make test`. Everything they need is installed and
# started by scripts/ (see README.md).
SHELL := /bin/bash
.DEFAULT_GOAL := run
SWIFT_BUILD_FLAGS ?=

.PHONY: run test build install services stop bench-engine clean-data

install:
	@scripts/install.sh

services: install
	@scripts/services.sh start

build: install
	swift build $(SWIFT_BUILD_FLAGS) --product marketplace

run: services build
	@scripts/run.sh $(SWIFT_BUILD_FLAGS)

test: services
	@scripts/test.sh

stop:
	@scripts/services.sh stop

bench-engine:
	@scripts/bench-engine.sh

clean-data: stop
	rm -rf .data
