# The two commands of the README: `make demo` and `make test`. Each sets itself up.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-dev

.PHONY: demo test test-fast lint format bench bench-full venv fonts browser test-browser notebooks clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): $(VENV)/bin/python pyproject.toml
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP) fonts
	$(VENV)/bin/policytext demo

# The whole check, as CI runs it: linters, types, layer contracts, then every test.
test: lint fonts browser
	$(PY) -m pytest -n 2 --dist loadfile -q

# The suite without the tests marked slow (those over the whole shared corpus); no linters.
test-fast: $(STAMP)
	$(PY) -m pytest -n 2 --dist loadfile -q -m "not slow"

# ruff (lint and format check), mypy on src/, and the import-linter layer contracts (CONTRIBUTING.md).
lint: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks scripts
	$(VENV)/bin/ruff format --check src tests benchmarks scripts
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

# Apply ruff's fixes and formatting.
format: $(STAMP)
	$(VENV)/bin/ruff check --fix src tests benchmarks scripts
	$(VENV)/bin/ruff format src tests benchmarks scripts

# The benchmarks at sizes that finish in minutes (each prints its own baseline from the same run);
# bench-full runs the sizes of the closing notes (the 1 GB batch run takes about an hour).
BENCH := PYTHONPATH=src $(PY)
bench: $(STAMP)
	$(BENCH) benchmarks/segment.py --chars 2000000 --skip-sighan
	$(BENCH) benchmarks/extract.py --repeat 1
	$(BENCH) benchmarks/parallels.py --repeat 1
	$(BENCH) benchmarks/templates.py --limit 10
	$(BENCH) benchmarks/stats.py --quick
	$(BENCH) benchmarks/ingest.py --repeat 1
	$(BENCH) benchmarks/index.py --mb 10 --queries 20
	$(BENCH) benchmarks/batch.py --size-mb 20 --runs 1,2

bench-full: $(STAMP)
	for b in segment extract parallels templates stats ingest index topics batch; do $(BENCH) benchmarks/$$b.py || exit 1; done

# A CJK font for the figures (Chinese labels). Installed from Debian when we may (root with apt-get);
# otherwise the plots say how to get one and the font tests skip with that reason.
fonts:
	@if fc-list :lang=zh 2>/dev/null | grep -q .; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing fonts-noto-cjk (Debian) for Chinese labels in figures"; \
	  (DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk >/dev/null 2>&1 || \
	   (apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk >/dev/null 2>&1)) \
	  || echo "note: could not install fonts-noto-cjk; figure tests will skip"; \
	else echo "note: no CJK font found; install fonts-noto-cjk (or set POLICYTEXT_CJK_FONT) for Chinese figure labels"; fi

# Headless Chromium from Debian for the report's browser test, installed when we may (root with apt-get);
# otherwise the browser test skips and says why.
browser:
	@if command -v chromium >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing chromium (Debian) for the report's browser test"; \
	  (DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -qq chromium >/dev/null 2>&1 || \
	   (timeout 300 apt-get update -qq >/dev/null 2>&1 && \
	    DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -qq chromium >/dev/null 2>&1)) \
	  || echo "note: could not install chromium; the browser test will skip"; \
	else echo "note: no chromium; the browser test will skip (install Debian's chromium to run it)"; fi

# The report in a real browser (headless Chromium from Debian).
test-browser: $(STAMP) fonts browser
	$(PY) -m pytest -q tests/reporting/test_browser.py

notebooks: $(STAMP)
	$(PY) scripts/make_notebooks.py

clean:
	rm -rf $(VENV) build dist .pytest_cache
