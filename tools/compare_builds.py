"""Build both editions at two commits and summarise how their output differs.

    python tools/compare_builds.py [BASE] [HEAD] [--out _build/compare]

BASE defaults to the commit where this branch left ``main`` (``git merge-base main HEAD``),
HEAD to the working tree as it is now (``WORKTREE``). Each side is exported with
``git archive`` (the working tree is copied, less build output), then built with this
checkout's virtual environment, its own ``sphinx_course`` first on the path, the same
``SOURCE_DATE_EPOCH`` and no ``-W`` (a side that warns is still compared). The summary
lists files only on one side and, for every file that differs, how many lines changed
and the first changed lines, so an intended fix can be told from an accident. It is
written to ``OUT/summary.md`` and printed; the exit code is 1 when anything differs.
"""

from __future__ import annotations

import argparse
import difflib
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORKTREE = "WORKTREE"
EDITIONS = {"html": (), "trainer": ("-D", "course_edition=trainer")}
#: Not part of what a reader gets: Sphinx's build bookkeeping.
IGNORED = {".buildinfo", ".doctrees"}
SKIPPED_WHILE_COPYING = {"_build", ".venv", "node_modules", ".git", ".pytest_cache", ".mypy_cache", ".ruff_cache"}


def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip()


def export(commit: str, folder: Path) -> None:
    """The source tree at ``commit`` (or the working tree) in ``folder``."""
    if commit == WORKTREE:
        shutil.copytree(ROOT, folder, ignore=lambda _dir, names: [n for n in names if n in SKIPPED_WHILE_COPYING])
        return
    archive = folder.with_suffix(".tar")
    subprocess.run(["git", "archive", "--format=tar", "-o", str(archive), commit], cwd=ROOT, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(folder, filter="data")
    archive.unlink()


def build(source: Path, out: Path, options: tuple[str, ...], epoch: str) -> str:
    """Build one edition; returns what Sphinx printed (its warnings)."""
    shutil.rmtree(str(out) + ".doctrees", ignore_errors=True)
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch, "PYTHONPATH": str(source)}
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-E", "-q", "-d", str(out) + ".doctrees", *options,
         str(source), str(out)],
        cwd=source, env=env, capture_output=True, text=True,
    )
    if result.returncode:
        raise SystemExit(f"The build of {source.name} failed:\n{result.stderr[-3000:]}")
    return result.stderr


def files_of(folder: Path) -> dict[str, Path]:
    return {
        str(path.relative_to(folder)): path for path in sorted(folder.rglob("*"))
        if path.is_file() and not IGNORED.intersection(path.relative_to(folder).parts)
    }


def changed_lines(before: Path, after: Path, shown: int) -> tuple[int, list[str]]:
    """How many lines differ, and the first ``shown`` of them (binary files: one line saying so)."""
    try:
        old = before.read_text(encoding="utf-8").splitlines()
        new = after.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError:
        return 1, [f"binary: {before.stat().st_size} → {after.stat().st_size} bytes"]
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    count, sample = 0, []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        count += max(i2 - i1, j2 - j1)
        for before_line, after_line in zip(old[i1:i2], new[j1:j2], strict=False):
            sample.extend(around_first_difference(before_line, after_line))
        sample.extend("-" + line[:160] for line in old[i1 + (j2 - j1):i2])
        sample.extend("+" + line[:160] for line in new[j1 + (i2 - i1):j2])
    return count, sample[:shown]


def around_first_difference(before: str, after: str, width: int = 70) -> list[str]:
    """A changed line shown around where it first differs (a search index is one long line)."""
    start = next((i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b), min(len(before), len(after)))
    begin = max(0, start - width // 2)
    return ["-…" + before[begin:begin + width * 2], "+…" + after[begin:begin + width * 2]]


def compare(base: Path, head: Path, shown: int = 6) -> list[str]:
    """The summary of one edition's differences, as Markdown lines (empty when identical)."""
    old, new = files_of(base), files_of(head)
    lines = []
    for name in sorted(old.keys() - new.keys()):
        lines.append(f"- only at base: `{name}`")
    for name in sorted(new.keys() - old.keys()):
        lines.append(f"- only at head: `{name}`")
    for name in sorted(old.keys() & new.keys()):
        if old[name].read_bytes() == new[name].read_bytes():
            continue
        count, sample = changed_lines(old[name], new[name], shown)
        lines.append(f"- `{name}`: {count} changed lines")
        lines.extend(f"    {line}" for line in sample)
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base", nargs="?", default="")
    parser.add_argument("head", nargs="?", default=WORKTREE)
    parser.add_argument("--out", type=Path, default=ROOT / "_build" / "compare")
    args = parser.parse_args(argv)
    base = args.base or git("merge-base", "main", "HEAD")
    epoch = git("log", "-1", "--format=%ct", base)
    args.out.mkdir(parents=True, exist_ok=True)
    report = [f"# Build comparison: {base[:10]} → {args.head if args.head == WORKTREE else args.head[:10]}", ""]
    identical = True
    with tempfile.TemporaryDirectory(prefix="compare-builds-") as scratch:
        # Both sides are built from the same folder, one after the other, so that a path
        # the output happens to carry is the same on both.
        source = Path(scratch, "source")
        for side, commit in (("base", base), ("head", args.head)):
            shutil.rmtree(source, ignore_errors=True)
            export(commit, source)
            for edition, options in EDITIONS.items():
                build(source, Path(scratch, f"{side}-{edition}"), options, epoch)
        for edition in EDITIONS:
            outputs = {side: Path(scratch, f"{side}-{edition}") for side in ("base", "head")}
            lines = compare(outputs["base"], outputs["head"])
            identical &= not lines
            total = len(files_of(outputs["head"]))
            report.append(f"## {edition}: {'identical' if not lines else f'{len(lines)} summary lines'} ({total} files)")
            report.extend(lines or ["- every file is byte-identical"])
            report.append("")
    text = "\n".join(report)
    (args.out / "summary.md").write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0 if identical else 1


if __name__ == "__main__":
    sys.exit(main())
