# The two commands of the README: `make demo` and `make test`. Each sets itself up.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-dev

.PHONY: demo test venv fonts test-browser notebooks clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): $(VENV)/bin/python pyproject.toml
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP) fonts
	$(VENV)/bin/policytext demo

test: $(STAMP) fonts
	$(PY) -m pytest -n 2 --dist loadfile -q

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

# The report in a real browser (headless Chromium from Debian).
test-browser: $(STAMP) fonts
	@command -v chromium >/dev/null 2>&1 || (DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1 || \
	  (apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1))
	$(PY) -m pytest -q tests/test_browser.py

notebooks: $(STAMP)
	$(PY) scripts/make_notebooks.py

clean:
	rm -rf $(VENV) build dist .pytest_cache
