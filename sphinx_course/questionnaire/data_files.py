"""Questionnaire data files for the in-browser tools: loaded with line numbers, checked by a schema.

Three kinds share one engine: ``maturity`` (the readiness self-assessment),
``screening`` (the EU AI Act use-case screening) and ``builder`` (the strategy
builder). :func:`read_questionnaire` reads a YAML file and raises
:class:`AuthoringError` naming the path inside the file and its line; nothing
here knows about Sphinx.

Reading happens in three steps, each with its own kind of message:

1. :func:`parse_located` turns bytes into plain values and a map from each value's
   path to its line, refusing what YAML allows but a data file must not have:
   other encodings than UTF-8, files over :data:`MAX_BYTES`, nesting deeper than
   :data:`MAX_DEPTH`, aliases that expand past :data:`MAX_VALUES` values, duplicate
   keys, NaN and infinity. Syntax errors are located at the parser's problem mark,
   or at the opening quote of an unclosed string.
2. The pydantic models below check every type, required key and unknown key (with
   "did you mean"); :func:`_explain` turns their errors into authoring messages.
3. The ``check_*`` functions check what a schema cannot: numbering, coverage,
   unique ids, sums and cross-references.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, StrictFloat, StrictInt, StringConstraints, ValidationError

from ..config import DEFAULT_PRINCIPLES
from ..errors import AuthoringError

ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
KINDS = ("maturity", "screening", "builder")
CATEGORIES = ("prohibited", "high-risk", "transparency", "minimal", "out-of-scope")
#: The screening's schema names the default principles (course_principles in config.py).
PRINCIPLES = DEFAULT_PRINCIPLES
BUILDER_SECTIONS = ("vision", "use-cases", "governance", "risk-process", "skills", "budget", "engagement", "milestones")

#: Limits on what a data file may be, so that no file can exhaust the build's memory or stack.
MAX_BYTES = 1024 * 1024
MAX_DEPTH = 12
MAX_VALUES = 20_000

Place = tuple  # a value's place in the file: keys and list indexes from the top


# ---------------------------------------------------------------------------
# 1. YAML to plain values, with lines


class _LimitedLoader(yaml.SafeLoader):
    """Composes nodes with a depth limit, so deep nesting is an error, not a RecursionError."""

    def __init__(self, stream):
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent, index):
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                mark = self.peek_event().start_mark
                raise AuthoringError(
                    f"the data is nested more than {MAX_DEPTH} levels deep. Data files need only a few levels.",
                    mark.line + 1,
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


class _Builder:
    """Builds plain values from composed nodes, counting every value an alias expands to."""

    def __init__(self, loader: yaml.SafeLoader):
        self.loader = loader
        self.count = 0
        self.lines: dict[Place, int] = {}
        self.key_lines: dict[Place, int] = {}

    def build(self, node: yaml.Node, path: Place, depth: int = 0) -> Any:
        self.count += 1
        line = node.start_mark.line + 1
        if self.count > MAX_VALUES:
            raise AuthoringError(
                f"the data holds more than {MAX_VALUES} values once its aliases (*name) are expanded. "
                "Write the values out, or use fewer aliases.",
                line,
            )
        if depth > MAX_DEPTH:
            raise AuthoringError(f"the data is nested more than {MAX_DEPTH} levels deep (an alias refers to itself?).", line)
        self.lines[path] = line
        if isinstance(node, yaml.MappingNode):
            result: dict = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    raise AuthoringError(f"{_dotted(path) or 'the file'}: a key must be a plain word or number.", key_node.start_mark.line + 1)
                key = self.loader.construct_object(key_node)
                if key == "<<" or key_node.tag == "tag:yaml.org,2002:merge":
                    raise AuthoringError(f"{_dotted(path) or 'the file'}: merge keys (<<) are not supported; write the keys out.", key_node.start_mark.line + 1)
                if key in result:
                    raise AuthoringError(
                        f"{_dotted(path + (key,))}: the key {key!r} appears twice (first at line {self.key_lines[path + (key,)]}).",
                        key_node.start_mark.line + 1,
                    )
                self.key_lines[path + (key,)] = key_node.start_mark.line + 1
                result[key] = self.build(value_node, path + (key,), depth + 1)
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        value = self.loader.construct_object(node)
        if isinstance(value, float) and not math.isfinite(value):
            raise AuthoringError(f"{_dotted(path)}: {node.value!r} is not a number a tool can use; write a finite number.", line)
        return value


def _decode(raw: bytes) -> str:
    if len(raw) > MAX_BYTES:
        raise AuthoringError(f"the file is {len(raw)} bytes; data files may be at most {MAX_BYTES} bytes.", 1)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise AuthoringError(
            f"the file is not UTF-8: byte 0x{raw[error.start]:02X} at line {line}, column {column}. "
            "Save it as UTF-8.",
            line,
        ) from None
    return text.removeprefix("\ufeff")


def _syntax_error(error: yaml.YAMLError) -> AuthoringError:
    if isinstance(error, yaml.reader.ReaderError):
        return AuthoringError(f"not valid YAML: the character {chr(error.character)!r} is not allowed in a data file.", None)
    mark = getattr(error, "problem_mark", None)
    context_mark = getattr(error, "context_mark", None)
    problem = getattr(error, "problem", None) or str(error)
    context = getattr(error, "context", None) or ""
    # An unclosed quote runs to the end of the file; the author needs the quote that opened it.
    if "quoted scalar" in context and context_mark is not None and "end of stream" in problem:
        return AuthoringError("not valid YAML: this quoted text is never closed. Add the closing quote.", context_mark.line + 1)
    line = mark.line + 1 if mark is not None else (context_mark.line + 1 if context_mark is not None else None)
    return AuthoringError(f"not valid YAML: {problem}", line)


def parse_located(raw: bytes) -> tuple[Any, dict[Place, int], dict[Place, int]]:
    """Plain values, the line of every value and the line of every key, from YAML bytes (pure)."""
    loader = _LimitedLoader(_decode(raw))
    try:
        node = loader.get_single_node()
        if node is None:
            raise AuthoringError("the file is empty; it must be a mapping with id, version, kind and title.", 1)
        builder = _Builder(loader)
        return builder.build(node, ()), builder.lines, builder.key_lines
    except yaml.YAMLError as error:
        raise _syntax_error(error) from None
    except RecursionError:
        raise AuthoringError("the data is nested too deeply; data files need only a few levels.", None) from None
    finally:
        loader.dispose()


def read_yaml_data(path: Path) -> Any:
    """A data file's plain values, read with the same limits as the tools' files (size, depth,
    aliases, encoding, finite numbers, no duplicate keys): for every YAML file the build reads."""
    return parse_located(Path(path).read_bytes())[0]


# ---------------------------------------------------------------------------
# 2. The schema

Text = Annotated[str, StringConstraints(strict=True, pattern=r"\S")]
Identifier = Annotated[str, StringConstraints(strict=True, pattern=ID.pattern)]
PageLink = Annotated[str, StringConstraints(strict=True, pattern=r"^/[^\s]*$")]
Weight = Annotated[StrictInt | StrictFloat, Field(gt=0)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False)


class _File(_Model):
    id: Identifier
    version: Annotated[StrictInt, Field(ge=1)]
    title: Text
    intro: Text | None = None


class ScaleLevel(_Model):
    level: StrictInt
    label: Text
    description: Text


class Statement(_Model):
    id: Identifier
    text: Text
    levels: dict[StrictInt, Text]


class Recommendation(_Model):
    levels: Annotated[list[StrictInt], Field(min_length=1)]
    text: Text
    links: list[PageLink] = []


class Dimension(_Model):
    id: Identifier
    label: Text
    weight: Weight
    statements: Annotated[list[Statement], Field(min_length=4, max_length=6)]
    recommendations: Annotated[list[Recommendation], Field(min_length=1)]


class MaturityFile(_File):
    """The readiness self-assessment."""

    kind: Literal["maturity"]
    scale: Annotated[list[ScaleLevel], Field(min_length=2, max_length=6)]
    dimensions: Annotated[list[Dimension], Field(min_length=1)]


class BuilderSection(_Model):
    id: Identifier
    title: Text
    prompt: Text
    guidance: Text
    example: Text
    links: list[PageLink] = []


class BuilderFile(_File):
    """The strategy builder: the eight sections of BUILDER_SECTIONS, in that order."""

    kind: Literal["builder"]
    sections: Annotated[list[BuilderSection], Field(min_length=len(BUILDER_SECTIONS), max_length=len(BUILDER_SECTIONS))]


class ScreeningOption(_Model):
    id: Identifier
    label: Text
    short: Text | None = None  # how the option reads in "because you answered: …"
    unsure: bool | None = None  # a "not sure" answer, never read as permission


Conditions = dict[Text, Text | list[Text]]  # question id: option id(s)


class ScreeningQuestion(_Model):
    id: Identifier
    label: Text
    short: Text | None = None
    multiple: bool | None = None  # "choose all that apply"
    # True: every result depends on it; a list: it decides when any of these conditions holds.
    deciding: Literal[True] | Annotated[list[Conditions], Field(min_length=1)] | None = None
    confirm: Text | None = None  # what to confirm when "not sure" could mean a ban
    aliases: list[Identifier] = []  # former ids, kept so saved answers and case files still work
    options: Annotated[list[ScreeningOption], Field(min_length=2)]


class ScreeningDuty(_Model):
    text: Text
    article: Text


class ScreeningRule(_Model):
    id: Identifier
    when: Conditions
    unless: Conditions | None = None
    category: Literal[CATEGORIES]  # type: ignore[valid-type]
    annex: Text | None = None
    article: Text
    finding: Text
    duties: list[ScreeningDuty] = []
    principles: list[Literal[PRINCIPLES]] = []  # type: ignore[valid-type]
    questions: list[Text] = []


class ScreeningFile(_File):
    """The EU AI Act screening, in its current shape. Kept apart from the other kinds so the
    screening's own development can extend it (new fields, question kinds) in one place."""

    kind: Literal["screening"]
    as_of: Text
    source: Text
    disclaimer: Text
    questions: Annotated[list[ScreeningQuestion], Field(min_length=1)]
    rules: Annotated[list[ScreeningRule], Field(min_length=1)]


