# Two commands for a fresh machine with Python 3.11, git and make:
#   make site   — install into .venv and build the example site into site/
#   make test   — install into .venv, lint, type-check and run the whole test suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test lint unit schema clean bench

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,lint]'
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/mkdocs build --strict -f site_config.yml

serve: $(STAMP)
	$(BIN)/mkdocs serve -f site_config.yml

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint
	$(BIN)/python -m pytest -n 2 --timeout=300

unit: $(STAMP)
	$(BIN)/python -m pytest -m "not e2e" -q

clean:
	rm -rf $(VENV) site build *.egg-info plugins/*.egg-info bench/.work

# Benchmark against plain Material and Hugo (about 15 minutes); writes bench/results.md.
# Fewer sizes or repetitions: make bench BENCH_ARGS="--sizes 100 1000 --reps 3"
BENCH_STAMP := $(VENV)/.bench-stamp
$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	touch $(BENCH_STAMP)

bench: $(BENCH_STAMP)
	$(BIN)/python bench/run.py $(BENCH_ARGS)

schema: $(STAMP)
	$(BIN)/python -c "from honest_offers.validate.schema import SCHEMA_PATH, render_schema; SCHEMA_PATH.write_text(render_schema(), encoding='utf-8')"
