"""The sources check: every external link cites the publisher of record, not a copy.

The rules live in ``data/official-hosts.yaml``:

- a link whose text cites a legal source (an EU regulation, a Strasbourg judgment, an
  ECLI, a CETS number ...) must point to an official host for that kind of source;
- a link to a host that only copies, relays or comments on official texts is refused,
  with what to cite instead;
- ``static.`` mirrors, crawler leftovers (``?page=``) and non-English language variants
  of EU pages (``…_ro``, ``/legal-content/FR/``) are refused.

:func:`link_source_problem` decides (pure); :func:`check_sources` reports each problem as
an authoring error at the page and line of the link, so the build fails.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from docutils import nodes

from ..config import course_config
from ..errors import AuthoringError
from ..questionnaire.data_files import read_yaml_data
from ..warnings_ import logger

RULES_FILE = Path(__file__).parent.parent / "data" / "official-hosts.yaml"
TAG = "[course.source]"
# "…_ro", "…_fr.html", "…_de/": the suffix Europa sites give a page's language versions.
EU_LANGUAGE_SUFFIX = re.compile(r"_([a-z]{2})(?:\.[a-z]+)?/?$")
EURLEX_LANGUAGE = re.compile(r"/legal-content/([A-Z]{2})/")


@dataclass(frozen=True)
class SourceKind:
    id: str
    name: str
    cites: re.Pattern
    hosts: tuple[str, ...]
    law: bool = True


@dataclass(frozen=True)
class Unofficial:
    match: str
    use: str


@dataclass(frozen=True)
class SourceRules:
    kinds: tuple[SourceKind, ...]
    unofficial: tuple[Unofficial, ...]
    eu_hosts: tuple[str, ...]


def host_matches(host: str, entry: str) -> bool:
    """``entry`` is the host itself or a parent domain of it (pure)."""
    host = host.lower().removeprefix("www.")
    entry = entry.lower().removeprefix("www.")
    return host == entry or host.endswith("." + entry)


def parse_rules(data: dict) -> SourceRules:
    """Check the rules file's values (as read from YAML) and return them typed."""
    if not isinstance(data, dict) or not isinstance(data.get("kinds"), list):
        raise AuthoringError("The official-hosts file must have a 'kinds' list.")
    kinds = []
    for number, item in enumerate(data["kinds"], start=1):
        missing = [key for key in ("id", "name", "cites", "hosts") if key not in item]
        if missing:
            raise AuthoringError(f"Kind {number} lacks {', '.join(missing)}.")
        try:
            pattern = re.compile(item["cites"])
        except re.error as error:
            raise AuthoringError(f"Kind {item['id']!r} has an invalid 'cites' pattern: {error}.") from None
        if not item["hosts"] or not all(isinstance(h, str) and h for h in item["hosts"]):
            raise AuthoringError(f"Kind {item['id']!r} must list at least one official host.")
        kinds.append(SourceKind(str(item["id"]), str(item["name"]), pattern, tuple(item["hosts"]),
                                bool(item.get("law", True))))
    unofficial = []
    for number, item in enumerate(data.get("unofficial", []), start=1):
        if not isinstance(item, dict) or not item.get("match") or not item.get("use"):
            raise AuthoringError(f"Unofficial host {number} needs 'match' and 'use'.")
        unofficial.append(Unofficial(str(item["match"]), str(item["use"])))
    return SourceRules(tuple(kinds), tuple(unofficial), tuple(data.get("eu_hosts", [])))


@lru_cache(maxsize=4)
def load_rules(path: str = str(RULES_FILE)) -> SourceRules:
    return parse_rules(read_yaml_data(Path(path)))


def unofficial_entry(url: str, rules: SourceRules) -> Unofficial | None:
    parts = urlsplit(url)
    where = (parts.hostname or "") + parts.path
    for entry in rules.unofficial:
        host, _, path = entry.match.partition("/")
        if host_matches(parts.hostname or "", host) and (not path or where.split("/", 1)[-1].startswith(path)):
            return entry
    return None


def link_source_problem(url: str, text: str, rules: SourceRules, language: str = "en") -> str | None:
    """Why a link with this text must not cite this URL, or ``None`` (pure). An EU page in the
    edition's own ``language`` is the right one to cite there (the French text in the French edition)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    entry = unofficial_entry(url, rules)
    if entry:
        return f"{host} copies or relays official texts and is not a source to cite. Cite instead {entry.use}."
    if host.startswith("static."):
        return f"{host} is a mirror. Cite the original site ({host.removeprefix('static.')})."
    if "page" in parse_qs(parts.query):
        return "ends in a '?page=' query left by a web crawler. Remove the query string."
    if any(host_matches(host, eu) for eu in rules.eu_hosts):
        suffix = EU_LANGUAGE_SUFFIX.search(parts.path)
        if suffix and suffix.group(1) not in ("en", language):
            return f"is the '{suffix.group(1)}' language version of an EU page. Cite the English one ('…_en')."
        version = EURLEX_LANGUAGE.search(parts.path)
        if version and version.group(1) not in ("EN", language.upper()):
            return f"is the {version.group(1)} language version on EUR-Lex. Cite the English one ('/legal-content/EN/')."
    for kind in rules.kinds:
        if kind.cites.search(text) and not any(host_matches(host, h) for h in kind.hosts):
            return (
                f"has text that cites {kind.name}, but {host} is not an official host for them. "
                f"Link to {', '.join(kind.hosts)}."
            )
    return None


def check_sources(app, doctree) -> None:
    docname = app.env.docname
    if docname.startswith(tuple(course_config(app).course_legal_checks_deferred)):
        return
    rules = load_rules()
    for ref in doctree.findall(nodes.reference):
        url = ref.get("refuri", "")
        if not url.startswith(("http://", "https://")):
            continue
        problem = link_source_problem(url, ref.astext(), rules, app.config.language or "en")
        if problem:
            logger.error(f"Link to {url} {problem} {TAG}", location=ref)


def setup_source_check(app) -> None:
    app.connect("doctree-read", check_sources)
