"""Every YAML file the build reads is read with the same limits as the tools' data files.

The legal timeline, the sources registry and its host rules, the world bible and the campaign
cards were added after the tools' hardened reader; a hostile or careless edit to any of them must
give a located authoring error, never a traceback or an exhausted machine.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sphinx_course.course.world_bible import WORLD_FILE, load_world
from sphinx_course.errors import AuthoringError
from sphinx_course.links.legal_timeline import read_timeline
from sphinx_course.links.official_sources import load_rules
from sphinx_course.links.sources_registry import read_sources
from sphinx_course.public.message_cards import load_cards

ALIAS_BOMB = ("a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
    f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
    for i in range(8)
)).encode()
BAD_INPUTS = {
    "alias bomb": (ALIAS_BOMB, "once its aliases (*name) are expanded"),
    "Latin-1 byte": ("milestones:\n  - id: caf\xe9\n".encode("latin-1"), "the file is not UTF-8: byte 0xE9 at line 2"),
    "unclosed quote": (b"milestones:\n  - id: 'open\n    date: 2026-01-01\n", "line"),
    "not a number": (b"weight: .nan\n", "is not a number a tool can use"),
}


def read_with(reader: str, path: Path):
    if reader == "world":
        (path.parent / WORLD_FILE).parent.mkdir(parents=True, exist_ok=True)
        (path.parent / WORLD_FILE).write_bytes(path.read_bytes())
        return load_world(str(path.parent))
    return {"timeline": lambda: read_timeline(str(path)), "sources": lambda: read_sources(str(path)),
            "host rules": lambda: load_rules(str(path)), "cards": lambda: load_cards(path)}[reader]()


@pytest.mark.parametrize("reader", ["timeline", "sources", "host rules", "world", "cards"])
@pytest.mark.parametrize("bad", list(BAD_INPUTS))
def test_a_bad_data_file_is_a_located_authoring_error(tmp_path, reader, bad):
    raw, expected = BAD_INPUTS[bad]
    path = tmp_path / "data.yaml"
    path.write_bytes(raw)
    with pytest.raises(AuthoringError) as caught:
        read_with(reader, path)
    assert expected in caught.value.message + f" line {caught.value.line}", caught.value.message
    assert caught.value.line is not None or bad == "alias bomb"


def test_an_invalid_legal_data_file_is_reported_once_at_its_line_and_reads_as_empty(tmp_path, monkeypatch):
    """The build goes on with no milestones or sources, so that every other problem is still found,
    and the file's mistake is one located error however many pages ask for the file."""
    from sphinx_course.links import legal_data

    path = tmp_path / "sources.yaml"
    path.write_bytes(BAD_INPUTS["Latin-1 byte"][0])
    errors: list[str] = []
    monkeypatch.setattr(legal_data.logger, "error", errors.append)
    monkeypatch.setattr(legal_data, "_REPORTED", set())
    for _ in range(3):
        assert legal_data.read_or_report(lambda: read_sources(str(path)), path, "the sources registry",
                                         "course.source", "empty") == "empty"
    assert errors == [f"{path}:2: the sources registry is invalid: the file is not UTF-8: byte 0xE9 at line 2, "
                      "column 12. Save it as UTF-8. [course.source]"]
