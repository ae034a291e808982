"""Build every edition of the site: ``python -m sphinx_course.cli.editions OUTDIR DOCTREES [sphinx options]``.

1. The message templates (Sphinx's gettext builder, into ``course_gettext_dir``), made
   from the current source, against which each language's catalogues are counted.
2. The source language's edition into ``OUTDIR``.
3. Each other language whose home page is published, into ``OUTDIR/<code>``, side by side.

``make html`` and the test suite both build the site this way. Sphinx's own messages
are passed through; a failed step stops the build with its status.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sphinx.config import Config
from sphinx.util.tags import Tags

from ..languages.editions import read_editions


def sphinx(builder: str, outdir: Path, doctrees: Path, options: list[str], *extra: str) -> list[str]:
    return [sys.executable, "-m", "sphinx", "-b", builder, "-d", str(doctrees), *options, *extra, ".", str(outdir)]


def setting(options: list[str], name: str, default: str) -> str:
    """A setting given as ``-D name=value`` among the options, else ``default``."""
    for option, value in zip(options, options[1:], strict=False):
        if option == "-D" and value.startswith(name + "="):
            return value.split("=", 1)[1]
    return default


def run_all(commands: dict[str, list[str]], cwd: Path) -> int:
    """Run the commands side by side; print each one's messages when it ends, labelled."""
    running = {name: subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
               for name, command in commands.items()}
    status = 0
    for name, process in running.items():
        output, _ = process.communicate()
        if output.strip():
            print(f"--- {name} edition ---\n{output.rstrip()}", flush=True)
        status = status or process.returncode
    return status


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print("usage: python -m sphinx_course.cli.editions OUTDIR DOCTREES [sphinx-build options]", file=sys.stderr)
        return 2
    outdir, doctrees, options = Path(argv[0]), Path(argv[1]), argv[2:]
    source_dir = Path.cwd()
    config = Config.read(source_dir, overrides={}, tags=Tags())
    names = dict(config._raw_config.get("course_languages", {}))
    gettext_dir = source_dir / setting(options, "course_gettext_dir", config._raw_config.get("course_gettext_dir", "_build/gettext"))
    if names:
        # Always from scratch: an incremental gettext build writes templates only for the pages it re-read.
        status = subprocess.call(sphinx("gettext", gettext_dir, doctrees / "gettext", [*options, "-E"]), cwd=source_dir)
        if status:
            return status
    status = subprocess.call(sphinx("html", outdir, doctrees / "html", options), cwd=source_dir)
    if status or not names:
        return status
    locale_dir = source_dir / (config._raw_config.get("locale_dirs") or ["locales"])[0]
    editions = read_editions(names, next(iter(names)), gettext_dir, locale_dir)
    others = [code for code in editions.shipped() if code != editions.source]
    for code in names:
        if code not in others and code != editions.source:
            print(f"No {names[code]} edition: its home page is not fully translated (see the translation status page).")
    return run_all({names[code]: sphinx("html", outdir / code, doctrees / f"html-{code}", options, "-D", f"language={code}")
                    for code in others}, source_dir)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
