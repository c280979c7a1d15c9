# Two commands for a newcomer: `make run` and `make test`. Everything else is set up on the way.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench template dist dist-check clean

# Qt's wheels bundle Qt itself but link to a few system libraries (GL, fonts, keyboard, X).
SYSLIBS := libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 \
	libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-render-util0 libxcb-image0

$(STAMP): pyproject.toml constraints.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed: sudo apt-get install python3.11 python3.11-venv"; exit 1; }
	@missing=$$(for p in $(SYSLIBS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  elif command -v sudo >/dev/null; then sudo apt-get install -y $$missing; \
	  else echo "Please install: $$missing"; exit 1; fi; \
	fi
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/python -m ceopdesk

test: $(STAMP)
	$(BIN)/python -m pytest -n auto  # one worker per core (pytest-xdist): ~2x on 2 cores

lint: $(STAMP)
	$(BIN)/ruff check ceopdesk tests benchmarks
	$(BIN)/ruff format --check ceopdesk tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

# The one-folder desktop app in dist/ceopdesk (PyInstaller reads binaries with objdump).
dist: $(STAMP)
	@command -v objdump >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq binutils; \
	  elif command -v sudo >/dev/null; then sudo apt-get install -y binutils; \
	  else echo "Please install: binutils"; exit 1; fi; }
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN build.spec

# The built bundle, run with an empty environment (CI runs this after `make test`).
dist-check: dist
	$(BIN)/python -m pytest -m dist tests/bundle

template: $(STAMP)
	$(BIN)/python resources/templates/build_template.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache build dist
