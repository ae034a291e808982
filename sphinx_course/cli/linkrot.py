"""Check every cited external URL and write a link-rot report.

``python -m sphinx_course.cli.linkrot external-links.json link-rot.json``

For maintainers with a network (``make linkcheck-external``). Each URL gets a
HEAD request (GET where HEAD is refused), with a timeout, retries with back-off
and at most one request per second to each host. URLs matching a pattern in
``linkcheck-ignore.txt`` (sites that block robots) are reported as ignored.
Without a network it says so in one line and exits non-zero, without hanging.
"""

from __future__ import annotations

import fnmatch
import json
import socket
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

TIMEOUT = 10
RETRIES = 2
PER_HOST_INTERVAL = 1.0
USER_AGENT = "AI-POL-site-linkcheck/1.0 (+maintainers' link-rot report)"
IGNORE_FILE = Path(__file__).resolve().parents[2] / "linkcheck-ignore.txt"


def read_ignore_patterns(path: Path = IGNORE_FILE) -> list[str]:
    """Patterns, one a line; text after '#' is the reason and is ignored here."""
    if not path.exists():
        return []
    patterns = []
    for line in path.read_text(encoding="utf-8").splitlines():
        pattern = line.split("#", 1)[0].strip()
        if pattern:
            patterns.append(pattern)
    return patterns


def classify(status: int | None, final_url: str | None, url: str, error: str | None) -> str:
    """The report's verdict for one URL (pure)."""
    if error == "timeout":
        return "timed out"
    if status is None or status >= 400:
        return "broken"
    if final_url and final_url.rstrip("/") != url.rstrip("/"):
        return "redirected"
    return "ok"


class HostPacer:
    """At most one request per interval to each host."""

    def __init__(self, interval: float):
        self.interval = interval
        self.next_time: dict[str, float] = {}
        self.lock = threading.Lock()

    def wait(self, host: str) -> None:
        with self.lock:
            now = time.monotonic()
            start = max(now, self.next_time.get(host, now))
            self.next_time[host] = start + self.interval
        time.sleep(max(0.0, start - now))


def check_url(url: str, pacer: HostPacer) -> dict:
    host = urlsplit(url).hostname or ""
    error = None
    for attempt in range(RETRIES + 1):
        for method in ("HEAD", "GET"):
            pacer.wait(host)
            request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
            try:
                with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
                    return {"status": response.status, "final_url": response.geturl(), "error": None}
            except urllib.error.HTTPError as failure:
                if method == "HEAD" and failure.code in (403, 405, 501):
                    continue
                if failure.code < 500 and failure.code != 429:
                    return {"status": failure.code, "final_url": None, "error": str(failure)}
                error = str(failure)
                break
            except TimeoutError:
                error = "timeout"
                break
            except (urllib.error.URLError, OSError) as failure:
                error = str(getattr(failure, "reason", failure))
                break
        time.sleep(2**attempt)
    return {"status": None, "final_url": None, "error": error}


def network_available(hosts: list[str]) -> bool:
    for host in hosts[:3]:
        try:
            socket.getaddrinfo(host, 443)
            return True
        except OSError:
            continue
    return False


def main(source: Path, target: Path) -> int:
    entries = json.loads(source.read_text(encoding="utf-8"))
    patterns = read_ignore_patterns()
    hosts = sorted({urlsplit(e["url"]).hostname or "" for e in entries})
    if not network_available(hosts):
        print("No network: cannot resolve any cited host, so external links were not checked.", file=sys.stderr)
        return 2
    pacer = HostPacer(PER_HOST_INTERVAL)

    def one(entry: dict) -> dict:
        url = entry["url"]
        if any(fnmatch.fnmatch(url, p) for p in patterns):
            return {"url": url, "verdict": "ignored", "citations": entry["citations"]}
        result = check_url(url, pacer)
        verdict = classify(result["status"], result["final_url"], url, result["error"])
        return {"url": url, "verdict": verdict, **result, "citations": entry["citations"]}

    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(one, entries))
    target.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    counts: dict[str, int] = {}
    for result in results:
        counts[result["verdict"]] = counts.get(result["verdict"], 0) + 1
    print(", ".join(f"{n} {verdict}" for verdict, n in sorted(counts.items())) + f". Report: {target}")
    for result in results:
        if result["verdict"] in ("broken", "timed out"):
            pages = ", ".join(sorted({c["source"] for c in result["citations"]}))
            print(f"  {result['verdict']}: {result['url']} (cited in {pages})")
    return 1 if counts.get("broken") or counts.get("timed out") else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python -m sphinx_course.cli.linkrot external-links.json link-rot.json")
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
