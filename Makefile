# The AI-POL responsible-AI training site.
# `make html` builds it; `make test` runs every check. Both bootstrap their own
# virtual environment from requirements.lock, so a fresh machine needs only
# Python 3 and make.

PYTHON      ?= python3
VENV        := .venv
BIN         := $(VENV)/bin
STAMP       := $(VENV)/.installed
SPHINXOPTS  ?= -W --keep-going -n
# Quiet when all is well: only problems are printed. `make html QUIET=` shows progress.
QUIET       ?= -q
# What is published comes from a build that read every page: after an incremental build,
# Sphinx's search index loses the glossary's entries and sphinx-sitemap lists only the pages
# it rewrote. `make serve` stays incremental for quick previews, which are never published.
FRESH       := -E
BUILD       := _build
# Builds go to a staging folder first and are published only when they succeed,
# so a failed build never replaces a good site with a broken one.
STAGING     := $(BUILD)/.staging
# Where `make gettext` writes the message templates, which every edition's build counts the
# catalogues against (so that BUILD=elsewhere keeps them together with the rest).
TEMPLATES   := -D course_gettext_dir=$(BUILD)/gettext
SERVE_PORT  ?= 8000
# The translated editions' languages: conf.py's course_languages, less English, the source.
TRANSLATIONS := fr es ar
LIGHTHOUSE  := $(BUILD)/lighthouse/node_modules/.bin/lighthouse

# Reproducible output: dates in the HTML come from the last commit, not the clock.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 1795910400)
export SOURCE_DATE_EPOCH

.DEFAULT_GOAL := help
.PHONY: help html html-preview gettext intl-update intl-check rtl-css trainer slides pdf test bench serve clean dist linkcheck-external lock screening-check new-module new-exercise

help:  ## List the commands.
	@echo "AI-POL training site. Commands:"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## /  make \1\t/' | expand -t 28

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $@

html: $(STAMP)  ## Build the learner and public site, every language (English at the root, /fr/, /es/, /ar/), into _build/html.
	$(BIN)/python -m sphinx_course.cli.editions $(STAGING)/html $(BUILD)/doctrees $(FRESH) $(QUIET) $(SPHINXOPTS) $(TEMPLATES)
	@$(BIN)/python -m sphinx_course.cli.publish $(STAGING)/html $(BUILD)/html
	@echo "Site built. Open $(CURDIR)/$(BUILD)/html/index.html"

html-preview: $(STAMP)  ## Preview one translated edition with every page, translated or not (EDITION=fr|es|ar), in _build/preview/EDITION. Never publish it.
	$(BIN)/python -m sphinx -b html $(QUIET) -d $(BUILD)/doctrees/preview-$(EDITION) $(SPHINXOPTS) $(TEMPLATES) -D language=$(EDITION) -D course_preview_all_pages=1 . $(BUILD)/preview/$(EDITION)
	@echo "Preview of the $(EDITION) edition in $(CURDIR)/$(BUILD)/preview/$(EDITION): every page, translated or not. Do not publish it."

gettext: $(STAMP)  ## Extract every translatable string (pages, data files, interface) into _build/gettext/*.pot.
	$(BIN)/python -m sphinx -b gettext -E $(QUIET) -d $(BUILD)/doctrees/gettext $(SPHINXOPTS) . $(BUILD)/gettext

intl-update: gettext  ## Refresh locales/<lang>/LC_MESSAGES/*.po from the templates (sphinx-intl), for translators.
	$(BIN)/sphinx-intl update -p $(BUILD)/gettext -d locales $(foreach code,$(TRANSLATIONS),-l $(code)) -w 0
	$(BIN)/python -m sphinx_course.cli.intl_flags locales

intl-check: $(STAMP)  ## Check a language's catalogues (LANG=fr|es|ar) for lost links, roles and placeholders and off-list terms, without building.
	$(BIN)/python -m sphinx_course.cli.intl_check $(LANG) $(PO)

rtl-css: html  ## After a theme upgrade: mirror the themes' stylesheets for right-to-left pages (RTLCSS, needs npm ci) into sphinx_course/theme/static/rtl.
	$(BIN)/python -m sphinx_course.cli.rtl_css $(BUILD)/html/_static

trainer: gettext  ## Build the trainer edition (never publish it), with its slide decks, into _build/trainer.
	@# gettext first: the translation status pages count the catalogues against the current templates.
	$(BIN)/python -m sphinx -b html $(FRESH) $(QUIET) -d $(BUILD)/doctrees/trainer $(SPHINXOPTS) $(TEMPLATES) -D course_edition=trainer . $(STAGING)/trainer
	$(BIN)/python -m sphinx -b revealjs $(QUIET) -c slides -d $(BUILD)/doctrees/slides $(SPHINXOPTS) . $(STAGING)/trainer/slides
	@$(BIN)/python -m sphinx_course.cli.publish $(STAGING)/trainer $(BUILD)/trainer
	@echo "Trainer edition built in $(CURDIR)/$(BUILD)/trainer. Keep it off public servers."

