# Two commands: `make run` serves the demo on 127.0.0.1:8000; `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DATA_DIR ?= instance

.PHONY: run test install lint clean

$(BIN)/samverkan: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(BIN)/samverkan

run: install
	$(BIN)/samverkan --data-dir $(DATA_DIR) init
	$(BIN)/samverkan --data-dir $(DATA_DIR) demo --if-empty
	$(BIN)/samverkan --data-dir $(DATA_DIR) serve --bind 127.0.0.1:8000

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint
	$(BIN)/pytest -n 2

clean:
	rm -rf $(VENV) $(DATA_DIR) .test-plugins .test-plugins.lock
