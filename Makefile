# The conference companion. `make run` serves the app; `make test` runs
# every test, the real-browser ones included, on what the repository holds;
# `make test-shared` runs the tests on the real schedules that have no
# licence and stay outside it.

GO      ?= go
ADDR    ?= :8080
WASM    := web/build/app.wasm
BIN     := bin/companion

.PHONY: run build wasm test test-shared vet bench fuzz loadtest screenshots chromium axe clean

run: build
	./$(BIN) serve -addr $(ADDR)

build: wasm
	$(GO) build -trimpath -o $(BIN) ./cmd/companion

# The browser app. It is rebuilt every time (Go's cache makes that quick)
# but only replaced when its bytes change, so that the slow brotli step
# runs only for a new app. What is downloaded on venue wifi is the brotli
# copy: -s -w drops the symbol names (the runtime keeps its own table), and
# no inlining outside the runtime makes the code smaller once compressed
# (1,877 KB brotli with inlining, 1,775 KB without; see web/wasmsize).
# Then web/stripdebug drops what the runtime keeps only to print: its file
# and line tables, and the names of functions outside our own packages
# (179 KB less brotli). A panic then names our functions, without file
# or line. For a build that keeps every name: make build WASM_NAMES=all
# Last, web/packdata lays the data out in a few segments instead of the
# linker's 100,000 small ones, whose headers compress badly (118 KB less).
WASM_NAMES ?= companion/,main.
WASM_FLAGS := -trimpath -ldflags='-s -w' -gcflags=all=-l -gcflags=runtime= -gcflags='internal/...='
wasm:
	@mkdir -p web/build
	GOOS=js GOARCH=wasm $(GO) build $(WASM_FLAGS) -o $(WASM).new ./cmd/wasm
	$(GO) run ./web/stripdebug -keep-names '$(WASM_NAMES)' $(WASM).new
	$(GO) run ./web/packdata $(WASM).new
	@if cmp -s $(WASM).new $(WASM); then rm $(WASM).new; else mv $(WASM).new $(WASM); fi
	@if [ ! $(WASM).br -nt $(WASM) ] || [ ! $(WASM).gz -nt $(WASM) ]; then $(GO) run ./web/precompress $(WASM); fi

vet:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { echo "gofmt would change:"; gofmt -l $$(git ls-files '*.go'); exit 1; }
	$(GO) vet ./...
	$(GO) vet -tags $(SHARED_TAG) ./...
	GOOS=js GOARCH=wasm $(GO) vet ./...

# Every test. The browser tests drive a real headless Chromium; the suite
# runs again under another time zone to show times stay the conference's.
test: build vet chromium axe
	$(GO) test -count=1 -timeout 60m ./...
	TZ=America/Los_Angeles $(GO) test -count=1 -timeout 60m -run 'Zone|Time|Browser' ./...

# The tests on the real schedules without a licence, which are never
# committed: they read the shared folder beside the repository,
# ../shared/fixtures (or $$COMPANION_SHARED/fixtures), and live in test files
# built only with the sharedfixtures tag. Without that folder this fails,
# saying where it looked; it never skips.
SHARED_TAG      := sharedfixtures
SHARED_FIXTURES  = $(if $(COMPANION_SHARED),$(COMPANION_SHARED),$(abspath $(CURDIR)/..)/shared)/fixtures
test-shared:
	@if [ ! -f "$(SHARED_FIXTURES)/SOURCES.md" ]; then \
		echo "test-shared: FAILED: the shared fixtures are not at $(SHARED_FIXTURES)" >&2; \
		echo "  (looked for $(SHARED_FIXTURES)/SOURCES.md: put the shared/ folder beside the repository," >&2; \
		echo "  or set COMPANION_SHARED to the folder that holds fixtures/)" >&2; \
		exit 1; \
	fi
	@files=$$(grep -rl --include='*_test.go' '^//go:build $(SHARED_TAG)$$' .); \
	if [ -z "$$files" ]; then echo "test-shared: FAILED: no test file is tagged $(SHARED_TAG)" >&2; exit 1; fi; \
	pkgs=$$(for f in $$files; do dirname $$f; done | sort -u); \
	tests=$$(sed -n 's/^func \(\(Test\|Fuzz\)[A-Za-z0-9_]*\)(.*/\1/p' $$files | sort -u | paste -sd'|'); \
	echo "$(GO) test -tags $(SHARED_TAG) -count=1 -run '^($$tests)$$' "$$pkgs; \
	$(GO) test -tags $(SHARED_TAG) -count=1 -run "^($$tests)\$$" $$pkgs

