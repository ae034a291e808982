"""Registers every component of the course extensions with Sphinx."""

from __future__ import annotations

import json
import re
from pathlib import Path

from .config import course_config, register_config
from .course.cases import setup_cases
from .course.course_index import setup_course_index
from .course.debrief import setup_debrief
from .course.exercises import setup_exercises
from .course.outline import setup_outline
from .course.progress import setup_progress
from .course.rubric import setup_rubric
from .course.teaching_blocks import setup_blocks
from .course.units import setup_units
from .course.world_bible import setup_world
from .helpers import add_folders
from .i18n import CATALOG, _
from .languages.build import setup_languages
from .links.legal_timeline import setup_legal_timeline
from .links.link_report import setup_links
from .links.official_sources import setup_source_check
from .links.sources_registry import setup_sources_registry
from .messages import setup_messages
from .public.crawlers_and_previews import setup_discovery
from .public.message_cards import setup_cards
from .public.not_found import setup_not_found
from .questionnaire.directive import setup_tools
from .quiz.directives import quiz, setup_quiz
from .quiz.report import setup_quiz_report
from .quiz.rounds import setup_quiz_rounds
from .reference import setup_reference
from .registry import course_registry, setup_registry
from .theme.content_security import setup_content_safety
from .theme.repairs import setup_theme_fixes
from .trainer.agenda import setup_agenda
from .trainer.handouts import setup_handouts
from .trainer.notes import setup_trainer
from .trainer.packs import setup_packs
from .trainer.slides import setup_slides
from .web_only import setup_web_only

STATIC = Path(__file__).parent / "theme" / "static"


def interface_strings() -> dict[str, str]:
    """What the browser scripts say, translated at build time."""
    return {
        "correct": _("Correct."),
        "incorrect": _("Not quite."),
        "partial": _("Partly right."),
        "unanswered": _("Choose an answer first."),
        "score": _("{score} right of {checked} checked, {left} to go."),
        "scoreDone": _("You answered {score} of {total} correctly."),
        "moveUp": _("Move up"),
        "moveDown": _("Move down"),
        "moved": _("Moved to position {position} of {total}."),
        "right": _("Right"),
        "wrong": _("Wrong"),
        "correctOrder": _("Correct position"),
        "wrongOrder": _("Should be at position {position}"),
        "revealed": _("Answers shown."),
        "missed": _("You missed {count} of the right options."),
        "questionOf": _("Question {number} of {total}"),
        "questionCount": _("Questions in this round: {count}"),
        "answerAll": _("Answer every question first: {left} still to answer."),
        "finalBest": _("Your best: {score} of {total}, on {date}. Attempts on this device: {count}."),
        "objectivesMet": _("Objectives you met"),
        "objectivesMissed": _("Objectives to revisit"),
        "reviewDue": _("Questions on your list: {total}; this round shows {count}. Two right answers in a row take a "
                       "question off the list."),
        "reviewEmpty": _("Nothing to review: you have no missed questions left. Questions you get wrong in a self-check or a final check appear here."),
        "storageOff": _("Your browser is not saving answers, so they last until you leave the page."),
        "notStarted": _("Not started"),
        "inProgress": _("In progress"),
        "completed": _("Completed"),
        "completedBest": _("Completed, best {score} of {total}"),
        "continueWith": _("Continue where you left off: {title}"),
        "overall": _("{done} of {total} quizzes completed ({percent}%)."),
        "exported": _("Progress file saved."),
        "imported": _("Progress imported: {count} quizzes."),
        "importFailed": _("That file is not a progress file from this site. Nothing was changed."),
        "cleared": _("All saved progress on this device was removed."),
        "confirmClear": _("Remove all saved answers and scores from this device?"),
        "answered": _("{done} of {total} answered."),
        "resultsTitle": _("Your results"),
        "noAnswers": _("No dimension has enough answers for a score yet. A dimension is scored once at least 60% of "
                       "its statements are rated (“not sure” does not count), and the overall level needs every "
                       "dimension scored."),
        "noOverall": _("No overall level yet: too few statements are rated in {count} of {total} dimensions "
                       "({names}). Rate at least 60% of the statements in each dimension to see the overall level "
                       "and your strongest and weakest areas."),
        "notEnough": _("not enough answers"),
        "overallLevel": _("Overall: {score} out of 4, level “{level}” ({done} of {total} statements answered)."),
        "strongest": _("Strongest:"),
        "weakest": _("Weakest:"),
        "chartLabel": _("Bar chart of the score for each dimension; the same numbers are in the table below."),
        "overallRow": _("Overall"),
        "tableCaption": _("Score and level for each dimension"),
        "dimension": _("Dimension"),
        "scoreCol": _("Score (1–4)"),
        "level": _("Level"),
        "answeredCol": _("Rated"),
        "compareTitle": _("Compared with the saved assessment"),
        "before": _("Before"),
        "after": _("Now"),
        "change": _("Change"),
        "recommendations": _("Recommendations"),
        "allEqual": _("All dimensions have the same score."),
        "screeningTitle": _("Indicative screening result"),
        "category": _("Indicative category: {category}."),
        "category_prohibited": _("possibly prohibited"),
        "category_high-risk": _("high-risk"),
        "category_transparency": _("transparency duties"),
        "category_minimal": _("minimal risk"),
        "category_out-of-scope": _("outside the EU AI Act's scope"),
        "incomplete": _("You answered {done} of {total} questions; answer them all for a complete result."),
        "duties": _("Safeguards and duties that follow"),
        "principles": _("Toolkit principles most at stake:"),
        "beforeGoing": _("Questions to answer before going ahead"),
        "asOf": _("rules as of {date}"),
        "badFile": _("That file was not exported by this tool, or it has been changed. Nothing was changed."),
        "toolImported": _("Answers imported."),
        "compared": _("Comparison added to your results."),
        "noReadiness": _("No readiness results are saved on this device yet. Complete the readiness self-assessment and show its results first."),
        "priorityIntro": _("Priorities from our readiness self-assessment (weakest dimensions first):"),
        "priorityLine": _("Strengthen {label} (now: {level})."),
        "prefilled": _("Priorities added to the milestones section."),
        "toolCleared": _("Your answers to this tool were removed from this device."),
        "screeningIncomplete": _("Incomplete: no category yet."),
        "screeningMissing": _("Answer these questions first:"),
        "screeningAlsoMissing": _("Also still to answer:"),
        "screeningConfirm": _("Possibly prohibited: confirm {what} before going further."),
        "screeningUnmatched": _("No rule matched these answers, so there is no category. Check Article 5, Annex III and Article 50 with your legal adviser."),
        "screeningIfNotConfirmed": _("Unless you confirm otherwise:"),
        "screeningBecause": _("Because you answered:"),
        "screeningChanges": _("What would change this"),
        "screeningChangeAnswer": _("Answering “{answer}” to “{question}” would make it: {category}."),
        "screeningChangeRemove": _("Without the function “{answer}” it would be: {category}."),
        "screeningFor": _("For: {functions}."),
        "verdict_possibly-prohibited": _("possibly prohibited, once something is confirmed"),
        "saveFailed": _("Your answers are not being saved: this browser refused to store them (its storage may be "
                        "full). They last until you leave the page. Export your progress to keep them."),
        "saveFailedExport": _("Export my progress"),
        "importDone": _("Progress imported: {changes}."),
        # Joins names that may hold commas ("People, skills and culture"): Arabic uses "؛".
        "listMore": _("{list}; {item}"),
        "importEmpty": _("Progress imported: the file holds no results for the quizzes on this site."),
        "importUpdated": _("{count} quizzes updated"),
        "importUpdatedOne": _("1 quiz updated"),
        "importKept": _("{count} kept because your saved result is better"),
        "importKeptOne": _("1 kept because your saved result is better"),
        "importSame": _("{count} already up to date"),
        "importSameOne": _("1 already up to date"),
        "importSkipped": _("{count} left out because they are not quizzes of this version of the site"),
        "importSkippedOne": _("1 left out because it is not a quiz of this version of the site"),
        "noReadinessData": _("The saved readiness results on this device cannot be read. Show the readiness "
                             "results again, then add the priorities."),
        "read": _("Read"),
        "readOnly": _("Read; self-check not started"),
        "unitRead": _("✓ You have read this unit. It counts in My progress."),
        "overallRead": _("{read} of {total} units read."),
    }