SCHEMAS: dict[str, type[_File]] = {"maturity": MaturityFile, "screening": ScreeningFile, "builder": BuilderFile}


def _dotted(path: Place) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return f"yes/no ({str(value).lower()})"
    names = {str: "text", int: "a whole number", float: "a number", list: "a list", dict: "a mapping", type(None): "empty"}
    shown = "" if isinstance(value, (list, dict)) or value is None else f" {value!r}"
    return names.get(type(value), type(value).__name__) + shown


def _model_at(model: type[BaseModel], path: Place) -> type[BaseModel] | None:
    """The model class that holds the key at the end of ``path`` (for "did you mean")."""
    current: Any = model
    for part in path[:-1]:
        if isinstance(part, int):
            continue
        field = getattr(current, "model_fields", {}).get(part)
        if field is None:
            return None
        annotation = field.annotation
        while getattr(annotation, "__args__", None) and not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
            inner = [a for a in annotation.__args__ if isinstance(a, type) and issubclass(a, BaseModel)]
            annotation = inner[0] if inner else annotation.__args__[0]
        current = annotation
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unknown_key(model: type[BaseModel], path: Place, where: str, key: Any) -> str:
    holder = _model_at(model, path)
    known = list(holder.model_fields) if holder else []
    close = difflib.get_close_matches(str(key), known, n=1)
    hint = f" Did you mean '{close[0]}'?" if close else f" Known keys: {', '.join(known)}."
    return f"{where}: unknown key '{key}'.{hint}"


