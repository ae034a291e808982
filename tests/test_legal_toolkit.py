"""Honest use of the Toolkit: headers list what a module uses apart from what it only points to,
the principles are attributed as facts.md records them, and no quiz drills their names.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sphinx_course.course.units import parse_unit_metadata
from sphinx_course.errors import AuthoringError

ROOT = Path(__file__).resolve().parent.parent
BASE = {
    "duration": 30,
    "objectives": [{"id": f"o{n}", "text": f"Objective {n}."} for n in range(3)],
    "legal-review": "2026-11-29",
}
PRINCIPLE_NAMES = {
    "Lawfulness", "Minimization of Harm", "Human Autonomy", "Fairness", "Good Governance", "Legitimacy",
    "Necessity", "Proportionality", "Human and Environmental Well-being", "Robustness and Safety", "Accuracy",
    "Efficiency", "Human Agency", "Human Control and Oversight", "Privacy", "Transparency and Explainability",
    "Equality and Non-discrimination", "Diversity and Accessibility", "Protection of Vulnerable Groups",
    "Contestability and Redress", "Accountability", "Traceability and Auditability",
}


def test_used_and_related_toolkit_resources_are_read_apart():
    meta = parse_unit_metadata({**BASE, "toolkit": ["Technical Reference Book"],
                                "related-toolkit": ["Organizational Roadmap"]})
    assert meta.toolkit == ("Technical Reference Book",)
    assert meta.related_toolkit == ("Organizational Roadmap",)


def test_a_resource_cannot_be_both_used_and_only_related():
    with pytest.raises(AuthoringError, match="both as used"):
        parse_unit_metadata({**BASE, "toolkit": ["Organizational Roadmap"], "related-toolkit": ["Organizational Roadmap"]})


def header(site_html: Path, page: str) -> str:
    html = (site_html / page).read_text(encoding="utf-8")
    return html[html.index('class="unit-header'):html.index("</div>", html.index('class="unit-header'))]


@pytest.mark.parametrize(("page", "used", "related", "absent"), [
    ("modules/leadership/06-procurement-and-vendors.html", ["Technical Reference Book"], [],
     ["Risk Assessment Questionnaire", "Principles for Responsible AI Innovation"]),
    ("modules/leadership/07-governance-and-oversight.html", ["Technical Reference Book"],
     ["Principles for Responsible AI Innovation"], ["Organizational Roadmap"]),
    ("modules/leadership/08-public-trust.html", ["Technical Reference Book"],
     ["Principles for Responsible AI Innovation"], ["Introduction to Responsible AI Innovation"]),
    ("modules/leadership/09-capstone-strategy.html", ["Technical Reference Book"],
     ["Organizational Roadmap", "Risk Assessment Questionnaire", "Responsible AI Innovation in Action Workbook"], []),
])
def test_module_headers_list_only_what_the_module_uses_or_points_to(site_html, page, used, related, absent):
    text = re.sub(r"<[^>]+>", "", header(site_html, page))
    used_line = re.search(r"AI Toolkit resources used: ([^\n]*)", text)
    assert used_line and all(name in used_line.group(1) for name in used), text
    if related:
        related_line = re.search(r"Related Toolkit resources: ([^\n]*)", text)
        assert related_line and all(name in related_line.group(1) for name in related), text
    for name in absent:
        assert name not in text, f"{page} lists {name}, which it never uses"


def test_no_page_credits_the_principles_to_ai_pol_training_material():
    sources = [*ROOT.glob("modules/**/*.md"), *ROOT.glob("exercises/**/*.md"), *ROOT.glob("exercises/**/*.yaml"),
               ROOT / "docs/references.md"]
    credited = [str(p.relative_to(ROOT)) for p in sources if "ai-pol training material" in p.read_text().lower()]
    assert credited == []


def test_no_quiz_question_is_answered_by_a_bare_principle_name():
    offenders = []
    for page in [*ROOT.glob("modules/**/*.md"), *ROOT.glob("exercises/**/*.md")]:
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
            option = re.match(r"^- \[x\] (.+?)\s*$", line)
            if option and option.group(1) in PRINCIPLE_NAMES:
                offenders.append(f"{page.relative_to(ROOT)}:{number}: {option.group(1)}")
    assert offenders == []
