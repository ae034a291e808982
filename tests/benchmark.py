"""The site's benchmark (`make bench`): build speed, page weight, quiz footprint, Lighthouse.

Measures, never asserts: it reports against the budgets and exits 0. Results go
to _build/bench/bench.json and a Markdown table, _build/bench/bench.md.

- clean build time, and the incremental rebuild after a one-page edit (median of three);
- gzipped transfer of every page as loaded by Chromium: median, maximum, the heaviest pages;
- the quiz runtime's bytes;
- the same module page built with the stock theme configuration, as a ratio;
- Lighthouse (mobile) on the home, a module and the readiness-tool page, when Lighthouse is installed
  (`make bench` installs it from tests/lighthouse/package-lock.json).
"""

from __future__ import annotations

import gzip
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from conftest import BROWSER_ARGS, CHROMIUM, ROOT, source_date_epoch  # noqa: E402

OUT = ROOT / "_build" / "bench"
MODULE_PAGE = "modules/leadership/03-law-and-human-rights.html"
LIGHTHOUSE_PAGES = ["index.html", MODULE_PAGE, "exercises/tools/readiness.html"]
QUIZ_RUNTIME = ["course-store.js", "course-quiz.js", "course-quiz.css"]
#: A final check or "Review my mistakes" page also loads the rounds script.
ROUNDS_RUNTIME = [*QUIZ_RUNTIME, "course-quiz-rounds.js"]
BUDGETS = {"module_page_kb": 250, "any_page_kb": 400, "quiz_runtime_gz_kb": 9, "incremental_s": 2}  # issue #18


def runtime_bytes(static: Path, names: list[str]) -> tuple[int, int]:
    """Raw and gzipped (level 9, the files joined) bytes of a set of browser files."""
    joined = b"".join((static / name).read_bytes() for name in names)
    return len(joined), len(gzip.compress(joined, 9))
TEXT_TYPES = (".html", ".css", ".js", ".json", ".svg", ".txt", ".xml")
LIGHTHOUSE = Path(os.environ.get("LIGHTHOUSE_DIR", ROOT / "_build" / "lighthouse")) / "node_modules" / ".bin" / "lighthouse"


