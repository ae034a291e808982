"""The site's one sitemap.xml, listing each language's pages with ``hreflang`` alternates (pure)."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"


def sitemap_locations(path: Path) -> list[str]:
    root = ElementTree.parse(path).getroot()
    return [loc.text or "" for loc in root.iter(f"{{{SITEMAP}}}loc")]


def sitemap_xml(entries: list[dict]) -> str:
    """``entries``: {"loc": URL, "alternates": [(hreflang, URL), ...]} for each page."""
    ElementTree.register_namespace("", SITEMAP)
    ElementTree.register_namespace("xhtml", XHTML)
    urlset = ElementTree.Element(f"{{{SITEMAP}}}urlset")
    for entry in entries:
        url = ElementTree.SubElement(urlset, f"{{{SITEMAP}}}url")
        ElementTree.SubElement(url, f"{{{SITEMAP}}}loc").text = entry["loc"]
        for language, href in entry["alternates"]:
            ElementTree.SubElement(url, f"{{{XHTML}}}link", rel="alternate", hreflang=language, href=href)
    ElementTree.indent(urlset)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ElementTree.tostring(urlset, encoding="unicode") + "\n"
