# Two commands on a fresh machine:  `make run` (sample corpus -> SQLite, summary)  and  `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= sqlite:///sujet.sqlite
export OMP_NUM_THREADS ?= 1
export OPENBLAS_NUM_THREADS ?= 1

.PHONY: run test lint install models clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

run: install
	$(BIN)/sujet ingest examples/corpus --db $(DB)
	$(BIN)/sujet stats --db $(DB)

test: install
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check sujet tests benchmarks scripts examples
	$(BIN)/mypy sujet

models: install
	$(BIN)/python scripts/train_ner.py
	$(BIN)/python scripts/build_name_frequencies.py
	$(BIN)/python scripts/train_pairs.py

clean:
	rm -rf $(VENV) sujet.sqlite sujet.sqlite-wal sujet.sqlite-shm