def build(outdir: Path, *extra: str) -> float:
    env = {**os.environ, "SOURCE_DATE_EPOCH": source_date_epoch()}
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-b", "html", "-W", "--keep-going", "-n",
         "-d", str(outdir.parent / (outdir.name + ".doctrees")), *extra, str(ROOT), str(outdir)],
        check=True, env=env, cwd=ROOT,
    )
    return time.perf_counter() - start


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves text files gzipped, as a production server would, so Lighthouse measures fairly."""

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = Path(self.translate_path(self.path.split("?")[0]))
        if path.is_file() and path.suffix in TEXT_TYPES and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(path.read_bytes(), 6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "max-age=3600")
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()


def serve(folder: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(GzipHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def page_weights(folder: Path, pages: list[str]) -> dict[str, int]:
    """Gzipped bytes of every local file each page loads in Chromium, counted once per page."""
    from playwright.sync_api import sync_playwright

    server, base = serve(folder)
    weights = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        tab = browser.new_page()
        requested: list[str] = []
        tab.on("request", lambda request: requested.append(request.url))
        for page in pages:
            requested.clear()
            tab.goto(base + page, wait_until="networkidle")
            files = {folder / u[len(base):].split("?")[0].split("#")[0] for u in requested if u.startswith(base)}
            weights[page] = sum(len(gzip.compress(f.read_bytes(), 9)) for f in files if f.is_file())
        browser.close()
    server.shutdown()
    return weights


def lighthouse(folder: Path) -> dict[str, dict[str, int]]:
    if not LIGHTHOUSE.exists():
        return {}
    server, base = serve(folder)
    scores = {}
    for page in LIGHTHOUSE_PAGES:
        report = OUT / f"lighthouse-{page.replace('/', '_')}.json"
        subprocess.run(
            [str(LIGHTHOUSE), base + page, "--quiet", "--output=json", f"--output-path={report}",
             "--chrome-flags=--headless --no-sandbox --disable-gpu",
             "--only-categories=performance,accessibility,best-practices,seo"],
            env={**os.environ, "CHROME_PATH": CHROMIUM}, check=False, capture_output=True, timeout=180,
        )
        if report.exists():
            categories = json.loads(report.read_text())["categories"]
            scores[page] = {name: round(cat["score"] * 100) for name, cat in categories.items() if cat["score"] is not None}
    server.shutdown()
    return scores


def main() -> int:
    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)
    site = OUT / "html"
    clean = build(site)

    edited = ROOT / "modules" / "leadership" / "05-readiness-and-lifecycle.md"
    original = edited.read_text(encoding="utf-8")
    try:
        # The median of three one-page edits, since a single rebuild of about 2 s varies by a few tenths.
        rebuilds = []
        for count in range(1, 4):
            edited.write_text(original + "\n" * count, encoding="utf-8")
            rebuilds.append(build(site))
        incremental = statistics.median(rebuilds)
    finally:
        edited.write_text(original, encoding="utf-8")

    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if "_static" not in p.parts)
    weights = page_weights(site, pages)
    values = sorted(weights.values())

    stock = OUT / "stock"
    build(stock, "-D", "course_theme_fixes=0", "-D", "templates_path=")
    stock_weight = page_weights(stock, [MODULE_PAGE])[MODULE_PAGE]

    static = site / "_static"
    quiz_raw, quiz_gz = runtime_bytes(static, QUIZ_RUNTIME)
    rounds_raw, rounds_gz = runtime_bytes(static, ROUNDS_RUNTIME)

    results = {
        "clean_build_s": round(clean, 2),
        "incremental_build_s": round(incremental, 2),
        "pages": len(pages),
        "page_transfer_gz_kb": {
            "median": round(statistics.median(values) / 1024, 1),
            "max": round(values[-1] / 1024, 1),
            "heaviest": {p: round(w / 1024, 1) for p, w in sorted(weights.items(), key=lambda kv: -kv[1])[:5]},
        },
        "module_page_gz_kb": round(weights[MODULE_PAGE] / 1024, 1),
        "stock_module_page_gz_kb": round(stock_weight / 1024, 1),
        "stock_to_ours_ratio": round(stock_weight / weights[MODULE_PAGE], 1),
        "quiz_runtime": {"raw_bytes": quiz_raw, "gzip_bytes": quiz_gz},
        "quiz_runtime_with_rounds": {"raw_bytes": rounds_raw, "gzip_bytes": rounds_gz},
        "lighthouse_mobile": lighthouse(site),
        "budgets": BUDGETS,
    }
    (OUT / "bench.json").write_text(json.dumps(results, indent=1) + "\n")
    lines = [
        "| Measure | Result | Budget |",
        "| --- | --- | --- |",
        f"| Clean build | {results['clean_build_s']} s | |",
        f"| Rebuild after a one-page edit (median of 3) | {results['incremental_build_s']} s | ≤ {BUDGETS['incremental_s']} s |",
        f"| Page transfer, median (gzip) | {results['page_transfer_gz_kb']['median']} KB | |",
        f"| Page transfer, maximum (gzip) | {results['page_transfer_gz_kb']['max']} KB | ≤ {BUDGETS['any_page_kb']} KB |",
        f"| Module page with quiz (gzip) | {results['module_page_gz_kb']} KB | ≤ {BUDGETS['module_page_kb']} KB |",
        f"| Same page, stock theme (gzip) | {results['stock_module_page_gz_kb']} KB | {results['stock_to_ours_ratio']}× ours |",
        f"| Quiz runtime, JS + CSS (gzip) | {quiz_gz} B | ≤ {BUDGETS['quiz_runtime_gz_kb']} KB |",
        f"| Same, with the final check and review script (gzip) | {rounds_gz} B | ≤ {BUDGETS['quiz_runtime_gz_kb']} KB |",
    ]
    for page, scores in results["lighthouse_mobile"].items():
        cells = ", ".join(f"{k} {v}" for k, v in scores.items())
        lines.append(f"| Lighthouse mobile, `{page}` | {cells} | 95+ / 100 / 100 / 95+ |")
    if not results["lighthouse_mobile"]:
        lines.append("| Lighthouse | not run: install it with `make bench` | |")
    (OUT / "bench.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    print(f"\nWritten: {OUT / 'bench.json'} and {OUT / 'bench.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
