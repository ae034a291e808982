"""Runs the browser code's pure-function unit tests under Node's built-in test runner."""

from __future__ import annotations

import subprocess
from pathlib import Path

JS_TESTS = Path(__file__).parent / "js"


def test_node_unit_tests_pass():
    files = sorted(str(p) for p in JS_TESTS.glob("*.test.js"))
    assert files
    result = subprocess.run(["node", "--test", *files], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# fail 0" in result.stdout
