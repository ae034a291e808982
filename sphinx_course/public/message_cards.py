"""``{message-cards}``: campaign key-message cards, drawn as SVG images at build time from text.

::

    ```{message-cards} /docs/public/campaign-cards.yaml
    ```

The data file lists cards (``id``, ``text``, ``page``). Each card becomes an
SVG in ``_static/cards/`` and is shown with the message as its alt text,
linked to the page that explains it, so a shared card always leads back to
the facts. Each card is also rendered to PNG beside its SVG, because most
social platforms refuse SVG uploads; the PNG is linked for download, never
shown on the page, so it adds nothing to the page's weight.

The same drawing, with a page's title as the message, is each public page's
own preview image (``og:image``): see ``discovery.py``.
"""

from __future__ import annotations

import textwrap
from html import escape
from pathlib import Path

import yaml
from docutils import nodes
from sphinx.util.osutil import relative_uri

from ..errors import AuthoringError
from ..helpers import named_file
from ..i18n import RIGHT_TO_LEFT, _
from ..languages.data_strings import translatable_data
from ..languages.editions import editions_of
from ..questionnaire.data_files import read_yaml_data
from ..registry import GatheringDirective, course_registry, gathers
from ..warnings_ import logger
from ..web_only import add_web_only_node

WIDTH, HEIGHT = 1200, 630
CHARS_PER_LINE = 30
MAX_LINES = 6
CARDS_FOLDER = "_static/cards"


def wrap_message(text: str) -> list[str]:
    """The message as lines that fit the card, or an error if it is too long to read at a glance (pure)."""
    lines = textwrap.wrap(" ".join(text.split()), CHARS_PER_LINE)
    if len(lines) > MAX_LINES:
        raise AuthoringError(
            f'The card text "{text[:40]}…" needs {len(lines)} lines; keep it to {MAX_LINES} '
            f"(about {CHARS_PER_LINE * MAX_LINES} characters)."
        )
    return lines


def display_order(line: str) -> str:
    """A line of right-to-left text as Cairo must be given it: letters joined (their contextual
    forms) and in the order they appear from left to right, digits and Latin runs kept
    readable (pure). Browsers do this themselves, so only the PNG's drawing needs it."""
    from arabic_reshaper import reshape
    from bidi import get_display

    return get_display(reshape(line), base_dir="R")


#: A translation may need a little more room than its English: it then takes a smaller type size.
TRANSLATED_LAYOUT = (34, 48, 7)  # characters per line, font size, lines


def card_layout(text: str) -> tuple[list[str], int]:
    """The card's lines and font size: the English layout if the text fits it, else the smaller
    one a translation may use, else an error naming the limit (pure)."""
    try:
        return wrap_message(text), 54
    except AuthoringError:
        chars, size, most = TRANSLATED_LAYOUT
        lines = textwrap.wrap(" ".join(text.split()), chars)
        if len(lines) > most:
            raise AuthoringError(f'The card text "{text[:40]}…" needs {len(lines)} lines even in small type; '
                                 f"keep it to about {chars * most} characters.") from None
        return lines, size


def card_svg(text: str, footer: str, right_to_left: bool = False, for_cairo: bool = False) -> str:
    """A self-contained SVG card: no web fonts, no external references (pure).

    A right-to-left card is mirrored: its bar and its lines start at the right. ``for_cairo``
    gives the same card with its right-to-left lines already shaped and ordered for display,
    which CairoSVG, unlike a browser, cannot do, so that the PNG shows what the SVG shows.
    """
    lines, size = card_layout(text)
    top = (HEIGHT - len(lines) * size * 1.25) / 2 + size * 0.8
    shown = [display_order(line) for line in lines] if right_to_left and for_cairo else lines
    footer_shown = display_order(footer) if right_to_left and for_cairo else footer
    x, bar_x = (WIDTH - 90, WIDTH - 68) if right_to_left else (90, 60)
    # Cairo has no bidi: its lines are already in display order, anchored at their right end.
    direction = ('direction="rtl" ' if not for_cairo else 'text-anchor="end" ') if right_to_left else ""
    tspans = "".join(
        f'<tspan x="{x}" y="{top + i * size * 1.25:.0f}">{escape(line)}</tspan>' for i, line in enumerate(shown)
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
        f'role="img" aria-label="{escape(text)}">'
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#1d4f91"/>'
        f'<rect x="{bar_x}" y="60" width="8" height="{HEIGHT - 120}" fill="#f2b705"/>'
        f'<text {direction}font-family="DejaVu Sans, Arial, Helvetica, sans-serif" font-size="{size}" font-weight="700" '
        f'fill="#ffffff">{tspans}</text>'
        f'<text {direction}x="{x}" y="{HEIGHT - 70}" font-family="DejaVu Sans, Arial, Helvetica, sans-serif" '
        f'font-size="28" fill="#dfe8f5">{escape(footer_shown)}</text></svg>\n'
    )


def card_png(svg: str) -> bytes:
    """The card rendered to a PNG of the same size by CairoSVG."""
    import cairosvg  # imported here: only the HTML build's last step needs it

    return cairosvg.svg2png(bytestring=svg.encode("utf-8"), output_width=WIDTH, output_height=HEIGHT)


