# Every target creates .venv first, so a fresh machine needs only python3 and make.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell python3 -c "import hashlib,sys;print(hashlib.sha1(open('pyproject.toml','rb').read()).hexdigest()[:10])")

.PHONY: run test bench lint clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,lint]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/interview

test: $(STAMP)
	$(PY) -m pytest -q

# Static checks: lint and format (ruff), types (mypy, config in pyproject.toml) and the layer
# contracts of DESIGN.md (import-linter). CI runs this after the tests.
lint: $(STAMP)
	$(VENV)/bin/ruff check interview tests bench
	$(VENV)/bin/ruff format --check interview tests bench
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

bench: $(STAMP)
	$(PY) -m bench

clean:
	rm -rf $(VENV) build dist
