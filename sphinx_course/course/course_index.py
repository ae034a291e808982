"""``course-index.json``: every unit and quiz of the site, for the progress page and tools."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from ..registry import course_registry
from .outline import units_in_course_order

INDEX_NAME = "course-index.json"


def section_title(env, section: str) -> str:
    index = f"{section}/index" if section != "." else "index"
    title = env.titles.get(index)
    return title.astext() if title is not None else section


def build_index(env, page_url) -> dict:
    registry = course_registry(env)
    units = []
    for docname, record in sorted(registry.units.items()):
        units.append({
            "docname": docname,
            "url": page_url(docname),
            "title": env.titles[docname].astext() if docname in env.titles else docname,
            "section": section_title(env, docname.rsplit("/", 1)[0]),
            **record,
            "quizzes": [q.quiz_id for q in registry.quizzes.get(docname, [])],
            "objectives": record.get("objectives", []),
        })
    quizzes = []
    for quiz in registry.all_quizzes():
        entry = asdict(quiz)
        entry.update(url=page_url(quiz.docname), section_title=section_title(env, quiz.section))
        entry["objectives"] = list(quiz.objectives)
        quizzes.append(entry)
    return {
        "version": 1,
        "total_minutes": sum(u["duration"] for u in units if u["kind"] == "module"),
        # Reading order, depth first through the toctrees: what the course book prints in.
        "course_order": units_in_course_order(env),
        "units": units,
        "quizzes": quizzes,
    }


def write_index(app, exception) -> None:
    if exception or app.builder.format != "html":
        return
    index = build_index(app.env, app.builder.get_target_uri)
    Path(app.outdir, INDEX_NAME).write_text(
        json.dumps(index, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def setup_course_index(app) -> None:
    app.connect("build-finished", write_index)
