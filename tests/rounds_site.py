"""A small course for the final check, review and shuffling tests: two units whose quizzes tag
questions :pool:, a final-check page and a review page. Questions name their unit, objective and
right answer in their text, so a test (or a person) can tell them apart."""

from __future__ import annotations

from pathlib import Path

from conftest import write_fixture_site

OBJECTIVES = {"a": ["weigh-claims", "plan-pilot", "order-steps"], "b": ["judge-oversight", "name-duties", "order-review"]}
OBJECTIVE_TEXT = {
    "weigh-claims": "Weigh a vendor's accuracy claim.", "plan-pilot": "Plan a pilot with success criteria.",
    "order-steps": "Order the steps of a deployment.", "judge-oversight": "Judge whether oversight is real.",
    "name-duties": "Name the duties that follow a high-risk use.", "order-review": "Order the steps of a review.",
}
COLOURS = ["red", "orange", "yellow", "green", "blue", "violet"]


def unit_page(unit: str, title: str, pool: int = 3) -> str:
    """Unit ``unit`` ("a" or "b"): ``pool`` questions tagged :pool:, then a multiple-response and
    an ordering question that are not."""
    first, second, third = OBJECTIVES[unit]
    objectives = "".join(f"  - id: {o}\n    text: {OBJECTIVE_TEXT[o]}\n" for o in OBJECTIVES[unit])
    questions = []
    for number in range(1, pool + 1):
        objective = first if number % 2 else second
        right = COLOURS[number % 6]
        options = "".join(
            f"- [{'x' if colour == right else ' '}] {colour.capitalize()}\n  > {'Right' if colour == right else 'No'}: {colour}.\n"
            for colour in COLOURS
        )
        questions.append(
            f":::{{question}}\n:type: single\n:objective: {objective}\n:pool:\n\n"
            f"Pool question {unit}{number}: which colour is {right}?\n\n{options}"
            f"\n```{{explanation}}\nThe colour asked for is {right}.\n```\n:::\n"
        )
    if not pool:
        questions.append(f":::{{question}}\n:type: truefalse\n:objective: {first}\n\nUnit {unit} has no pool.\n\n"
                         "- [x] True\n  > Yes.\n- [ ] False\n  > No.\n:::\n")
    questions.append(
        f":::{{question}}\n:type: multiple\n:objective: {second}\n\nUnit {unit} multiple: which are warm colours?\n\n"
        "- [ ] Blue\n  > No, blue is cool.\n- [x] Red\n  > Yes.\n- [ ] Green\n  > No, green is cool.\n"
        "- [x] Orange\n  > Yes.\n- [x] Yellow\n  > Yes.\n- [ ] Violet\n  > No, violet is cool.\n:::\n"
    )
    questions.append(
        f":::{{question}}\n:type: ordering\n:objective: {third}\n\nUnit {unit} ordering: put these in order.\n\n"
        "1. First step\n2. Second step\n3. Third step\n:::\n"
    )
    return (
        f"---\nduration: 20\nobjectives:\n{objectives}legal-review: 2026-11-01\n---\n\n# {title}\n\n"
        f"## What unit {unit} covers\n\nText.\n\n::::{{quiz}} unit-{unit}\n" + "".join(questions) + "::::\n"
    )


def rounds_site(folder: Path, pool: int = 3, per_unit: int = 2, conf_extra: str = "") -> Path:
    return write_fixture_site(folder, {
        "index.md": "# Course\n\n```{toctree}\nmodules/leadership/index\nreview\n```\n",
        "modules/leadership/index.md": "# The test course\n\n```{toctree}\nunit-a\nunit-b\nfinal-check\n```\n",
        "modules/leadership/unit-a.md": unit_page("a", "Unit A: claims", pool),
        "modules/leadership/unit-b.md": unit_page("b", "Unit B: oversight", pool),
        "modules/leadership/final-check.md": (
            "---\npage-type: final-check\n---\n\n# Final check\n\n"
            f"```{{final-check}} leadership\n:per-unit: {per_unit}\n```\n"
        ),
        "review.md": "# Review my mistakes\n\n```{review-mistakes}\n```\n",
    }, conf_extra)