# Chromium for the browser tests: installed from Debian when missing and
# we are root, else the exact command to run.
chromium:
	@if [ -n "$$CHROME" ] || command -v chromium >/dev/null 2>&1; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing Chromium for the browser tests (apt-get install chromium)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium; \
	else \
		echo "The browser tests need Chromium. Run:  sudo apt-get install -y chromium   (or set CHROME=/path/to/chromium)"; exit 1; \
	fi

# axe-core, which the browser tests run inside every page: a test tool
# from npm, installed from the lock file when missing (never shipped).
AXE_DIR := cmd/companion/server/testdata/axe
axe:
	@if [ -f $(AXE_DIR)/node_modules/axe-core/axe.min.js ]; then exit 0; fi; \
	if ! command -v npm >/dev/null 2>&1; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
			echo "Installing npm for the accessibility tests (apt-get install npm)"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm || exit 1; \
		else \
			echo "The accessibility tests need axe-core from npm. Run:  sudo apt-get install -y npm  then  make axe"; exit 1; \
		fi; \
	fi; \
	npm ci --prefix $(AXE_DIR) --no-audit --no-fund

# Every fuzz target, FUZZTIME each. A crasher Go finds is written under the
# package's testdata/fuzz/ and from then on runs with every `make test`:
# commit it with the fix. Minimising is bounded too: Go's default (60 s per
# new input) stalls on schedule-sized inputs.
FUZZTIME ?= 20s
fuzz:
	@for pkg in $$($(GO) list ./...); do \
		for target in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
			echo "== $$pkg $$target"; \
			$(GO) test -run '^$$' -fuzz "^$$target$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 2s $$pkg || exit 1; \
		done; \
	done

# The Go benchmarks (loading and rendering), the browser ones in
# cmd/companion/server (FOSDEM day switch, search keystroke, filter change,
# star, grid first paint, each beside its budget) at BENCH_SAMPLES
# iterations each, as single samples at 4× CPU spread widely, then the venue-wifi harness: KCD France and FOSDEM cold, warm and
# offline in a throttled phone-sized Chromium beside the static floor,
# medians of BENCH_RUNS, table printed and written to bin/bench.json (see
# cmd/companion/bench).
BENCH_RUNS    ?= 5
BENCH_SAMPLES ?= 15
bench: build chromium
	$(GO) test -run '^$$' -bench . -skip '^BenchmarkBrowser' -benchmem ./...
	$(GO) test -run '^$$' -bench '^BenchmarkBrowser' -benchtime $(BENCH_SAMPLES)x ./cmd/companion/server
	$(GO) run ./cmd/companion/bench -runs $(BENCH_RUNS) -out bin/bench.json

# A bounded load test on loopback: the built server, FOSDEM 2025 served
# beside the app, LOADTEST_CONNS connections for LOADTEST_DURATION on each
# of /, a FOSDEM day, a talk, the wasm and the schedules API.
LOADTEST_DURATION ?= 10s
LOADTEST_CONNS    ?= 64
loadtest: build
	$(GO) run ./cmd/companion/loadtest -bin $(BIN) -duration $(LOADTEST_DURATION) -conns $(LOADTEST_CONNS)

# Phone screenshots of every page (320 and 390 px, light and dark, English
# and French) to look at, written to SHOTS_DIR (see cmd/companion/shots).
SHOTS_DIR ?= bin/shots
screenshots: build chromium
	$(GO) run ./cmd/companion/shots -out $(SHOTS_DIR)

clean:
	rm -rf bin web/build/app.wasm*
