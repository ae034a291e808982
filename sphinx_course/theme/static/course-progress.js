/* Progress from this browser's saved answers and reading: the status links in course outlines,
   the "My progress" table with export, import and clearing, the "continue" line, and the read
   marker at the end of each unit. Nothing is sent anywhere. Pure rules are exported for Node. */
(function (factory) {
  if (typeof module === "object" && module.exports) module.exports = factory(require("./course-store.js"));
  else window.CourseProgress = factory(window.CourseStore);
})(function (S) {
  "use strict";
  function readKey(ns, unit) { return ns + ":read:" + unit; }

  /* A unit's stage from its quiz progress and whether it was read: done once its self-check is
     completed; begun once it is read or its self-check started. */
  function unitStage(quizStage, read) {
    if (quizStage === "completed") return "completed";
    return read || quizStage === "started" ? "started" : "not-started";
  }

  /* What the Status cell says: the quiz's stage, and whether the unit was read. */
  function statusText(T, quizStage, read) {
    if (quizStage === "not-started") return read ? T.readOnly : T.notStarted;
    var text = quizStage === "completed" ? T.completed : T.inProgress;
    return read ? text + " · " + T.read : text;
  }

  /* Where the learner continues, from a course's units in order, each {quizStage, read}: the index
     of the unit to open next, or null before any start and once every unit is completed. */
  function continueIndex(units) {
    return S.nextUnit(units.map(function (u) { return unitStage(u.quizStage, u.read); }));
  }

  /* A course's totals for "My progress": quizzes completed (and their share, rounded), units read. */
  function courseProgress(units) {
    var done = units.filter(function (u) { return u.quizStage === "completed"; }).length;
    return {
      done: done, read: units.filter(function (u) { return u.read; }).length, total: units.length,
      percent: units.length ? Math.round((100 * done) / units.length) : 0
    };
  }

  /* The "Best score" cell: "best / total" once completed, a dash before. */
  function bestText(progress, total) {
    return progress.stage === "completed" ? S.format("{score} / {total}", { score: progress.best, total: total }) : "–";
  }

  /* An outline link's text once the learner has started its quiz; null keeps the build-time text
     ("6 questions"). */
  function outlineText(T, progress, total) {
    if (progress.stage === "completed") return S.format(T.completedBest, { score: progress.best, total: total });
    return progress.stage === "started" ? T.inProgress : null;
  }

  return {
    readKey: readKey, unitStage: unitStage, statusText: statusText,
    continueIndex: continueIndex, courseProgress: courseProgress, bestText: bestText, outlineText: outlineText
  };
});

