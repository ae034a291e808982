"""The world bible: scenarios may name only agencies the bible lists; a planted unknown name is caught."""

from __future__ import annotations

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, sphinx_build, write_fixture_site

from sphinx_course.course.world_bible import (
    agency_names,
    introduced_names,
    known_names,
    misplaced_names,
    name_countries,
    page_countries,
    place_names,
    unknown_agency_names,
    unknown_names,
    validate_world,
)
from sphinx_course.errors import AuthoringError

WORLD = {
    "country": {"name": "Arvenia", "summary": "A fictional EU Member State.", "capital": "Valdria"},
    "regions": [{"name": "Northmoor", "places": ["Valdria", "Eastgate"], "police": "Northmoor Police Service",
                 "summary": "The capital region."}],
    "national_bodies": [{"name": "Arvenian Data Protection Authority", "summary": "The regulator."}],
    "companies": [{"name": "Quillon Systems", "products": ["ClearDraft"], "summary": "A vendor."}],
    "neighbours": [{"name": "Tarsk", "eu": False, "summary": "Outside the EU.", "bodies": ["Tarsk State Security Bureau"]},
                   {"name": "Veskaria", "eu": True, "summary": "An EU Member State.", "places": ["Tarrowmere"],
                    "bodies": ["Veskarian National Police", "Internet Referral Unit"]}],
    "real_bodies": ["European Commission", "Global Internet Forum to Counter Terrorism"],
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


@pytest.mark.parametrize("text,expected", [
    # Units, centres and networks are names too, not only "... Police" and "... Authority".
    ("The Internet Referral Unit of the AMP asks the National Counter-Terrorism Centre.",
     ["Internet Referral Unit", "National Counter-Terrorism Centre"]),
    ("Its National Police run the Early Support Network.", ["National Police", "Early Support Network"]),
    ("Policing falls to the Kelmora Command.", ["Kelmora Command"]),
    ("A provider, Orvane Systems, sells to Varrow Linguistics.", ["Orvane Systems", "Varrow Linguistics"]),
    ("The Highland Courier and the Tesmer Liberation Vanguard.", ["Highland Courier", "Tesmer Liberation Vanguard"]),
    ("The Head of Communications briefs the Strategic Commander.", []),
])
def test_organisation_and_media_names_found_in_text(text, expected):
    assert agency_names(text) == expected


@pytest.mark.parametrize("text,expected", [
    ('The force bought "SightLine" from a provider called Orvane Systems.', ["Orvane Systems", "SightLine"]),
    ('It was offered "Tessellate", a risk-scoring tool.', ["Tessellate"]),
    ("Brightwell Civic, a software company, built it.", ["Brightwell Civic"]),
    ("The unit subscribes to PulseWatch.", ["PulseWatch"]),
    # Quoted speech, labels and operation names are not companies or products.
    ('Records are "De-identified" and the press asks "Is the claim real?"', []),
    ('A wrongful arrest is "Severe" for the person who suffers it.', []),
    ('It is called "Operation Safe Transit".', []),
])
def test_companies_and_products_found_by_how_they_are_introduced(text, expected):
    assert introduced_names(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Cases from the Eastgate district and the city of Kelmora.", ["Kelmora", "Eastgate"]),
    ("The port of Kelmar is busy; the region of Tarrowmere is not.", ["Kelmar", "Tarrowmere"]),
    ("Most districts saw fewer referrals.", []),
])
def test_places_found_by_their_noun(text, expected):
    assert place_names(text) == expected


def test_a_listed_name_covers_its_first_words():
    known = known_names(WORLD)
    assert unknown_names("The Global Internet Forum shares hashes.", known) == []
    assert unknown_names("The Global Network shares hashes.", known) == [("agency or organisation", "Global Network")]


def test_a_place_from_another_country_is_misplaced():
    bound = name_countries(WORLD)
    assert bound["Valdria"] == "Arvenia" and bound["Tarrowmere"] == "Veskaria"
    setting = page_countries("Everything here is invented: the Republic of Veskaria and the city of Tarrowmere.", WORLD)
    assert setting == {"Veskaria"}
    assert misplaced_names("Cases from Valdria rose.", setting, bound) == [("Valdria", "Arvenia")]
    assert misplaced_names("Cases from Tarrowmere rose.", setting, bound) == []
    # A page that names no country is set in the home country.
    assert page_countries("The Northmoor Police Service serves Valdria.", WORLD) == {"Arvenia"}
    # A bound name inside a longer name is not that name.
    assert misplaced_names("The Norvalian Internet Referral Unit acts.", {"Arvenia"}, bound) == []
    assert misplaced_names("The Internet Referral Unit acts.", {"Arvenia"}, bound) == [("Internet Referral Unit", "Veskaria")]


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
    warnings = [p for p in result.problems if "unknown agency or organisation name" in p]
    assert len(warnings) == 1, result.problems
    assert "index.md:10: WARNING: unknown agency or organisation name 'Zedland Constabulary' in a scenario" in warnings[0]
    assert warnings[0].endswith("[course.world_name]")


