"""Journey tests: what a person does on the built site, at a phone's and a desktop's size.

They reuse the session's browser and built site from tests/conftest.py. Set
JOURNEY_SITE to a built site's folder to walk the same journeys through another
build, for example one of the main branch, to show that a journey catches a fault.
Each journey saves screenshots to _build/journeys/ for a person to look at.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import SCREENSHOTS as SHOTS
from conftest import save_screenshot, served

ROOT = Path(__file__).resolve().parents[2]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


@pytest.fixture(scope="session")
def journey_html(request) -> Path:
    """The built site the journeys walk: JOURNEY_SITE if set, else this tree's test build."""
    folder = os.environ.get("JOURNEY_SITE")
    return Path(folder).resolve() if folder else request.getfixturevalue("site_html")


@pytest.fixture(scope="session")
def journey_url(journey_html):
    """journey_html served on 127.0.0.1."""
    with served(journey_html) as url:
        yield url


@pytest.fixture
def shot():
    """shot(page, "name") saves a screenshot of what is on screen to _build/journeys/name.png."""
    SHOTS.mkdir(parents=True, exist_ok=True)

    def take(tab, name: str) -> Path:
        return save_screenshot(tab, name)

    return take
