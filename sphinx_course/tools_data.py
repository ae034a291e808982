"""Questionnaire data files for the in-browser tools: loaded with line numbers, checked by kind.

Three kinds share one engine: ``maturity`` (the readiness self-assessment),
``screening`` (the EU AI Act use-case screening) and ``builder`` (the strategy
builder). :func:`load_questionnaire` reads a YAML file and raises
:class:`AuthoringError` naming the path inside the file and its line; nothing
here knows about Sphinx.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .errors import AuthoringError

ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
KINDS = ("maturity", "screening", "builder")
CATEGORIES = ("prohibited", "high-risk", "transparency", "minimal", "out-of-scope")
PRINCIPLES = ("Lawfulness", "Minimization of Harm", "Human Autonomy", "Fairness", "Good Governance")
BUILDER_SECTIONS = ("vision", "use-cases", "governance", "risk-process", "skills", "budget", "engagement", "milestones")
LINE = "__line__"


class _LineLoader(yaml.SafeLoader):
    """Remembers the line of every mapping, so errors can point at it."""

    def construct_mapping(self, node, deep=False):
        mapping = super().construct_mapping(node, deep=deep)
        mapping[LINE] = node.start_mark.line + 1
        return mapping


def _strip_lines(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_lines(v) for k, v in value.items() if k != LINE}
    if isinstance(value, list):
        return [_strip_lines(v) for v in value]
    return value


class _Checker:
    """Walks the data, keeping the path and the nearest line for messages."""

    def __init__(self):
        self.ids: dict[str, str] = {}

    def fail(self, node: dict, path: str, message: str):
        raise AuthoringError(f"{path}: {message}", node.get(LINE) if isinstance(node, dict) else None)

    def text(self, node: dict, key: str, path: str) -> str:
        value = node.get(key)
        if not isinstance(value, str) or not value.strip():
            self.fail(node, f"{path}.{key}", f"missing '{key}': add it, as text.")
        return value

    def identifier(self, node: dict, path: str, scope: str = "file") -> str:
        value = node.get("id")
        if not isinstance(value, str) or not ID.match(value):
            self.fail(node, f"{path}.id", f"id {value!r} is not valid; use lower-case letters, digits and hyphens.")
        key = f"{scope}:{value}"
        if key in self.ids:
            self.fail(node, f"{path}.id", f"duplicate id {value!r} (first used at {self.ids[key]}).")
        self.ids[key] = path
        return value

    def items(self, node: dict, key: str, path: str, minimum: int = 1, maximum: int | None = None) -> list:
        value = node.get(key)
        if not isinstance(value, list) or len(value) < minimum or (maximum and len(value) > maximum):
            size = f"{minimum} to {maximum}" if maximum else f"at least {minimum}"
            found = len(value) if isinstance(value, list) else "none"
            self.fail(node, f"{path}.{key}", f"needs {size} entries, found {found}.")
        return value

    def links(self, node: dict, path: str) -> list[str]:
        links = node.get("links", [])
        if not isinstance(links, list) or not all(isinstance(l, str) and l.startswith("/") for l in links):
            self.fail(node, f"{path}.links", "links must be a list of page paths such as /modules/leadership/05-readiness-and-lifecycle.")
        return links


def check_maturity(data: dict, check: _Checker) -> None:
    levels = []
    for i, level in enumerate(check.items(data, "scale", "scale", 2, 6)):
        path = f"scale[{i}]"
        if level.get("level") != i + 1:
            check.fail(level, f"{path}.level", f"levels must be numbered 1, 2, 3... in order; found {level.get('level')!r}.")
        check.text(level, "label", path)
        check.text(level, "description", path)
        levels.append(i + 1)
    dimensions = check.items(data, "dimensions", "dimensions", 1)
    total = 0.0
    for d, dimension in enumerate(dimensions):
        path = f"dimensions[{d}]"
        check.identifier(dimension, path)
        check.text(dimension, "label", path)
        weight = dimension.get("weight")
        if not isinstance(weight, (int, float)) or isinstance(weight, bool) or weight <= 0:
            check.fail(dimension, f"{path}.weight", f"weight must be a positive number, not {weight!r}.")
        total += weight
        for s, statement in enumerate(check.items(dimension, "statements", path, 4, 6)):
            spath = f"{path}.statements[{s}]"
            check.identifier(statement, spath)
            check.text(statement, "text", spath)
            described = statement.get("levels")
            if not isinstance(described, dict):
                check.fail(statement, f"{spath}.levels", "needs a description for each level.")
            keys = sorted(k for k in described if k != LINE)
            unknown = [k for k in keys if k not in levels]
            if unknown:
                check.fail(statement, f"{spath}.levels", f"unknown level {unknown[0]!r}; the scale has levels {levels}.")
            if keys != levels:
                check.fail(statement, f"{spath}.levels", f"describe every level {levels}; found {keys}.")
        covered: set[int] = set()
        for r, rec in enumerate(check.items(dimension, "recommendations", path, 1)):
            rpath = f"{path}.recommendations[{r}]"
            check.text(rec, "text", rpath)
            for level in rec.get("levels", []):
                if level not in levels:
                    check.fail(rec, f"{rpath}.levels", f"unknown level {level!r}; the scale has levels {levels}.")
                covered.add(level)
            check.links(rec, rpath)
        missing = [l for l in levels if l not in covered]
        if missing:
            check.fail(dimension, f"{path}.recommendations", f"no recommendation for level {missing[0]}.")
    if abs(total - 1.0) > 0.001:
        check.fail(dimensions[0], "dimensions", f"weights add up to {round(total, 4)}, not 1. Adjust them so they sum to 1.")


def check_screening(data: dict, check: _Checker) -> None:
    for key in ("as_of", "disclaimer", "source"):
        if not str(data.get(key, "")).strip():
            check.fail(data, key, f"missing {key}: the screening must say its date, its source and that it is not legal advice.")
    options: dict[str, set[str]] = {}
    for q, question in enumerate(check.items(data, "questions", "questions", 1)):
        path = f"questions[{q}]"
        qid = check.identifier(question, path)
        check.text(question, "label", path)
        options[qid] = set()
        for o, option in enumerate(check.items(question, "options", path, 2)):
            opath = f"{path}.options[{o}]"
            options[qid].add(check.identifier(option, opath, scope=qid))
            check.text(option, "label", opath)
    for r, rule in enumerate(check.items(data, "rules", "rules", 1)):
        path = f"rules[{r}]"
        check.identifier(rule, path, scope="rule")
        if rule.get("category") not in CATEGORIES:
            check.fail(rule, f"{path}.category", f"unknown category {rule.get('category')!r}; use one of {', '.join(CATEGORIES)}.")
        check.text(rule, "article", path)
        check.text(rule, "finding", path)
        when = rule.get("when")
        if not isinstance(when, dict) or not [k for k in when if k != LINE]:
            check.fail(rule, f"{path}.when", "needs at least one condition (question id: [option ids]).")
        for qid, wanted in ((k, v) for k, v in when.items() if k != LINE):
            if qid not in options:
                check.fail(rule, f"{path}.when.{qid}", f"unknown question {qid!r}.")
            for option in wanted if isinstance(wanted, list) else [wanted]:
                if option not in options[qid]:
                    check.fail(rule, f"{path}.when.{qid}", f"unknown option {option!r} for question {qid!r}.")
        for d, duty in enumerate(rule.get("duties", [])):
            check.text(duty, "text", f"{path}.duties[{d}]")
            check.text(duty, "article", f"{path}.duties[{d}]")
        for principle in rule.get("principles", []):
            if principle not in PRINCIPLES:
                check.fail(rule, f"{path}.principles", f"unknown principle {principle!r}; use {', '.join(PRINCIPLES)}.")
    check_screening_logic(data, check, options)


def _conditions(check: _Checker, node: dict, conditions: Any, path: str, options: dict[str, set[str]]) -> None:
    """A condition map (question id: [option ids]) naming only known questions and options."""
    if not isinstance(conditions, dict) or not [k for k in conditions if k != LINE]:
        check.fail(node, path, "needs at least one condition (question id: [option ids]).")
    for qid, wanted in ((k, v) for k, v in conditions.items() if k != LINE):
        if qid not in options:
            check.fail(conditions, f"{path}.{qid}", f"unknown question {qid!r}.")
        for option in wanted if isinstance(wanted, list) else [wanted]:
            if option not in options[qid]:
                check.fail(conditions, f"{path}.{qid}", f"unknown option {option!r} for question {qid!r}.")


def check_screening_logic(data: dict, check: _Checker, options: dict[str, set[str]]) -> None:
    """What makes the screening fail safe: deciding questions, "not sure" options, confirm texts, aliases, unless."""
    questions = data["questions"]
    names: dict[str, str] = {q["id"]: q["id"] for q in questions}
    for q, question in enumerate(questions):
        path = f"questions[{q}]"
        if "multiple" in question and not isinstance(question["multiple"], bool):
            check.fail(question, f"{path}.multiple", "multiple must be true or false.")
        for key in ("short", "confirm"):
            if key in question and not (isinstance(question[key], str) and question[key].strip()):
                check.fail(question, f"{path}.{key}", f"{key} must be text.")
        for o, option in enumerate(question["options"]):
            if "unsure" in option and not isinstance(option["unsure"], bool):
                check.fail(option, f"{path}.options[{o}].unsure", "unsure must be true or false.")
            if "short" in option and not (isinstance(option["short"], str) and option["short"].strip()):
                check.fail(option, f"{path}.options[{o}].short", "short must be text.")
        deciding = question.get("deciding")
        if deciding is not None and deciding is not True:
            if not isinstance(deciding, list) or not deciding:
                check.fail(question, f"{path}.deciding", "deciding must be true or a list of conditions, one of which makes the question deciding.")
            for c, condition in enumerate(deciding):
                _conditions(check, question, condition, f"{path}.deciding[{c}]", options)
        aliases = question.get("aliases", [])
        if not isinstance(aliases, list):
            check.fail(question, f"{path}.aliases", "aliases must be a list of the question's former ids.")
        for alias in aliases:
            if not isinstance(alias, str) or not ID.match(alias):
                check.fail(question, f"{path}.aliases", f"alias {alias!r} is not valid; use lower-case letters, digits and hyphens.")
            if alias in names:
                check.fail(question, f"{path}.aliases", f"alias {alias!r} is already used by question {names[alias]!r}.")
            names[alias] = question["id"]
    if not any(q.get("deciding") is True for q in questions):
        check.fail(data, "questions", "no question is marked 'deciding: true'; mark the questions every result depends on.")
    by_id = {q["id"]: q for q in questions}
    for r, rule in enumerate(data["rules"]):
        path = f"rules[{r}]"
        if "unless" in rule:
            _conditions(check, rule, rule["unless"], f"{path}.unless", options)
        if rule.get("category") != "prohibited":
            continue
        for qid in (k for k in rule["when"] if k != LINE):
            question = by_id[qid]
            if any(o.get("unsure") for o in question["options"]) and not question.get("confirm"):
                check.fail(question, f"questions[{questions.index(question)}].confirm",
                           f"question {qid!r} has a 'not sure' option and can lead to a prohibition ({rule['id']}): "
                           "add 'confirm', saying what must be confirmed.")


def check_builder(data: dict, check: _Checker) -> None:
    sections = check.items(data, "sections", "sections", len(BUILDER_SECTIONS), len(BUILDER_SECTIONS))
    for s, section in enumerate(sections):
        path = f"sections[{s}]"
        if section.get("id") != BUILDER_SECTIONS[s]:
            check.fail(section, f"{path}.id", f"expected section {BUILDER_SECTIONS[s]!r} here, found {section.get('id')!r}.")
        check.identifier(section, path)
        for key in ("title", "prompt", "guidance", "example"):
            check.text(section, key, path)
        check.links(section, path)


CHECKS = {"maturity": check_maturity, "screening": check_screening, "builder": check_builder}


def validate_questionnaire(data: Any) -> dict:
    """Check a parsed questionnaire (with line markers) and return it without them (pure)."""
    check = _Checker()
    if not isinstance(data, dict):
        raise AuthoringError("the file must be a mapping with id, version, kind and title.", 1)
    check.identifier(data, "file", scope="top")
    if data.get("kind") not in KINDS:
        check.fail(data, "kind", f"unknown kind {data.get('kind')!r}; use one of {', '.join(KINDS)}.")
    if not isinstance(data.get("version"), int):
        check.fail(data, "version", "version must be a whole number; raise it whenever the questions change.")
    check.text(data, "title", "file")
    CHECKS[data["kind"]](data, check)
    return _strip_lines(data)


def load_questionnaire(path: Path) -> dict:
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)  # noqa: S506 (safe loader subclass)
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else None
        raise AuthoringError(f"not valid YAML: {error.problem}", line) from None
    return validate_questionnaire(raw)


def page_links(data: dict) -> list[str]:
    """Every site page the data links to, for checking once all pages are known."""
    found = []
    for dimension in data.get("dimensions", []):
        for rec in dimension.get("recommendations", []):
            found += rec.get("links", [])
    for section in data.get("sections", []):
        found += section.get("links", [])
    return found


def as_of_mismatch(data: dict, law_as_of: str) -> str | None:
    """Why a screening's ``as_of`` disagrees with the site's "Law as of" date, or None (pure).

    The screening states the law as of a date, and so does every page's box; readers must not
    see two dates for the same law. Other kinds of tool state no law and are not compared.
    """
    if data.get("kind") != "screening" or not str(law_as_of).strip():
        return None
    stated = str(data.get("as_of", "")).strip()
    if stated == str(law_as_of).strip():
        return None
    return (f"as_of is {stated!r} but the site's 'Law as of' date (course_law_as_of in conf.py) is "
            f"{str(law_as_of).strip()!r}; check the rules against the law on that date, then make them equal.")


def key_line(path: Path, key: str) -> int:
    """The line of a top-level ``key:`` in a YAML file, or 1."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith(f"{key}:"):
            return number
    return 1
