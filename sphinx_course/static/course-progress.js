/* Progress from this browser's saved answers: the status links in course outlines, and the
   "My progress" table with export, import and clearing. Nothing is sent anywhere. */
(function () {
  "use strict";
  var S = window.CourseStore, I = window.CourseImport;
  var config = S.pageContext(), T = config.strings, storage = config.storage;

  function progressOf(element) {
    var key = S.quizKey(config.ns, element.getAttribute("data-quiz-id"));
    return S.quizProgress(S.parseSaved(storage.get(key), element.getAttribute("data-fingerprint"), +element.getAttribute("data-questions")));
  }

  /* Outline links keep their build-time text ("6 questions") until the learner has started. */
  Array.prototype.forEach.call(document.querySelectorAll("table.course-outline"), function (table) {
    var stages = Array.prototype.map.call(table.querySelectorAll("a[data-quiz-status]"), function (link) {
      var progress = progressOf(link), total = link.getAttribute("data-questions");
      if (progress.stage === "completed") link.textContent = S.format(T.completedBest, { score: progress.best, total: total });
      if (progress.stage === "started") link.textContent = T.inProgress;
      link.setAttribute("data-stage", progress.stage);
      return progress.stage;
    });
    var next = S.nextUnit(stages);
    if (next === null) return;
    var unit = table.querySelectorAll("a[data-quiz-status]")[next].closest("tr").querySelector("td a");
    var line = document.createElement("p"), link = document.createElement("a");
    line.className = "course-continue";
    link.href = unit.getAttribute("href");
    link.textContent = S.format(T.continueWith, { title: unit.textContent });
    line.appendChild(link);
    // Before the theme's scrolling wrapper, so the line never scrolls sideways with the table.
    (table.closest(".pst-scrollable-table-container") || table).insertAdjacentElement("beforebegin", line);
  });

  var root = document.querySelector("[data-progress]");
  if (!root) return;
  var rows = Array.prototype.slice.call(root.querySelectorAll("tr[data-quiz-id]"));
  var message = root.querySelector("[data-message]");

  function say(text) { message.textContent = text; }

  function render() {
    var done = 0;
    rows.forEach(function (row) {
      var progress = progressOf(row), total = +row.getAttribute("data-questions");
      var status = { "completed": T.completed, "started": T.inProgress, "not-started": T.notStarted }[progress.stage];
      row.querySelector("[data-best]").textContent =
        progress.stage === "completed" ? S.format("{score} / {total}", { score: progress.best, total: total }) : "–";
      row.querySelector("[data-status]").textContent = status;
      row.setAttribute("data-state", progress.stage === "completed" ? "completed" : "open");
      if (progress.stage === "completed") done += 1;
    });
    var percent = rows.length ? Math.round((100 * done) / rows.length) : 0;
    root.querySelector("[data-overall]").textContent = S.format(T.overall, { done: done, total: rows.length, percent: percent });
  }

  function ownKeys() {
    return storage.keys().filter(function (k) { return k.indexOf(config.ns + ":") === 0; });
  }

  function exportProgress() {
    var entries = {};
    ownKeys().forEach(function (k) { entries[k] = storage.get(k); });
    var payload = S.exportPayload(config.ns, entries, new Date().toISOString());
    var blob = new Blob([JSON.stringify(payload, null, 1)], { type: "application/json" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "aipol-progress.json";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    say(T.exported);
  }

  function importProgress(event) {
    var file = event.target.files[0];
    if (!file) return;
    var reader = new FileReader();
    reader.onload = function () {
      var entries, quizzes = Object.create(null), current = Object.create(null);
      rows.forEach(function (row) {
        var key = S.quizKey(config.ns, row.getAttribute("data-quiz-id"));
        quizzes[key] = { fp: row.getAttribute("data-fingerprint"), total: +row.getAttribute("data-questions") };
        current[key] = storage.get(key);
      });
      try { entries = I.parseImport(String(reader.result), config.ns, quizzes); } catch (e) { say(T.importFailed); return; }
      // Merge, never replace: a finished quiz is not undone by an older file.
      var merged = I.mergeImport(current, entries, quizzes);
      var stored = Object.keys(merged.write).every(function (k) { return storage.set(k, merged.write[k]); });
      render();
      say(stored ? I.importSummary(merged, entries.skipped, T) : T.saveFailed);
    };
    reader.readAsText(file);
    event.target.value = "";
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
