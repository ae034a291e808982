"""The world bible: scenarios may name only agencies the bible lists; a planted unknown name is caught."""

from __future__ import annotations

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, sphinx_build, write_fixture_site

from sphinx_course.course.world_bible import agency_names, known_names, unknown_agency_names, validate_world
from sphinx_course.errors import AuthoringError

WORLD = {
    "country": {"name": "Arvenia", "summary": "A fictional EU Member State.", "capital": "Valdria"},
    "regions": [{"name": "Northmoor", "places": ["Valdria"], "police": "Northmoor Police Service",
                 "summary": "The capital region."}],
    "national_bodies": [{"name": "Arvenian Data Protection Authority", "summary": "The regulator."}],
    "neighbours": [{"name": "Tarsk", "eu": False, "summary": "Outside the EU.", "bodies": ["Tarsk State Security Bureau"]}],
    "real_bodies": ["European Commission"],
}


@pytest.mark.parametrize("text,expected", [
    ("The Northmoor Police Service serves Valdria.", ["Northmoor Police Service"]),
    ("Its Commissioner, Ines Marlow, chairs a board.", []),
    ("The Brennmoor Police Service's board met.", ["Brennmoor Police Service"]),
    ("A request from the Tarsk State Security Bureau and the European Commission.",
     ["Tarsk State Security Bureau", "European Commission"]),
    ("The interior ministry asks the Chief Constable.", []),
    ("Officers of the Zedland\nConstabulary arrive.", ["Zedland Constabulary"]),
])
def test_agency_names_found_in_text(text, expected):
    assert agency_names(text) == expected


def test_unknown_names_are_those_the_bible_does_not_list():
    known = known_names(WORLD)
    text = "The Northmoor Police Service asks the Arvenian Data Protection Authority and the Zedland Constabulary."
    assert unknown_agency_names(text, known) == ["Zedland Constabulary"]


def test_a_malformed_world_file_is_rejected_with_a_reason():
    with pytest.raises(AuthoringError, match="needs a 'country'"):
        validate_world({"regions": []})
    with pytest.raises(AuthoringError, match="entry 1 of 'regions' needs a 'name' and a 'summary'"):
        validate_world({"country": {"name": "Arvenia"}, "regions": [{"name": "Northmoor"}]})


PAGE = """# Unit

Text before the scenario names the Zedland Constabulary, which is fine outside a scenario.

:::{scenario} A test
The Northmoor Police Service serves Valdria.

**Decision point 1.** The Arvenian Data Protection Authority writes.

**Decision point 2.** The Zedland Constabulary asks for data.
:::
"""


def build(tmp_path, page, world=WORLD):
    pages = {"index.md": page}
    if world is not None:
        pages["docs/authoring/world.yaml"] = yaml.safe_dump(world)
    src = write_fixture_site(tmp_path / "src", pages, conf_extra='exclude_patterns = ["_build", "docs"]\n')
    return sphinx_build(src, tmp_path / "out")


def test_a_planted_unknown_name_in_a_scenario_is_a_located_typed_warning(tmp_path):
    result = build(tmp_path, PAGE)
    assert result.returncode != 0, "the strict build passed with an unknown agency name"
    warnings = [p for p in result.problems if "unknown agency name" in p]
    assert len(warnings) == 1, result.problems
    assert "index.md:10: WARNING: unknown agency name 'Zedland Constabulary' in a scenario" in warnings[0]
    assert warnings[0].endswith("[course.world_name]")


def test_the_warning_can_be_suppressed_by_its_type(tmp_path):
    src = write_fixture_site(tmp_path / "src", {"index.md": PAGE, "docs/authoring/world.yaml": yaml.safe_dump(WORLD)},
                             conf_extra='exclude_patterns = ["_build", "docs"]\nsuppress_warnings = ["course.world_name"]\n')
    assert sphinx_build(src, tmp_path / "out").returncode == 0


def test_known_names_pass(tmp_path):
    result = build(tmp_path, PAGE.replace("Zedland Constabulary", "European Commission"))
    assert result.returncode == 0, result.output


def test_a_site_without_a_world_file_is_not_checked(tmp_path):
    assert build(tmp_path, PAGE, world=None).returncode == 0


def test_the_real_world_file_lists_every_force_the_scenarios_name(site_html):
    world = yaml.safe_load((ROOT / "docs/authoring/world.yaml").read_text(encoding="utf-8"))
    known = known_names(validate_world(world))
    for name in ["Northmoor Police Service", "Brennmoor Police Service", "Varnholt Regional Police",
                 "Orvale Police Service", "Lindqvale Police Service", "Eastmere Police Service",
                 "National Online Referral Office"]:
        assert name in known, name
    page = BeautifulSoup((site_html / "docs/authoring/world.html").read_text(encoding="utf-8"), "html.parser")
    captions = [c.get_text(" ", strip=True) for c in page.select("table.world-bible caption")]
    assert any(c.startswith("Regions") for c in captions) and any(c.startswith("Neighbours") for c in captions)
    rows = [r.get_text(" ", strip=True) for r in page.select("table.world-bible tbody tr")]
    assert any(r.startswith("Northmoor Valdria Northmoor Police Service") for r in rows)
    assert any(r.startswith("Tarsk no") for r in rows)