def write_card_files(folder: Path, name: str, svg: str, png_source: str | None = None) -> None:
    """Write ``name.svg`` and ``name.png`` (from ``png_source`` if given, else the SVG itself); the PNG is
    rendered again only when the SVG changed (it takes 30 ms)."""
    folder.mkdir(parents=True, exist_ok=True)
    svg_path, png_path = folder / f"{name}.svg", folder / f"{name}.png"
    if png_path.exists() and svg_path.exists() and svg_path.read_text(encoding="utf-8") == svg:
        return
    svg_path.write_text(svg, encoding="utf-8")
    png_path.write_bytes(card_png(png_source or svg))


def write_card(folder: Path, name: str, text: str, footer: str, language: str | None) -> None:
    """One card in the edition's language: mirrored, and shaped for its PNG, if it reads right to left."""
    right_to_left = (language or "") in RIGHT_TO_LEFT
    cairo = card_svg(text, footer, right_to_left, for_cairo=True) if right_to_left else None
    write_card_files(folder, name, card_svg(text, footer, right_to_left), cairo)


def load_cards(path: Path) -> list[dict]:
    cards = read_yaml_data(path)
    if not isinstance(cards, list) or not cards:
        raise AuthoringError("the file must be a list of cards, each with id, text and page.")
    seen = set()
    for number, card in enumerate(cards, start=1):
        missing = [k for k in ("id", "text", "page") if not str((card or {}).get(k, "")).strip()]
        if missing:
            raise AuthoringError(f"card {number} lacks {', '.join(missing)}.")
        if card["id"] in seen:
            raise AuthoringError(f"card {number} repeats the id {card['id']!r}.")
        seen.add(card["id"])
        wrap_message(card["text"])
    return cards


class message_cards(nodes.General, nodes.Element, translatable_data):  # noqa: N801
    """``cards``: the checked card data, whose text a translated edition translates."""

    data_key = "cards"


class MessageCardsDirective(GatheringDirective):
    node_class, kind = message_cards, "cards"
    required_arguments = 1

    def placeholder(self) -> message_cards:
        relative, path = named_file(self)
        try:
            return message_cards(cards=load_cards(path))
        except (AuthoringError, OSError, yaml.YAMLError) as error:
            raise AuthoringError(f"{relative}: {getattr(error, 'message', error)}") from error


def check_card_pages(app, env) -> None:
    editions = editions_of(app)
    translated = editions is not None and editions.translated
    for docname in course_registry(env).pages_gathering("cards"):
        for node in env.get_doctree(docname).findall(message_cards):
            for card in node["cards"]:
                try:
                    card_layout(card["text"])  # in a translated edition, the translated text
                except AuthoringError as error:
                    where = f" (its {app.config.language} translation, in the page's catalogue)" if translated else ""
                    logger.error(f"Card {card['id']!r}{where}: {error.message} [course.cards]",
                                 location=(docname, node.line))
                if card["page"].strip("/") not in env.all_docs:
                    logger.error(
                        f"Card {card['id']!r} links to {card['page']}, which is not a page of this site. [course.cards]",
                        location=(docname, node.line),
                    )


def visit_cards_html(self, node: message_cards) -> None:
    builder = self.builder
    here = builder.current_docname
    self.body.append('<div class="message-cards">\n')
    for card in node["cards"]:
        target = card["page"].strip("/")
        href = builder.get_relative_uri(here, target)
        title = builder.env.titles[target].astext() if target in builder.env.titles else target
        image = relative_uri(builder.get_target_uri(here), f"{CARDS_FOLDER}/{card['id']}.svg")
        png = image[: -len(".svg")] + ".png"
        self.body.append(
            f'<figure class="message-card"><a href="{href}"><img src="{image}" '
            f'alt="{escape(card["text"])}" width="{WIDTH}" height="{HEIGHT}" loading="lazy"></a>'
            f'<figcaption>{escape(_("Read more:"))} <a href="{href}">{escape(title)}</a> · '
            f'{escape(_("Download the card:"))} <a href="{png}" download>PNG</a> '
            f'{escape(_("(for social media)"))} · <a href="{image}" download>SVG</a>'
            "</figcaption></figure>\n"
        )
    self.body.append("</div>\n")
    raise nodes.SkipNode


def write_cards(app, exception) -> None:
    if exception or app.builder.format != "html":
        return
    folder = Path(app.outdir, CARDS_FOLDER)
    footer = _("AI-POL · Responsible AI in law enforcement")
    for docname in course_registry(app.env).pages_gathering("cards"):
        for node in app.env.get_doctree(docname).findall(message_cards):
            for card in node["cards"]:
                try:
                    write_card(folder, card["id"], card["text"], footer, app.config.language)
                except AuthoringError:
                    continue  # reported at the consistency check, so the build has already failed


def setup_cards(app) -> None:
    gathers("cards")
    add_web_only_node(app, message_cards, visit_cards_html)
    app.add_directive("message-cards", MessageCardsDirective)
    app.connect("env-check-consistency", check_card_pages)
    app.connect("build-finished", write_cards)
