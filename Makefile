# Two commands for a fresh machine with Python 3.11, git and make:
#   make site   — install into .venv and build the example site into site/
#   make test   — install into .venv, lint, type-check and run the whole test suite
#
# Every install path (site, test, CI) installs the versions pinned, with hashes, in
# requirements/dev.lock; `make lock` regenerates it and `make test-latest` runs the suite
# against the newest versions pyproject.toml's ranges allow, in a venv of its own.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
LOCK   := requirements/dev.lock
STAMP  := $(VENV)/.installed-stamp
LATEST := .venv-latest
EXTRAS := test,lint,browser,bench
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test lint unit fuzz lock test-latest schema clean bench bench-agency guide

# The lock holds setuptools (the build backend), so the editable install downloads nothing
# that is not pinned; --require-hashes also fails if a dependency is missing from the lock.
$(STAMP): pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/mkdocs build --strict -f site_config.yml

serve: $(STAMP)
	$(BIN)/mkdocs serve -f site_config.yml

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# Deterministic: hypothesis draws the same examples on every run (tests/conftest.py).
test: lint
	$(BIN)/python -m pytest -n 2 --dist loadgroup --timeout=300

unit: $(STAMP)
	$(BIN)/python -m pytest -m "not e2e" -q

# Random exploration, apart from `make test`: property tests with many more examples and a
# fresh seed each run. Reproduce a failure with `make fuzz SEED=<the seed printed>`, then
# add the failing input to the suite as an explicit @example.
SEED ?= $(shell od -An -N4 -tu4 /dev/urandom | tr -d ' ')
fuzz: $(STAMP)
	@echo "fuzz seed: $(SEED)   (reproduce: make fuzz SEED=$(SEED))"
	HO_HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -n 2 -q -m "not e2e and not browser" \
		-p no:cacheprovider --hypothesis-seed=$(SEED) tests/unit
	@echo "fuzz seed was: $(SEED)"

# Regenerate the lock from pyproject.toml's ranges (all extras) and requirements/tools.in:
# universal (every platform's wheels), with hashes, for Python 3.11. Existing pins are kept
# (a new dependency is added); `make lock LOCK_ARGS=--upgrade` moves every pin to the newest.
LOCK_ARGS ?=
lock: $(STAMP)
	$(BIN)/uv pip compile pyproject.toml requirements/tools.in --extra test --extra lint \
		--extra browser --extra bench --generate-hashes --universal --python-version 3.11 \
		--no-header --quiet $(LOCK_ARGS) -o $(LOCK)

# The newest versions the ranges allow, in a venv of their own: drift shows up here first.
test-latest:
	rm -rf $(LATEST)
	$(PYTHON) -m venv $(LATEST)
	$(LATEST)/bin/python -m pip install --quiet --upgrade pip
	$(LATEST)/bin/python -m pip install --quiet --upgrade -e '.[$(EXTRAS)]'
	$(LATEST)/bin/python -m pip freeze --exclude-editable > $(LATEST)/versions.txt
	$(LATEST)/bin/python -m pytest -n 2 --dist loadgroup --timeout=300

clean:
	rm -rf $(VENV) $(LATEST) site build *.egg-info plugins/*.egg-info bench/.work

# Benchmark against plain Material and Hugo (about 15 minutes); writes bench/results.md.
# Fewer sizes or repetitions: make bench BENCH_ARGS="--sizes 100 1000 --reps 3"
bench: $(STAMP)
	$(BIN)/python bench/run.py $(BENCH_ARGS)

# An agency's builds: 20 sites x 50 offers, `honest-offers build -j 2` against sequential builds.
bench-agency: $(STAMP)
	$(BIN)/python bench/agency.py $(AGENCY_ARGS)

schema: $(STAMP)
	$(BIN)/python -c "from honest_offers.validate.schema import SCHEMA_PATH, render_schema; SCHEMA_PATH.write_text(render_schema(), encoding='utf-8')"

# The user guide (guide/), built with honest-offers itself; its reference pages are generated
# from the code (guide/hooks.py). Published by ci-recipes/github-pages-guide.yml.
guide: $(STAMP)
	$(BIN)/mkdocs build --strict -f guide/mkdocs.yml