#: Scripts and styles shipped without their comments and indentation: the quiz runtime, whose
#: weight on every quiz page has a budget (see tests/benchmark.py). The sources keep their comments.
COMPACTED = ("course-store.js", "course-quiz.js", "course-quiz.css", "course-quiz-rounds.js")
_BLOCK_COMMENT_LINES = re.compile(r"^[ \t]*/\*(?:(?!\*/)[\s\S])*\*/[ \t]*\n", re.MULTILINE)
_LINE_COMMENT = re.compile(r"^[ \t]*//[^\n]*\n", re.MULTILINE)
_INDENT = re.compile(r"^[ \t]+", re.MULTILINE)


def compact(text: str) -> str:
    """``text`` without comments that fill whole lines, and without indentation (pure).

    Conservative on purpose: a comment that shares a line with code stays, so no code is ever
    removed; our scripts hold no multi-line strings, whose indentation this would change.
    """
    return _INDENT.sub("", _LINE_COMMENT.sub("", _BLOCK_COMMENT_LINES.sub("", text)))


def compacted_static(app) -> Path:
    """A folder of compacted copies of COMPACTED, copied over the originals into _static."""
    folder = Path(app.doctreedir) / "course-static"
    folder.mkdir(parents=True, exist_ok=True)
    for name in COMPACTED:
        text = compact((STATIC / name).read_text(encoding="utf-8"))
        target = folder / name
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
    return folder


def add_static_paths(app, config) -> None:
    # At config-inited, not builder-inited, so that the config the environment pickles is the one
    # the next build compares (see theme.repairs.settle_theme_config); sphinx-design's folder, which
    # it adds at builder-inited, goes first, where it has always been.
    if "sphinx_design" in config.extensions:
        from sphinx_design.extension import STATIC_DIR

        add_folders(config.html_static_path, STATIC_DIR)
    # sphinx-revealjs's builder replaces html_static_path with revealjs_static_path as it starts.
    for name in ("html_static_path", "revealjs_static_path"):
        if (paths := getattr(config, name, None)) is not None:
            add_folders(paths, STATIC, compacted_static(app))


