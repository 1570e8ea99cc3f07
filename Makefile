# firstline: make run | build | test | bench | fuzz | i18n | clean
# Needs only Go; the browser tests need Chromium, which `make test`
# installs with apt-get when run as root (or says the command to run).

GO      ?= go
ADDR    ?= 127.0.0.1:8000
WASM    := web/app.wasm
BIN     := bin/firstline
WASMBROWSERTEST := bin/wasmbrowsertest
# The key that signs the built-in default packs. Made on first build and
# kept out of git; production repositories use their own keys (README).
DEVKEY  := bin/keys/firstline-dev.key
# The public keys compiled into the app, read when the wasm is built.
TRUSTED = $(shell cat bin/keys/*.pub 2>/dev/null | tr '\n' ' ')

.PHONY: run build wasm packs test fuzz-short test-wasm chromium axe bench fuzz i18n clean

run: build
	$(BIN) serve -addr $(ADDR)

# The server embeds web/ (assets, wasm, the default pack repository), so
# it is built last; the first build gives the CLI that makes the packs.
build: packs wasm
	$(GO) build -trimpath -o $(BIN) ./cmd/firstline

# The default pack repository, built from phrases/content into web/packs
# (incremental: unchanged packs keep their versions).
packs: $(DEVKEY)
	$(GO) build -trimpath -o $(BIN) ./cmd/firstline
	$(BIN) pack check -strict phrases/content > /dev/null
	$(BIN) pack build -key $(DEVKEY) phrases/content web/packs

$(DEVKEY):
	$(GO) build -trimpath -o $(BIN) ./cmd/firstline
	$(BIN) keygen -name firstline-dev -out $(dir $(DEVKEY))

# The client: GOOS=js GOARCH=wasm, no server code in it, stripped; then
# brotli and gzip copies, made once here so the server never compresses
# per request (skipped while the wasm is unchanged).
# The app trusts the public keys in bin/keys/*.pub (app.TrustedKeys), so
# the key must exist before the wasm is built.
wasm: $(DEVKEY)
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w -X "github.com/firstline/firstline/app.TrustedKeys=$(TRUSTED)"' -o $(WASM).tmp ./cmd/wasm
	@if cmp -s $(WASM).tmp $(WASM); then rm $(WASM).tmp; else mv $(WASM).tmp $(WASM); fi
	$(GO) run ./cmd/precompress $(WASM)

# Every test: the packages and components natively, the end-to-end tests
# in headless Chromium against the real server, and the browser-facing code
# compiled to wasm and run inside Chromium.
test: build chromium
	$(GO) test -count=1 ./...
	$(MAKE) --no-print-directory test-wasm
	$(MAKE) --no-print-directory fuzz-short

# A short fuzz of the parsers of outside input that matter most (the seed
# corpora of every fuzz target already run in go test); make fuzz runs all.
fuzz-short:
	$(GO) test -run '^$$' -fuzz '^FuzzOpenCatalog$$' -fuzztime 3s ./phrases/pack
	$(GO) test -run '^$$' -fuzz '^FuzzReadBundle$$' -fuzztime 3s ./phrases/pack
	$(GO) test -run '^$$' -fuzz '^FuzzParseSheet$$' -fuzztime 3s ./phrases/source
	$(GO) test -run '^$$' -fuzz '^FuzzNegotiate$$' -fuzztime 3s ./cmd/firstline

test-wasm: chromium $(WASMBROWSERTEST)
	GOOS=js GOARCH=wasm $(GO) test -count=1 -exec $(CURDIR)/$(WASMBROWSERTEST) ./app/ ./locales/

$(WASMBROWSERTEST):
	GOBIN=$(CURDIR)/bin GOFLAGS= $(GO) install github.com/agnivade/wasmbrowsertest@v0.11.0

# What the browser, font, nginx and load tests need, from Debian.
DEBS := chromium fonts-noto-core fonts-noto-cjk nginx-light libnginx-mod-http-brotli-static wrk

chromium:
	@if ! command -v chromium >/dev/null 2>&1 || ! dpkg -s $(DEBS) >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing from Debian: $(DEBS)"; \
	    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $(DEBS); \
	  else \
	    echo "Missing test dependencies. Run as root: apt-get update && apt-get install -y $(DEBS)" >&2; exit 1; \
	  fi; \
	fi
	@$(MAKE) --no-print-directory axe

# axe-core, the accessibility checker the browser tests inject into every
# screen (test-only: never served). Fetched from npm into bin/.
AXE := bin/axe/node_modules/axe-core/axe.min.js
axe: $(AXE)
$(AXE):
	@command -v npm >/dev/null 2>&1 || { if [ "$$(id -u)" = 0 ]; then apt-get install -y npm; else echo "npm is missing. Run as root: apt-get install -y npm" >&2; exit 1; fi; }
	npm install --prefix bin/axe --no-audit --no-fund --no-save axe-core@4.10

# Figures for the README: load, sync and serving in Chromium/wrk, pack
# builds and sizes, and phrase search natively and in the wasm.
bench: build chromium $(WASMBROWSERTEST)
	$(GO) test -run '^$$' -bench . -benchtime 1x -count 1 ./cmd/firstline ./phrases/...
	$(GO) test -run '^$$' -bench Search -benchtime 200x -count 1 ./app
	GOOS=js GOARCH=wasm $(GO) test -run '^$$' -bench SearchWasm -benchtime 50x -count 1 -exec $(CURDIR)/$(WASMBROWSERTEST) ./app

FUZZTIME ?= 60s
fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "== $$pkg $$f"; $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

# Translators' workflow (goi18n): `make i18n` writes translate.<lang>.toml
# with what each language lacks or what changed in English; fill those in,
# run `make i18n` again to merge them, and catalog.json is rebuilt.
i18n:
	cd locales && $(GO) run github.com/nicksnyder/go-i18n/v2/goi18n@v2.7.0 merge -sourceLanguage en -outdir . active.*.toml $(notdir $(wildcard locales/translate.*.toml))
	$(GO) generate ./locales

clean:
	rm -rf bin $(WASM) $(WASM).br $(WASM).gz $(WASM).tmp