(function () {
  "use strict";
  if (typeof document === "undefined") return;
  var S = window.CourseStore, P = window.CourseProgress, I = window.CourseImport;
  var config = S.pageContext(), T = config.strings, storage = config.storage;
  function $$(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }

  // `total` (the quiz's number of questions) lets a saved score above it be refused, where known.
  function quizProgress(quizId, fingerprint, total) {
    return S.quizProgress(S.parseSaved(storage.get(S.quizKey(config.ns, quizId)), fingerprint, total));
  }
  function isRead(unit) { return storage.get(P.readKey(config.ns, unit)) === "1"; }
  function progressOf(element) {
    var total = element.getAttribute("data-questions");
    return quizProgress(element.getAttribute("data-quiz-id"), element.getAttribute("data-fingerprint"), total ? +total : undefined);
  }

  /* A unit page's read markers: reaching the one at the end marks the unit read; the button
     under the header does the same by hand. Both say so once it is read. */
  var markers = $$("[data-unit-read]");
  function showRead() {
    markers.forEach(function (marker) {
      var read = isRead(marker.getAttribute("data-unit-read"));
      var button = marker.querySelector('[data-action="mark-read"]');
      if (button) button.hidden = read;
      marker.querySelector("[data-read-status]").textContent = read ? T.unitRead : "";
    });
  }
  function markRead(unit) {
    if (!isRead(unit)) storage.set(P.readKey(config.ns, unit), "1");
    showRead();
  }
  markers.forEach(function (marker) {
    var unit = marker.getAttribute("data-unit-read");
    var button = marker.querySelector('[data-action="mark-read"]');
    if (button) {
      button.addEventListener("click", function () {
        markRead(unit);
        // The button disappears, so focus moves to the line that now says the unit is read.
        var status = marker.querySelector("[data-read-status]");
        status.setAttribute("tabindex", "-1");
        status.focus();
      });
    }
    if (marker.getAttribute("data-read-at") === "end" && !isRead(unit) && "IntersectionObserver" in window) {
      var seen = new IntersectionObserver(function (entries) {
        if (entries.some(function (e) { return e.isIntersecting; })) { markRead(unit); seen.disconnect(); }
      });
      seen.observe(marker);
    }
  });
  showRead();

  /* Outline links keep their build-time text ("6 questions") until the learner has started. */
  $$("table.course-outline").forEach(function (table) {
    var links = $$("a[data-quiz-status]", table);
    var units = links.map(function (link) {
      var progress = progressOf(link), text = P.outlineText(T, progress, link.getAttribute("data-questions"));
      var read = isRead(link.getAttribute("data-unit"));
      if (text !== null) link.textContent = text;
      link.setAttribute("data-stage", progress.stage);
      var unitCell = link.closest("tr").querySelector("td");
      if (read && !unitCell.querySelector(".unit-read-mark")) {
        var mark = document.createElement("span");
        mark.className = "unit-read-mark";
        mark.textContent = "✓ " + T.read;
        unitCell.appendChild(document.createTextNode(" "));
        unitCell.appendChild(mark);
      }
      return { quizStage: progress.stage, read: read };
    });
    var next = P.continueIndex(units);
    if (next === null) return;
    var unit = links[next].closest("tr").querySelector("td a");
    var line = document.createElement("p"), link = document.createElement("a");
    line.className = "course-continue";
    link.href = unit.getAttribute("href");
    link.textContent = S.format(T.continueWith, { title: unit.textContent });
    line.appendChild(link);
    // Before the theme's scrolling wrapper, so the line never scrolls sideways with the table.
    (table.closest(".pst-scrollable-table-container") || table).insertAdjacentElement("beforebegin", line);
  });

  /* "Continue where you left off" on the home page and My progress, from the course's units in order. */
  function showContinue() {
    $$("[data-course-continue]").forEach(function (line) {
      var units = JSON.parse(line.nextElementSibling.textContent);
      var next = P.continueIndex(units.map(function (u) { return { quizStage: quizProgress(u.quiz, u.fp).stage, read: isRead(u.unit) }; }));
      line.textContent = "";
      line.hidden = next === null;
      if (next === null) return;
      var link = document.createElement("a");
      link.href = units[next].href;
      link.textContent = S.format(T.continueWith, { title: units[next].title });
      line.appendChild(link);
    });
  }
  showContinue();

  var root = document.querySelector("[data-progress]");
  if (!root) return;
  var rows = $$("tr[data-quiz-id]", root);
  var message = root.querySelector("[data-message]");

  function say(text) { message.textContent = text; }

  function render() {
    var units = rows.map(function (row) {
      var progress = progressOf(row), unitRead = isRead(row.getAttribute("data-unit"));
      row.querySelector("[data-best]").textContent = P.bestText(progress, +row.getAttribute("data-questions"));
      row.querySelector("[data-status]").textContent = P.statusText(T, progress.stage, unitRead);
      row.setAttribute("data-state", progress.stage === "completed" ? "completed" : "open");
      return { quizStage: progress.stage, read: unitRead };
    });
    var totals = P.courseProgress(units);
    root.querySelector("[data-overall]").textContent = S.format(T.overall, totals) + " " + S.format(T.overallRead, totals);
    showContinue();
  }

  function ownKeys() {
    return storage.keys().filter(function (k) { return k.indexOf(config.ns + ":") === 0; });
  }

  function exportProgress() {
    var entries = {};
    ownKeys().forEach(function (k) { entries[k] = storage.get(k); });
    var payload = S.exportPayload(config.ns, entries, new Date().toISOString());
    window.CourseDom.download("aipol-progress.json", "application/json", JSON.stringify(payload, null, 1));
    say(T.exported);
  }

  function importProgress(event) {
    window.CourseDom.readChosenFile(event.target, function (text) {
      var entries, quizzes = Object.create(null), current = Object.create(null);
      rows.forEach(function (row) {
        var key = S.quizKey(config.ns, row.getAttribute("data-quiz-id"));
        quizzes[key] = { fp: row.getAttribute("data-fingerprint"), total: +row.getAttribute("data-questions") };
        current[key] = storage.get(key);
        var readKey = P.readKey(config.ns, row.getAttribute("data-unit"));
        current[readKey] = storage.get(readKey);
      });
      try { entries = I.parseImport(text, config.ns, quizzes); } catch (e) { say(T.importFailed); return; }
      // What this browser holds under every key the file brings (debrief answers and self-reviews too).
      Object.keys(entries).forEach(function (k) { if (!(k in current)) current[k] = storage.get(k); });
      // Merge, never replace: a finished quiz is not undone by an older file.
      var merged = I.mergeImport(current, entries, quizzes);
      var stored = Object.keys(merged.write).every(function (k) { return storage.set(k, merged.write[k]); });
      render();
      say(stored ? I.importSummary(merged, entries.skipped, T, document.documentElement.lang) : T.saveFailed);
    });
  }

  function clearAll() {
    if (!window.confirm(T.confirmClear)) return;
    ownKeys().forEach(function (k) { storage.remove(k); });
    render();
    say(T.cleared);
  }

  root.querySelector(".progress-actions").hidden = false;
  root.querySelector('[data-action="export"]').addEventListener("click", exportProgress);
  root.querySelector('[data-action="import"]').addEventListener("change", importProgress);
  root.querySelector('[data-action="clear"]').addEventListener("click", clearAll);
  render();
})();
