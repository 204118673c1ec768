# Every target sets up its own .venv first, so each works on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
SYSSTAMP := $(VENV)/.system-deps
VENDOR := src/oresight/web/static/vendor/PINS
DEMO_LISTEN ?= 127.0.0.1:8000

.PHONY: setup demo test bench lint typecheck clean system-deps samples

setup: $(STAMP) $(SYSSTAMP) $(VENDOR)

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	@touch $(STAMP)

# Debian packages the project needs: tesseract for OCR of image-only PDF pages, chromium for the browser tests.
$(SYSSTAMP): scripts/system-deps.sh
	@bash scripts/system-deps.sh
	@mkdir -p $(VENV) && touch $(SYSSTAMP)

system-deps:
	@bash scripts/system-deps.sh

# The dashboard's chart libraries (vega, vega-lite, vega-embed: pinned, hash-checked npm tarballs), served locally.
# Without network the script warns and the charts stay off (tables show the numbers); it runs again next time.
$(VENDOR): scripts/vendor-js.sh
	@bash scripts/vendor-js.sh

demo: setup
	$(VENV)/bin/oresight demo
	$(VENV)/bin/oresight serve --database sqlite:///var/demo.db --listen $(DEMO_LISTEN)

test: setup
	bash scripts/run-tests.sh

bench: setup
	$(PY) -m bench.run

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

typecheck: setup
	$(VENV)/bin/mypy

samples: setup
	$(PY) samples/build_pdfs.py

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
