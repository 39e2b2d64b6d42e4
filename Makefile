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

# Training only: what fitting the shipped models needs beside the package.
$(VENV)/.installed-train: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[train]'
	touch $@

run: install
	$(BIN)/sujet ingest examples/corpus --db $(DB)
	$(BIN)/sujet stats --db $(DB)

test: install
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check sujet tests benchmarks scripts examples
	$(BIN)/mypy sujet tests

# Every shipped model, rebuilt from ../shared/data (SUJET_SHARED_DATA) in dependency order; each
# gets <model>.meta.json with the command and data that made it (scripts/record_model.py).
RECORD := nice -n 10 $(BIN)/python scripts/record_model.py
models: $(VENV)/.installed-train
	$(RECORD) --model sujet/entities/models/ner_clusters_de.tsv.gz \
	  --data textdump/trafilatura --data extraction/dates \
	  --data train/ner/smartdata-de --data train/ner/ler-de \
	  -- scripts/build_ner_clusters.py
	$(RECORD) --model sujet/entities/models/ner_de.crfsuite \
	  --model sujet/entities/models/ner_known_de.tsv.gz \
	  --data ner/germeval --data ner/europarl-de \
	  --data train/ner/smartdata-de --data train/ner/ler-de \
	  -- scripts/train_ner.py --train --known-names
	$(RECORD) --model sujet/entities/models/names_lr.json --data names/slavicner \
	  -- scripts/fit_names.py --cv 5
	$(RECORD) --model sujet/entities/data/position_heads_nerel.txt --data roles/nerel \
	  -- scripts/build_roles_lexicon.py --cv 5
	$(RECORD) --model sujet/entities/models/roles_pairs_ru.json --data roles/nerel \
	  -- scripts/train_roles_pairs.py --cv 5
	$(RECORD) --model sujet/stories/models/name_frequencies.json.gz \
	  --data train/ner --data extraction/aeb \
	  -- scripts/build_name_frequencies.py
	$(RECORD) --model sujet/stories/models/static_use.npz -- scripts/distill_encoder.py --dims 128
	$(RECORD) --model sujet/stories/models/pair_model_e5.json \
	  --model sujet/stories/models/pair_model_static.json \
	  --data pairs/semeval --data pairs/tg \
	  -- scripts/train_pairs.py
	$(RECORD) --model sujet/topics/models/topics_e5.json --data topics/tg \
	  -- scripts/train_topics.py --cv 5
	$(RECORD) --model sujet/extract/models/textdump_lines.json --data textdump \
	  -- scripts/train_textdump.py $${SUJET_SHARED_DATA:-../shared/data}/textdump

clean:
	rm -rf $(VENV) sujet.sqlite sujet.sqlite-wal sujet.sqlite-shm
