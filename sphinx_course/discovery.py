"""robots.txt for each edition, and no sitemap for the trainer edition.

The learner edition invites crawlers and points them at the sitemap; the
trainer edition, which must never be public, asks every crawler to stay out.
"""

from __future__ import annotations

from pathlib import Path


def robots_txt(edition: str, base_url: str) -> str:
    """The robots.txt text for an edition (pure)."""
    if edition == "trainer":
        return "# Trainer edition: not for publication.\nUser-agent: *\nDisallow: /\n"
    base = base_url if base_url.endswith("/") else base_url + "/"
    return f"User-agent: *\nAllow: /\n\nSitemap: {base}sitemap.xml\n"


def write_robots(app, exception) -> None:
    if exception or app.builder.format != "html":
        return
    edition = app.config.course_edition
    Path(app.outdir, "robots.txt").write_text(robots_txt(edition, app.config.html_baseurl), encoding="utf-8")
    if edition == "trainer":
        Path(app.outdir, "sitemap.xml").unlink(missing_ok=True)


def setup_discovery(app) -> None:
    # After sphinx-sitemap has written its file (it uses the default priority).
    app.connect("build-finished", write_robots, priority=900)
