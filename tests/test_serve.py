"""`make serve`: a live preview on 127.0.0.1 that rebuilds when a page changes."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import ROOT

STARTUP_SECONDS = 180
REBUILD_SECONDS = 90


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Preview:
    """`make serve` running in its own process group, its output collected as it arrives."""

    def __init__(self, port: int):
        self.port = port
        self.lines: list[str] = []
        env = {**os.environ, "PYTHONUNBUFFERED": "1", "NO_COLOR": "1"}
        env.pop("FORCE_COLOR", None)
        self.process = subprocess.Popen(
            ["make", "--no-print-directory", "serve", f"SERVE_PORT={port}"],
            cwd=ROOT, env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        threading.Thread(target=self._collect, daemon=True).start()

    def _collect(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    @property
    def output(self) -> str:
        return "\n".join(self.lines)

    def get(self, path: str) -> tuple[int, str]:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}", timeout=10) as response:
            return response.status, response.read().decode("utf-8")

    def wait_for(self, condition, seconds: float, what: str) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"make serve exited ({self.process.returncode}) while waiting for {what}:\n{self.output}")
            try:
                if condition():
                    return
            except OSError:
                pass
            time.sleep(0.5)
        pytest.fail(f"make serve: no {what} within {seconds} s:\n{self.output}")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


@pytest.fixture(scope="module")
def preview():
    running = Preview(free_port())
    try:
        yield running
    finally:
        running.stop()


def test_serves_the_strictly_built_site_on_loopback(preview):
    preview.wait_for(lambda: preview.get("/")[0] == 200, STARTUP_SECONDS, "home page")
    status, home = preview.get("/")
    assert "<h1" in home and "AI-POL" in home
    # The preview uses the same strict options as `make html`.
    assert "-W --keep-going -n" in preview.output
    status, glossary = preview.get("/docs/glossary.html")
    assert status == 200 and "Glossary" in glossary
    # sphinx-autobuild injects its reload script, so an open page refreshes after a rebuild.
    assert "WebSocket" in home


def test_rebuilds_when_a_page_changes(preview):
    preview.wait_for(lambda: "Waiting to detect changes" in preview.output, STARTUP_SECONDS, "first build")
    page = ROOT / "docs" / "glossary.md"
    before = len(preview.lines)
    os.utime(page)  # a save without edits: the watcher sees it, the tree stays clean
    preview.wait_for(lambda: any("docs/glossary.md" in line for line in preview.lines[before:]),
                     REBUILD_SECONDS, "rebuild after a change to docs/glossary.md")
    preview.wait_for(lambda: "Serving on" in "\n".join(preview.lines[before + 1:]),
                     REBUILD_SECONDS, "end of the rebuild")
    rebuild = "\n".join(preview.lines[before:])
    assert "build succeeded" in rebuild, rebuild
    assert preview.get("/docs/glossary.html")[0] == 200


def listening_addresses(port: int) -> set[str]:
    """Addresses with a listening TCP socket on this port, read from the kernel's socket tables."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for row in Path(table).read_text().splitlines()[1:]:
            local, state = row.split()[1], row.split()[3]
            address, _, hex_port = local.partition(":")
            if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                found.add(address)
    return found


def test_binds_to_loopback_only(preview):
    preview.wait_for(lambda: preview.get("/")[0] == 200, STARTUP_SECONDS, "home page")
    # 0100007F is 127.0.0.1 as the kernel writes it; 00000000 or :: would mean every interface.
    assert listening_addresses(preview.port) == {"0100007F"}
