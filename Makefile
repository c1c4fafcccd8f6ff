# Two commands do all the set-up on a fresh machine with Python 3.11:
#   make example   set up, then build the entity list of the shipped example report pair
#   make test      set up, then run the test suite
# The venv is made once (.venv/) and reused; `make clean` removes it.
#
# The review page's browser test (tests/review/test_browser.py) needs Debian's chromium;
# `make test` installs it when it is missing, but only as root and where CI is set or
# BROWSER=1 is given (apt-get is never run on someone's own machine unasked). Without it
# the browser test is skipped, never failed.

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: setup example test browser bench-setup clean

setup: $(STAMP)

# torch first, pinned: the CPU-only build (a plain install would pull a multi-GB CUDA build).
$(STAMP): pyproject.toml hatch_build.py toolkit/normalize/cfold.c toolkit/corpus/cjsonl.c
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet "torch==2.13.0"
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

example: $(STAMP)
	$(VENV)/bin/toolkit entities examples/report_en.txt examples/report_ar.txt
	@mkdir -p examples/out
	$(VENV)/bin/toolkit review examples/report_en.txt examples/report_ar.txt -o examples/out/review.html
	@echo "review page: $(CURDIR)/examples/out/review.html (open it in a browser)"

test: $(STAMP) browser
	$(PY) -m pytest -q

# chromium (and an Arabic font) for the browser test; never fails the build.
browser:
	@if command -v chromium >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && [ -n "$${CI:-}$(BROWSER)" ] && command -v apt-get >/dev/null; then \
		(apt-get update -qq && apt-get install -y -qq chromium fonts-noto-core >/dev/null) \
		|| echo "chromium could not be installed: the browser test will be skipped"; \
	else echo "chromium not found: the browser test will be skipped (as root: make test BROWSER=1)"; fi

bench-setup: $(STAMP)
	$(PY) -m pip install --quiet -e ".[dev,bench]"

clean:
	rm -rf $(VENV) build dist
