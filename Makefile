# casebook: `make lab` to teach or learn, `make test` to check everything. See README.md.
#
# Every target that needs Python first builds .venv from the same pins Binder uses
# (binder/requirements.txt, plus the test tools in requirements-dev.txt). A stamp file makes
# re-running a target quick when nothing changed.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.casebook-installed
JOBS   ?= auto
BUILD  := build

# Tests never touch a learner's saved quiz answers, and exercise checks raise when they fail.
TEST_ENV := CASEBOOK_PROGRESS_DIR=$(CURDIR)/$(BUILD)/test-progress CASEBOOK_STRICT=1 MPLBACKEND=Agg

.DEFAULT_GOAL := help
.PHONY: help lab test lint unit notebooks figures exercises-check references-check test-browser browser-check bench handouts pins clean check-python hub test-hub lite test-lite

help:
	@echo "make lab           set up .venv and open JupyterLab on the first lesson"
	@echo "make test          set up .venv, then ruff, unit tests and every notebook (nbval)"
	@echo "make test-browser  run every notebook and quiz in a real JupyterLab under Chromium (needs chromium, npm)"
	@echo "make lite          build the course for the browser alone (JupyterLite) into build/lite"
	@echo "make test-lite     build it, serve it on 127.0.0.1 and run every lesson and quiz in Chromium, offline"
	@echo "make bench         benchmarks: lesson kernels against a bare floor, quiz and parser speed"
	@echo "make hub           a real JupyterHub for a class on this machine (127.0.0.1:HUB_PORT, default 8000)"
	@echo "make test-hub      three students log in to a real hub, pull the kit, run lesson 01 and hand in"
	@echo "make handouts      printable question sheets and answer keys in build/handouts"
	@echo "make figures       re-draw the images of the lessons' figures after changing a figure or its data"
	@echo "make pins          re-compile the pinned requirements after editing pyproject.toml"
	@echo "make clean         remove .venv and build outputs"

check-python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else 1)' >/dev/null 2>&1 || \
	  { echo "casebook needs Python 3.10 or newer, and '$(PYTHON)' is missing or older: install one, or run 'make PYTHON=/path/to/python3.11 lab'."; exit 1; }

$(BIN)/python: | check-python
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python binder/requirements.txt requirements-dev.txt pyproject.toml
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r binder/requirements.txt -r requirements-dev.txt
	@touch $@

lab: $(STAMP)
	$(BIN)/casebook lab notebooks/00_start_here.ipynb

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks hub lite course
	$(BIN)/mypy

unit: $(STAMP)
	$(TEST_ENV) $(BIN)/python -m pytest -n $(JOBS) tests -m "not browser and not hub"

notebooks: $(STAMP)
	rm -rf $(BUILD)/test-progress
	$(TEST_ENV) CASEBOOK_FIGURE_CACHE=verify $(BIN)/python -m pytest -n $(JOBS) --dist loadfile --nbval-lax -v -p no:cacheprovider notebooks exercises solutions \
	  instructors/class_results.ipynb

# Each figure a lesson shows is stored as an image in src/casebook/plots/drawn/ so 30 kernels do not
# draw the same pixels; `make notebooks` (verify mode) fails when one is missing or stale.
figures: $(STAMP)
	$(BIN)/python -m casebook.maintain.figures

# exercises/ must be exactly what `casebook exercises` writes from solutions/.
exercises-check: $(STAMP)
	$(BIN)/casebook exercises --check

# Each lesson's "## Sources" list must be what `casebook references` writes from data/sources.csv.
references-check: $(STAMP)
	$(BIN)/casebook references --check

test: lint exercises-check references-check unit notebooks

# The browser suite drives the system's Chromium (never a Playwright download) and injects axe-core,
# pinned in package-lock.json. Either missing stops the run with one line, never a silent skip.
AXE := node_modules/axe-core/axe.min.js

# Runs before the environment is installed (the lookup needs only the standard library), so a machine
# without Chromium hears so at once, and the check never installs or changes .venv.
browser-check: check-python
	@$(PYTHON) -m tests.browser.chromium

$(AXE): package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "make test-browser needs npm to install axe-core: install Node.js and npm (Debian/Ubuntu: 'sudo apt-get install npm')."; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

