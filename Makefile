# Two commands: `make run` serves the demo on 127.0.0.1:8000; `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DATA_DIR ?= instance

.PHONY: run test install lint lock clean chromium bench stress messages

# Everything comes from the lock of the whole tree (requirements.lock, made by `make lock`).
$(BIN)/samverkan: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# After changing a dependency in pyproject.toml: pin the whole tree again.
lock: $(BIN)/samverkan
	$(BIN)/pip-compile --quiet --allow-unsafe --extra dev --strip-extras --no-emit-index-url \
		--no-emit-find-links --output-file requirements.lock pyproject.toml

# The pages' message catalogs (web/ui/translations/*/LC_MESSAGES/messages.po -> .mo).
CATALOGS := $(patsubst %.po,%.mo,$(wildcard web/ui/translations/*/LC_MESSAGES/messages.po))

%.mo: %.po $(BIN)/samverkan
	$(BIN)/pybabel compile --statistics -i $< -o $@

# Debian's chromium for the browser test (root on CI and the dev machines; skipped elsewhere).
chromium:
	command -v chromium >/dev/null || (apt-get update -q && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium) || true

# After adding or changing a page's words: update the catalogs, then translate the new
# entries in sv and nb (tests/ui/test_translations.py fails until they are).
messages: $(BIN)/samverkan
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext --no-location \
		-o web/ui/translations/messages.pot .
	$(BIN)/pybabel update -i web/ui/translations/messages.pot -d web/ui/translations \
		--no-fuzzy-matching --ignore-obsolete

install: $(BIN)/samverkan $(CATALOGS)

run: install
	$(BIN)/samverkan --data-dir $(DATA_DIR) init
	$(BIN)/samverkan --data-dir $(DATA_DIR) demo --if-empty
	$(BIN)/samverkan --data-dir $(DATA_DIR) serve --bind 127.0.0.1:8000

# mypy finds modules by their folders' names: it reads the package through links named as
# it is imported (build/typecheck/samverkan, made anew on each run).
TYPECHECK := build/typecheck/samverkan

lint: install
	rm -rf $(dir $(TYPECHECK)) && mkdir -p $(TYPECHECK)
	for entry in core/*; do ln -s "$$PWD/$$entry" $(TYPECHECK)/; done
	ln -s "$$PWD/web" "$$PWD/plugins" $(TYPECHECK)/
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	PYTHONPATH=$(dir $(TYPECHECK)) $(BIN)/lint-imports --no-cache

test: lint chromium
	$(BIN)/pytest -n 2

# Benchmarks (docs/benchmarks.md, benchmarks/results.json); e.g. BENCH_ARGS='--large 100000'.
bench: install
	$(BIN)/python -m benchmarks $(BENCH_ARGS)

# The full load, fault and scale-out tests (their short versions run in `make test`).
stress: install
	$(BIN)/pytest -m stress -p no:xdist tests/stress

clean:
	rm -rf $(VENV) $(DATA_DIR) .test-plugins .test-plugins.lock
