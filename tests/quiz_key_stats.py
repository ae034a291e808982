"""Measure the answer keys of every quiz in a built site, from the HTML a learner receives.

    python tests/quiz_key_stats.py _build/html

Prints, per course and in total, the figures issue #15 measured: the share of true/false
questions keyed True, how often the right option is first in the source (the printed order)
and the longest option of a single-choice question, and how multiple-response keys are laid out.
It reads the built pages, not the sources, so it checks what is published.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from bs4 import BeautifulSoup

COURSES = {"modules/leadership": "leadership", "modules/counter-terrorism": "counter-terrorism"}


def course_of(page: Path, root: Path) -> str | None:
    relative = page.relative_to(root).as_posix()
    return next((name for prefix, name in COURSES.items() if relative.startswith(prefix + "/")), None)


def key_options(question) -> list[tuple[str, bool]]:
    """The options of one question in source order, as (label, right) pairs, from its answer key."""
    key = question.find_parent(class_="quiz").select_one(f"#{question['id']}-key")
    return [
        (option.select_one("em").get_text(" ", strip=True), option.select_one(".quiz-mark")["data-correct"] == "true")
        for option in key.select(".quiz-key-option")
        if option.select_one(".quiz-mark") is not None
    ]


def measure(root: Path) -> dict[str, dict[str, list]]:
    figures: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for page in sorted(root.rglob("*.html")):
        course = course_of(page, root)
        if course is None or page.name in {"final-check.html"}:
            continue
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for question in soup.select(".quiz-question[data-question-type]"):
            qtype = question["data-question-type"]
            options = key_options(question)
            if not options or qtype in {"ordering", "matching"}:
                figures[course]["other"].append(qtype)
                continue
            right = [index for index, (_label, correct) in enumerate(options) if correct]
            figures[course]["types"].append(qtype)
            figures[course]["right_first"].append(0 in right)
            if qtype == "truefalse":
                figures[course]["true_keyed"].append(options[right[0]][0].lower().startswith("true"))
            if qtype == "single":
                longest = max(range(len(options)), key=lambda i: len(options[i][0]))
                figures[course]["right_longest"].append(longest in right)
            if qtype == "multiple":
                wrong = [index for index, (_l, correct) in enumerate(options) if not correct]
                figures[course]["all_right_first"].append(bool(wrong) and max(right) < min(wrong))
                figures[course]["right_counts"].append(len(right))
    return figures


def share(values: list[bool]) -> str:
    return f"{sum(values)} of {len(values)} ({100 * sum(values) / len(values):.0f}%)" if values else "none"


def report(figures: dict[str, dict[str, list]]) -> str:
    lines = []
    total: dict[str, list] = defaultdict(list)
    for course, data in sorted(figures.items()):
        for name, values in data.items():
            total[name].extend(values)
        lines.append(describe(course, data))
    lines.append(describe("all courses", total))
    return "\n".join(lines)


def describe(name: str, data) -> str:
    counts = sorted(set(data["right_counts"]))
    return (
        f"{name}: {len(data['types'])} keyed questions (+{len(data['other'])} ordering/matching); "
        f"true/false keyed True: {share(data['true_keyed'])}; "
        f"right option first: {share(data['right_first'])}; "
        f"right option longest (single choice): {share(data['right_longest'])}; "
        f"multiple response with every right option first: {share(data['all_right_first'])}, "
        f"right options per question: {counts}"
    )


if __name__ == "__main__":
    print(report(measure(Path(sys.argv[1] if len(sys.argv) > 1 else "_build/html"))))
