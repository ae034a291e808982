"""Strings from the YAML data files (tools, campaign cards) go into the page's catalogue.

A directive that renders a data file keeps the data on its node; the node is a
Sphinx ``translatable`` (as the toctree is), so ``make gettext`` extracts the
data's text into the template of the page that shows it, and a translated
edition's build puts each translation back into the data before it is rendered,
embedded for the browser scripts, or drawn as a card. Translators work in the
page's one catalogue; the data files stay in English, in one place.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sphinx import addnodes

#: Keys whose text a reader sees; identifiers, rules, links and article numbers are not among them.
TEXT_KEYS = frozenset({
    "title", "intro", "label", "description", "text", "short", "finding", "prompt", "guidance", "example",
    "disclaimer", "definition", "purpose", "duties", "unsure", "deciding", "confirm", "exception", "safeguards",
})
#: Keys mapping levels (1, 2, ...) to the text of each.
LEVEL_TEXT_KEYS = frozenset({"levels"})


def _text_places(data: Any) -> Iterator[tuple[Any, Any]]:
    """(container, key) of every reader-facing string in the data, in reading order."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in TEXT_KEYS and isinstance(value, str):
                yield data, key
            elif key in TEXT_KEYS and isinstance(value, list) and all(isinstance(v, str) for v in value):
                yield from ((value, index) for index in range(len(value)))
            elif key in LEVEL_TEXT_KEYS and isinstance(value, dict):
                yield from ((value, level) for level, text in value.items() if isinstance(text, str))
            else:
                yield from _text_places(value)
    elif isinstance(data, list):
        for item in data:
            yield from _text_places(item)


def data_messages(data: Any) -> list[str]:
    """Each reader-facing string once, in reading order (pure)."""
    seen: dict[str, None] = {}
    for container, key in _text_places(data):
        text = container[key].strip()
        if text:
            seen.setdefault(text, None)
    return list(seen)


def translate_data(data: Any, original: str, translated: str) -> None:
    """Put ``translated`` wherever the data says ``original`` (in place)."""
    for container, key in _text_places(data):
        if container[key].strip() == original:
            container[key] = translated


class translatable_data(addnodes.translatable):
    """A node whose ``data_key`` attribute holds data with reader-facing strings."""

    data_key = "data"

    def preserve_original_messages(self) -> None:
        self["original_messages"] = data_messages(self[self.data_key])  # type: ignore[index]

    def extract_original_messages(self) -> list[str]:
        return self.get("original_messages") or data_messages(self[self.data_key])  # type: ignore[attr-defined,index]

    def apply_translated_message(self, original_message: str, translated_message: str) -> None:
        translate_data(self[self.data_key], original_message, translated_message)  # type: ignore[index]