def add_static_assets(app) -> None:
    if app.builder.format != "html":
        return
    app.add_css_file("course.css")
    if course_config(app).course_theme_fixes:
        app.add_css_file("course-icons.css")


def store_script_attributes(app) -> dict[str, str]:
    """course-store.js's data-* attributes; every page script reads the namespace and strings from them."""
    return {
        "data-namespace": course_config(app).course_storage_namespace,
        "data-strings": json.dumps(interface_strings(), ensure_ascii=False, separators=(",", ":")),
    }


# Each tool kind's own script, loaded after course-tool-core.js on the pages that hold that kind.
TOOL_SCRIPTS = {
    "maturity": "course-tool-readiness.js",
    "screening": "course-tool-screening.js",
    "builder": "course-tool-strategy.js",
}


def tool_scripts(tools: list[dict]) -> list[str]:
    """The kind scripts a page's tools need, once each, in the order the tools appear."""
    return list(dict.fromkeys(TOOL_SCRIPTS[tool["kind"]] for tool in tools))


def add_page_assets(app, pagename, templatename, context, doctree) -> None:
    registry = course_registry(app.env)
    # A final check or review round is a quiz too, gathered from the units, with its own script
    # (none while its course has no questions to gather).
    rounds = any(registry.gathers(pagename, kind) for kind in ("final-check", "review-mistakes")) \
        and doctree is not None and any(doctree.findall(quiz))
    has_quiz = bool(registry.quizzes.get(pagename)) or rounds
    shows_progress = any(registry.gathers(pagename, kind) for kind in ("progress", "outline", "continue"))
    is_unit = registry.units.get(pagename, {}).get("kind") == "module"
    has_tool = bool(registry.tools.get(pagename))
    if not (has_quiz or shows_progress or is_unit or has_tool):
        return
    app.add_js_file("course-store.js", loading_method="defer", **store_script_attributes(app))
    if shows_progress or is_unit or has_tool:  # the DOM helpers course-progress.js and the tool scripts share
        app.add_js_file("course-dom.js", loading_method="defer")
    # course-quiz.css styles the site's buttons and file inputs (.quiz-button) as well as quizzes,
    # so every page that shows those buttons needs it: tools, progress and units' "Mark as read".
    if has_quiz or registry.gathers(pagename, "progress") or is_unit or has_tool:
        app.add_css_file("course-quiz.css")
    if has_quiz:
        app.add_js_file("course-quiz.js", loading_method="defer")
    if rounds:
        app.add_js_file("course-quiz-rounds.js", loading_method="defer")
    if registry.gathers(pagename, "progress"):
        app.add_js_file("course-import.js", loading_method="defer")
    if shows_progress or is_unit:
        app.add_css_file("course-progress.css")
        app.add_js_file("course-progress.js", loading_method="defer")
    if has_tool:
        app.add_css_file("course-tools.css")
        app.add_js_file("course-tool-core.js", loading_method="defer")
        for script in tool_scripts(registry.tools[pagename]):
            app.add_js_file(script, loading_method="defer")


def remove_theme_templates(app, exception) -> None:
    """Remove what the build leaves behind that is not part of the site."""
    if exception or app.builder.format != "html":
        return
    for leftover in Path(app.outdir, "_static").glob("*macros.html"):
        leftover.unlink()
    sources = Path(app.outdir, "_sources")
    if sources.is_dir() and not any(sources.iterdir()):
        sources.rmdir()  # left empty because html_copy_source is off


def setup_extension(app) -> None:
    register_config(app)
    setup_web_only(app)
    setup_registry(app)
    # Registered at once, so that every _() is a plain string; a translated edition loads its
    # catalogue from locales/ (languages.build.load_interface_catalogue).
    app.add_message_catalog(CATALOG, str(Path(__file__).parent / "locale"))
    setup_messages(app)
    setup_languages(app)
    setup_content_safety(app)
    setup_quiz(app)
    setup_quiz_rounds(app)
    setup_quiz_report(app)
    setup_units(app)
    setup_trainer(app)
    setup_blocks(app)
    setup_debrief(app)
    setup_cases(app)
    setup_world(app)
    setup_rubric(app)
    setup_links(app)
    setup_source_check(app)
    setup_legal_timeline(app)
    setup_sources_registry(app)
    setup_progress(app)
    setup_outline(app)
    setup_exercises(app)
    setup_agenda(app)
    setup_tools(app)
    setup_handouts(app)
    setup_cards(app)
    setup_course_index(app)
    setup_theme_fixes(app)
    setup_discovery(app)
    setup_not_found(app)
    setup_reference(app)
    setup_slides(app)
    setup_packs(app)
    app.connect("config-inited", add_static_paths)
    app.connect("builder-inited", add_static_assets)
    app.connect("html-page-context", add_page_assets)
    app.connect("build-finished", remove_theme_templates)