slides: $(STAMP)  ## Build a reveal.js deck per module and session into _build/slides (works offline).
	$(BIN)/python -m sphinx -b revealjs $(QUIET) -c slides -d $(BUILD)/doctrees/slides $(SPHINXOPTS) . $(STAGING)/slides
	@$(BIN)/python -m sphinx_course.cli.publish $(STAGING)/slides $(BUILD)/slides
	@echo "Decks built. Open $(CURDIR)/$(BUILD)/slides/slides/index.html"
	@echo "The decks carry trainer notes as speaker notes: do not publish them."

pdf: html trainer  ## Print the course book, trainer's manual and handouts to PDF in _build/pdf (needs Chromium).
	$(BIN)/python -m sphinx_course.cli.pdf $(BUILD)/html $(BUILD)/trainer $(BUILD)/pdf
	@# Rebuild the trainer edition so that it carries the PDFs just printed and links them as files.
	@$(MAKE) --no-print-directory trainer

# Two workers: CI machines have two cores, and each test file runs whole in one of them.
TEST_WORKERS ?= 2
test: $(STAMP)  ## Run the whole test suite (builds the site too).
	@command -v node >/dev/null && command -v npm >/dev/null || { echo "make test needs Node.js and npm (Debian: apt-get install nodejs npm), or run bash .ci/run, which installs them."; exit 2; }
	@test -f node_modules/.package-lock.json -a node_modules/.package-lock.json -nt package-lock.json || npm ci --no-audit --no-fund --loglevel=error
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile

CASES ?= tests/fixtures/screening-cases.yaml
screening-check: $(STAMP)  ## Run screening cases (CASES=path/to/cases.yaml) through the browser's rules with Node.
	@$(BIN)/python -m sphinx_course.cli.screening_check $(abspath $(CASES))

new-module: $(STAMP)  ## Create modules/COURSE/SLUG.md from the module template and add it to the course's toctree (COURSE=, SLUG=, TITLE=).
	@$(BIN)/python -m sphinx_course.cli.scaffold module --course "$(COURSE)" --slug "$(SLUG)" --title "$(TITLE)"

new-exercise: $(STAMP)  ## Create exercises/scenarios/SLUG.md from the exercise template (SLUG=, TITLE=, TRACK=leadership or counter-terrorism).
	@$(BIN)/python -m sphinx_course.cli.scaffold exercise --track "$(or $(TRACK),leadership)" --slug "$(SLUG)" --title "$(TITLE)"

bench: $(STAMP) $(LIGHTHOUSE)  ## Measure build time, page weight and Lighthouse scores; writes _build/bench/.
	$(BIN)/python tests/benchmark.py

# Lighthouse and its whole dependency tree come from tests/lighthouse/package-lock.json,
# installed outside the source tree so that no node_modules folder lands among the pages.
$(LIGHTHOUSE): tests/lighthouse/package.json tests/lighthouse/package-lock.json
	mkdir -p $(BUILD)/lighthouse
	cp tests/lighthouse/package.json tests/lighthouse/package-lock.json $(BUILD)/lighthouse/
	npm ci --prefix $(BUILD)/lighthouse --no-audit --no-fund --loglevel=error
	touch $@

serve: gettext  ## Live preview on http://127.0.0.1:8000 (SERVE_PORT=...) with automatic rebuild.
	$(BIN)/sphinx-autobuild --host 127.0.0.1 --port $(SERVE_PORT) -d $(BUILD)/doctrees/serve $(SPHINXOPTS) $(TEMPLATES) \
	  --ignore "$(CURDIR)/$(BUILD)" --ignore "$(CURDIR)/$(VENV)" --ignore "$(CURDIR)/tests" . $(BUILD)/serve

clean:  ## Remove all build output (keeps the virtual environment and the pinned Lighthouse install).
	@test ! -d $(BUILD) || find $(BUILD) -mindepth 1 -maxdepth 1 ! -name lighthouse -exec rm -rf {} +

dist: html  ## Zip the built site for offline use: _build/aipol-site.zip.
	@$(BIN)/python -m sphinx_course.cli.dist $(BUILD)/html $(BUILD)/aipol-site.zip

linkcheck-external: html  ## Check every cited external URL (needs a network); writes _build/link-rot.json.
	$(BIN)/python -m sphinx_course.cli.linkrot $(BUILD)/html/external-links.json $(BUILD)/link-rot.json

lock:  ## Re-resolve requirements.in into requirements.lock.
	rm -rf $(BUILD)/lock-venv
	$(PYTHON) -m venv $(BUILD)/lock-venv
	$(BUILD)/lock-venv/bin/python -m pip install --quiet -r requirements.in
	{ echo "# Generated by 'make lock' from requirements.in on Python 3.11. Do not edit by hand."; \
	  $(BUILD)/lock-venv/bin/python -m pip freeze --exclude-editable | grep -v -i '^pip=='; } > requirements.lock
	rm -rf $(BUILD)/lock-venv
