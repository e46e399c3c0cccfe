# Every target sets itself up: a local virtual environment with cleannews
# installed in editable mode, rebuilt when pyproject.toml changes.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install test lint typecheck unit fuzz demo clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# benchmarks/ is linted once it exists.
lint: $(STAMP)
	$(BIN)/ruff check cleannews tests $(wildcard benchmarks)
	$(BIN)/ruff format --check cleannews tests $(wildcard benchmarks)

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest

test: lint typecheck unit

# The fuzz target over the command line's reading path with a large budget
# (FUZZ_EXAMPLES=n to change it); `make test` runs it with 200 examples.
FUZZ_EXAMPLES ?= 20000
fuzz: $(STAMP)
	CLEANNEWS_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/pytest tests/safety/test_safety_properties.py \
		-k fuzz --hypothesis-show-statistics

demo: $(STAMP)
	@echo '$$ cleannews --summary examples/en-harbour-strike.txt > /dev/null'
	@$(BIN)/cleannews --summary examples/en-harbour-strike.txt > /dev/null
	@echo
	@echo '$$ cleannews --diff examples/de-stadtrat.txt'
	@$(BIN)/cleannews --diff examples/de-stadtrat.txt

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis build *.egg-info