def _pattern_mismatch(pattern: str | None, where: str, value: Any) -> str:
    if pattern == ID.pattern:
        return f"{where}: id {value!r} is not valid; use lower-case letters, digits and hyphens."
    if pattern == r"\S":
        return f"{where}: must not be empty."
    return f"{where}: {value!r} is not a page path such as /modules/leadership/05-readiness-and-lifecycle."


def _explain(error: Mapping[str, Any], model: type[BaseModel], data: Any) -> tuple[Place, str]:
    """One pydantic error as (path, authoring message)."""
    loc = tuple(error["loc"])
    kind = error["type"]
    value = error.get("input")
    if loc and loc[-1] == "[key]":
        path = loc[:-2] + (loc[-2],)
        return path, f"{_dotted(loc[:-2])}: the key {loc[-2]!r} must be a whole number (a level of the scale)."
    # Union errors name each member; the path without them is the author's.
    path = tuple(p for p in loc if not (isinstance(p, str) and (p.startswith(("function-", "list[")) or p in ("int", "float", "str") or "[" in p)))
    where = _dotted(path) or "the file"
    key = path[-1] if path else None
    if kind == "missing":
        return path, f"{where}: missing '{key}': add it."
    if kind == "extra_forbidden":
        return path, _unknown_key(model, path, where, key)
    if kind == "string_pattern_mismatch":
        return path, _pattern_mismatch(error.get("ctx", {}).get("pattern"), where, value)
    if kind in ("string_type", "str_type"):
        return path, f"{where}: must be text, not {_type_name(value)}."
    if kind == "int_type" and loc[-1:] == ("int",):  # a weight: whole numbers and decimals both do
        kind = "float_type"
    if kind in ("int_type", "int_from_float", "int_parsing"):
        return path, f"{where}: must be a whole number, not {_type_name(value)}."
    if kind in ("float_type", "int_float_type", "finite_number"):
        return path, f"{where}: must be a number, not {_type_name(value)}."
    if kind == "list_type":
        return path, f"{where}: must be a list (lines starting with '- '), not {_type_name(value)}."
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return path, f"{where}: must be a mapping of keys and values, not {_type_name(value)}."
    if kind == "literal_error":
        return path, f"{where}: {value!r} is not allowed; use one of {error['ctx']['expected']}."
    if kind in ("too_short", "too_long"):
        ctx = error.get("ctx", {})
        low, high = ctx.get("min_length"), ctx.get("max_length")
        size = f"{low} to {high}" if low is not None and high is not None else (f"at least {low}" if low is not None else f"at most {high}")
        return path, f"{where}: needs {size} entries, found {ctx.get('actual_length')}."
    if kind in ("greater_than", "greater_than_equal"):
        return path, f"{where}: must be more than {error['ctx'].get('gt', error['ctx'].get('ge'))}, not {value!r}."
    return path, f"{where}: {error['msg']}."