def test_a_debrief_names_the_same_world_as_its_scenario(tmp_path):
    page = PAGE.replace("The Zedland Constabulary asks", "The Northmoor Police Service asks") + (
        "\n:::{debrief} A test\nA good answer asks the Zedland Referral Unit first.\n:::\n")
    result = build(tmp_path, page)
    warnings = [p for p in result.problems if "[course.world_name]" in p]
    assert len(warnings) == 1 and "index.md:14: WARNING: unknown agency or organisation name " \
        "'Zedland Referral Unit' in a scenario" in warnings[0], result.problems


def test_the_warning_can_be_suppressed_by_its_type(tmp_path):
    src = write_fixture_site(tmp_path / "src", {"index.md": PAGE, "docs/authoring/world.yaml": yaml.safe_dump(WORLD)},
                             conf_extra='exclude_patterns = ["_build", "docs"]\nsuppress_warnings = ["course.world_name"]\n')
    assert sphinx_build(src, tmp_path / "out").returncode == 0


def test_known_names_pass(tmp_path):
    result = build(tmp_path, PAGE.replace("Zedland Constabulary", "European Commission"))
    assert result.returncode == 0, result.output


def test_a_site_without_a_world_file_is_not_checked(tmp_path):
    assert build(tmp_path, PAGE, world=None).returncode == 0


EXERCISE_INDEX = """# Unit

```{toctree}
exercises/tools/drill
```
"""

EXERCISE = """# Drill

## Context

Everything in this drill is invented: the Republic of Veskaria and the city of Tarrowmere.

The Veskarian National Police and its Zedland Referral Unit use "Sharpeye", a tool from Nullbright, a software company.

Cases from the Eastgate district rose, the Morrow Gazette reports.

The [Global Internet Forum to Counter Terrorism hash list, from the Zedland Institute](https://gifct.org/hsdb/) is cited.
The European Commission and the Global Internet Forum to Counter Terrorism are real.
"""


def test_an_exercise_page_is_checked_as_a_whole_with_located_typed_warnings(tmp_path):
    src = write_fixture_site(tmp_path / "src", {"index.md": EXERCISE_INDEX, "exercises/tools/drill.md": EXERCISE,
                                                "docs/authoring/world.yaml": yaml.safe_dump(WORLD)},
                             conf_extra='exclude_patterns = ["_build", "docs"]\n')
    result = sphinx_build(src, tmp_path / "out")
    assert result.returncode != 0, "the strict build passed with unknown names in an exercise"
    world = [p for p in result.problems if "[course.world_" in p]
    expected = [
        "drill.md:7: WARNING: unknown agency or organisation name 'Zedland Referral Unit' in an exercise",
        "drill.md:7: WARNING: unknown company or product name 'Sharpeye' in an exercise",
        "drill.md:7: WARNING: unknown company or product name 'Nullbright' in an exercise",
        "drill.md:9: WARNING: unknown agency or organisation name 'Morrow Gazette' in an exercise",
        "drill.md:9: WARNING: 'Eastgate' belongs to Arvenia in the world bible",
    ]
    for line in expected:
        assert any(line in p for p in world), f"missing {line!r} in {world}"
    assert len(world) == len(expected), world  # link text and real bodies are not flagged
    assert sum(p.endswith("[course.world_place]") for p in world) == 1
    assert "set in Veskaria" in next(p for p in world if "Eastgate" in p)


def test_the_real_world_file_lists_every_force_the_scenarios_name(site_html):
    world = yaml.safe_load((ROOT / "docs/authoring/world.yaml").read_text(encoding="utf-8"))
    known = known_names(validate_world(world))
    for name in ["Northmoor Police Service", "Brennmoor Police Service", "Varnholt Regional Police",
                 "Orvale Police Service", "Lindqvale Police Service", "Eastmere Police Service",
                 "National Online Referral Office", "National Counter-Terrorism Coordination Centre",
                 "National Counter-Terrorism Centre", "Counter-Terrorism Directorate", "Early Support Network",
                 "Orvane Systems", "Varrow Linguistics", "Highland Courier", "Tessellate", "Orrinsby"]:
        assert name in known, name
    page = BeautifulSoup((site_html / "docs/authoring/world.html").read_text(encoding="utf-8"), "html.parser")
    captions = [c.get_text(" ", strip=True) for c in page.select("table.world-bible caption")]
    assert any(c.startswith("Regions") for c in captions) and any(c.startswith("Neighbours") for c in captions)
    rows = [r.get_text(" ", strip=True) for r in page.select("table.world-bible tbody tr")]
    assert any(r.startswith("Northmoor Valdria Northmoor Police Service") for r in rows)
    assert any(r.startswith("Tarsk no") for r in rows)
    assert any(r.startswith("Veskaria yes Tarrowmere, Orrinsby") for r in rows)
    # Eastgate is in Brennmoor, Arvenia, and nowhere else.
    assert name_countries(world)["Eastgate"] == "Arvenia"