# Each worker runs its own JupyterLab and Chromium; two halve the time on a two-core CI machine.
BROWSER_JOBS ?= 2

test-browser: browser-check $(STAMP) $(AXE)
	$(TEST_ENV) $(BIN)/python -m pytest -n $(BROWSER_JOBS) tests/browser -m browser -p no:cacheprovider

# The browser-only course: JupyterLite and Pyodide (npm, pinned in package-lock.json) with the kit's
# wheels, built from pinned packages only. Its build tools (lite/requirements.txt) go into .venv on top
# of Binder's pins, leaving binder/requirements.txt unchanged.
LITE_STAMP := $(VENV)/.casebook-lite-installed
PYODIDE := node_modules/pyodide/pyodide.mjs

$(LITE_STAMP): $(STAMP) lite/requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r lite/requirements.txt
	@touch $@

# npm ci (the axe-core rule) installs every npm package, Pyodide included.
$(PYODIDE): $(AXE)
	@test -f $@ || { echo "npm ci did not install pyodide: check package.json and package-lock.json"; exit 1; }
	@touch $@

lite: $(LITE_STAMP) $(PYODIDE)
	$(BIN)/python -m lite.build

# Serves build/lite on 127.0.0.1 and drives Chromium with every request off loopback refused.
test-lite: browser-check lite
	$(TEST_ENV) $(BIN)/python -m pytest -n $(BROWSER_JOBS) tests/lite -m lite -p no:cacheprovider

bench: $(STAMP) $(HUB_STAMP) $(CHP) lite
	$(BIN)/python benchmarks/run.py

# The local class hub: JupyterHub (hub/requirements.txt, into .venv; Binder never installs it) behind
# configurable-http-proxy (npm, pinned in package-lock.json). Binds 127.0.0.1 only; Ctrl+C stops it and
# every student's server. Passwords: CASEBOOK_HUB_PASSWORD, CASEBOOK_HUB_TEACHER_PASSWORD (unset: printed).
HUB_PORT  ?= 8000
HUB_STAMP := $(VENV)/.casebook-hub-installed
CHP       := node_modules/.bin/configurable-http-proxy

$(HUB_STAMP): $(STAMP) hub/requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r hub/requirements.txt
	@touch $@

$(CHP): package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "make hub needs npm to install configurable-http-proxy: install Node.js and npm (Debian/Ubuntu: 'sudo apt-get install npm')."; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

hub: $(HUB_STAMP) $(CHP)
	HUB_PORT=$(HUB_PORT) $(BIN)/jupyterhub -f hub/jupyterhub_config.py

# Three students on a real hub, end to end (about 3 minutes on two cores; see tests/hub/test_live_hub.py).
test-hub: $(HUB_STAMP) $(CHP)
	$(TEST_ENV) $(BIN)/python -m pytest tests/hub -m hub -p no:cacheprovider -v

handouts: $(STAMP)
	$(BIN)/casebook handout --all --out $(BUILD)/handouts
	$(BIN)/casebook answer-key --all --out $(BUILD)/handouts

# Maintainers: re-pin after editing the dependency lists in pyproject.toml.
pins: $(STAMP)
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --python-version 3.11 --annotation-style line --no-header -o binder/requirements.txt.new
	{ echo "# Pinned environment for Binder and for make. Do not edit: run 'make pins'."; cat binder/requirements.txt.new; echo "-e ."; } > binder/requirements.txt
	rm binder/requirements.txt.new
	mkdir -p $(BUILD) && grep -v '^-e' binder/requirements.txt > $(BUILD)/constraints.txt
	$(BIN)/uv pip compile pyproject.toml --extra test --python-version 3.11 --annotation-style line --no-header \
	  -c $(BUILD)/constraints.txt -o requirements-dev.txt.new
	{ echo "# Test tools, pinned with the same versions as binder/requirements.txt. Do not edit: run 'make pins'."; \
	  grep -v '^casebook\b' requirements-dev.txt.new; } > requirements-dev.txt
	rm requirements-dev.txt.new

clean:
	rm -rf $(VENV) $(BUILD) node_modules .pytest_cache .ruff_cache .hypothesis src/*.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
