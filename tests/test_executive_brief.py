"""Each leadership module opens with a "For the busy executive" box: three decisions and where to read in five minutes."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT

MODULES = sorted(p.stem for p in (ROOT / "modules" / "leadership").glob("0*.md"))


@pytest.mark.parametrize("module", MODULES)
def test_module_opens_with_an_executive_brief(site_html, module):
    page = BeautifulSoup((site_html / "modules" / "leadership" / f"{module}.html").read_text(encoding="utf-8"), "html.parser")
    boxes = page.select(".admonition.executive-brief")
    assert len(boxes) == 1, f"{module}: expected one 'For the busy executive' box, found {len(boxes)}"
    box = boxes[0]
    assert box.select_one(".admonition-title").get_text(strip=True) == "For the busy executive"

    decisions = box.select("ol > li")
    assert len(decisions) == 3, f"{module}: the box should name three decisions, it names {len(decisions)}"
    assert all(len(item.get_text(" ", strip=True).split()) >= 4 for item in decisions), f"{module}: a decision is too short to mean anything"

    ids = {tag["id"] for tag in page.select("[id]")}
    targets = [a["href"].split("#", 1)[1] for a in box.select("a[href*='#']") if a["href"].startswith("#")]
    assert len(targets) >= 2, f"{module}: the five-minute reading should point to two sections of the page"
    missing = [t for t in targets if t not in ids]
    assert not missing, f"{module}: the box links to sections that are not on the page: {missing}"

    # It opens the module: no section heading of the module's body comes before it.
    article = page.select_one("article") or page
    first_h2 = article.find("h2")
    assert first_h2 is None or box.sourceline < first_h2.sourceline, f"{module}: the box should come before the first section"