def _line_for(path: Place, lines: dict, key_lines: dict) -> int | None:
    if path in key_lines:
        return key_lines[path]
    for end in range(len(path), -1, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return None


# ---------------------------------------------------------------------------
# 3. Checks a schema cannot express


class _Checker:
    """Reports with the line of the value at a path, or of the nearest value that exists."""

    def __init__(self, lines: dict, key_lines: dict):
        self.lines = lines
        self.key_lines = key_lines
        self.ids: dict[str, str] = {}

    def fail(self, path: Place, message: str):
        raise AuthoringError(f"{_dotted(path) or 'file'}: {message}", _line_for(path, self.lines, {}))

    def identifier(self, value: str, path: Place, scope: str = "file") -> str:
        key = f"{scope}:{value}"
        if key in self.ids:
            self.fail(path + ("id",), f"duplicate id {value!r} (first used at {self.ids[key]}).")
        self.ids[key] = _dotted(path) or "file"
        return value


def check_maturity(data: dict, check: _Checker) -> None:
    levels = []
    for i, level in enumerate(data["scale"]):
        if level["level"] != i + 1:
            check.fail(("scale", i, "level"), f"levels must be numbered 1, 2, 3... in order; found {level['level']!r}.")
        levels.append(i + 1)
    total = 0.0
    for d, dimension in enumerate(data["dimensions"]):
        path = ("dimensions", d)
        check.identifier(dimension["id"], path)
        total += dimension["weight"]
        for s, statement in enumerate(dimension["statements"]):
            spath = path + ("statements", s)
            check.identifier(statement["id"], spath)
            keys = sorted(statement["levels"])
            unknown = [k for k in keys if k not in levels]
            if unknown:
                check.fail(spath + ("levels", unknown[0]), f"unknown level {unknown[0]!r}; the scale has levels {levels}.")
            if keys != levels:
                check.fail(spath + ("levels",), f"describe every level {levels}; found {keys}.")
        covered: set[int] = set()
        for r, rec in enumerate(dimension["recommendations"]):
            for n, level in enumerate(rec["levels"]):
                if level not in levels:
                    check.fail(path + ("recommendations", r, "levels", n), f"unknown level {level!r}; the scale has levels {levels}.")
                covered.add(level)
        missing = [level for level in levels if level not in covered]
        if missing:
            check.fail(path + ("recommendations",), f"no recommendation for level {missing[0]}.")
    if abs(total - 1.0) > 0.001:
        check.fail(("dimensions",), f"weights add up to {round(total, 4)}, not 1. Adjust them so they sum to 1.")


def check_screening(data: dict, check: _Checker) -> None:
    options: dict[str, set[str]] = {}
    for q, question in enumerate(data["questions"]):
        path = ("questions", q)
        qid = check.identifier(question["id"], path)
        options[qid] = set()
        for o, option in enumerate(question["options"]):
            options[qid].add(check.identifier(option["id"], path + ("options", o), scope=qid))
    for r, rule in enumerate(data["rules"]):
        path = ("rules", r)
        check.identifier(rule["id"], path, scope="rule")
        _conditions(check, rule["when"], path + ("when",), options)
    check_screening_logic(data, check, options)


def _conditions(check: _Checker, conditions: dict, path: Place, options: dict[str, set[str]]) -> None:
    """A condition map (question id: [option ids]) naming only known questions and options."""
    if not conditions:
        check.fail(path, "needs at least one condition (question id: [option ids]).")
    for qid, wanted in conditions.items():
        if qid not in options:
            check.fail(path + (qid,), f"unknown question {qid!r}.")
        for n, option in enumerate(wanted if isinstance(wanted, list) else [wanted]):
            if option not in options[qid]:
                where = path + (qid, n) if isinstance(wanted, list) else path + (qid,)
                check.fail(where, f"unknown option {option!r} for question {qid!r}.")


def check_screening_logic(data: dict, check: _Checker, options: dict[str, set[str]]) -> None:
    """What makes the screening fail safe: deciding questions, "not sure" options, confirm texts, aliases, unless.

    The schema has checked the types; these are the cross-references it cannot see.
    """
    questions = data["questions"]
    names: dict[str, str] = {q["id"]: q["id"] for q in questions}
    for q, question in enumerate(questions):
        path = ("questions", q)
        if isinstance(question.get("deciding"), list):
            for c, condition in enumerate(question["deciding"]):
                _conditions(check, condition, path + ("deciding", c), options)
        for alias in question.get("aliases", []):
            if alias in names:
                check.fail(path + ("aliases",), f"alias {alias!r} is already used by question {names[alias]!r}.")
            names[alias] = question["id"]
    if not any(q.get("deciding") is True for q in questions):
        check.fail(("questions",), "no question is marked 'deciding: true'; mark the questions every result depends on.")
    by_id = {q["id"]: q for q in questions}
    for r, rule in enumerate(data["rules"]):
        if rule.get("unless") is not None:
            _conditions(check, rule["unless"], ("rules", r, "unless"), options)
        if rule["category"] != "prohibited":
            continue
        for qid in rule["when"]:
            question = by_id[qid]
            if any(o.get("unsure") for o in question["options"]) and not question.get("confirm"):
                check.fail(("questions", questions.index(question), "confirm"),
                           f"question {qid!r} has a 'not sure' option and can lead to a prohibition ({rule['id']}): "
                           "add 'confirm', saying what must be confirmed.")


def check_builder(data: dict, check: _Checker) -> None:
    for s, section in enumerate(data["sections"]):
        if section["id"] != BUILDER_SECTIONS[s]:
            check.fail(("sections", s, "id"), f"expected section {BUILDER_SECTIONS[s]!r} here, found {section['id']!r}.")
        check.identifier(section["id"], ("sections", s))


CHECKS = {"maturity": check_maturity, "screening": check_screening, "builder": check_builder}


# ---------------------------------------------------------------------------
# Reading a file


def validate_located(data: Any, lines: dict, key_lines: dict) -> dict:
    """Check parsed values against the schema of their kind and the rules beyond it (pure)."""
    if not isinstance(data, dict):
        raise AuthoringError("the file must be a mapping with id, version, kind and title.", 1)
    kind = data.get("kind")
    if kind not in KINDS:
        raise AuthoringError(
            f"kind: unknown kind {kind!r}; use one of {', '.join(KINDS)}.", _line_for(("kind",), lines, {})
        )
    schema = SCHEMAS[kind]
    try:
        schema.model_validate(data)
    except ValidationError as invalid:
        # The first problem in the file; a misspelt key first, since it explains a "missing" one.
        errors = sorted(
            invalid.errors(include_url=False),
            key=lambda e: (e["type"] != "extra_forbidden", _line_for(_explain(e, schema, data)[0], lines, key_lines) or 0),
        )
        path, message = _explain(errors[0], schema, data)
        raise AuthoringError(message, _line_for(path, lines, key_lines)) from None
    CHECKS[kind](data, _Checker(lines, key_lines))
    return data


def read_questionnaire(path: Path) -> tuple[dict, list[tuple[str, int]]]:
    """The checked data of a file, and each page link it makes with the line it is on."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise AuthoringError(f"cannot read the file: {error.strerror}.", None) from None
    data, lines, key_lines = parse_located(raw)
    validate_located(data, lines, key_lines)
    return data, [(link, lines.get(where) or 1) for link, where in _link_paths(data)]


def load_questionnaire(path: Path) -> dict:
    return read_questionnaire(path)[0]


def _link_paths(data: dict) -> list[tuple[str, Place]]:
    found: list[tuple[str, Place]] = []
    for d, dimension in enumerate(data.get("dimensions", [])):
        for r, rec in enumerate(dimension.get("recommendations", [])):
            found += [(link, ("dimensions", d, "recommendations", r, "links", n)) for n, link in enumerate(rec.get("links", []))]
    for s, section in enumerate(data.get("sections", [])):
        found += [(link, ("sections", s, "links", n)) for n, link in enumerate(section.get("links", []))]
    return found


def page_links(data: dict) -> list[str]:
    """Every site page the data links to, for checking once all pages are known."""
    return [link for link, _where in _link_paths(data)]


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
