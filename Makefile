# Two commands do all the set-up on a fresh machine with Python 3.11:
#   make example   set up, then build the entity list of the shipped example report pair
#   make test      set up, then run the test suite
# The venv is made once (.venv/) and reused; `make clean` removes it.

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: setup example test bench-setup clean

setup: $(STAMP)

# torch first, pinned: the CPU-only build (a plain install would pull a multi-GB CUDA build).
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet "torch==2.13.0"
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

example: $(STAMP)
	$(VENV)/bin/toolkit entities examples/report_en.txt examples/report_ar.txt

test: $(STAMP)
	$(PY) -m pytest -q

bench-setup: $(STAMP)
	$(PY) -m pip install --quiet -e ".[dev,bench]"

clean:
	rm -rf $(VENV) build dist
