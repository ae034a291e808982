/* "My progress": fills the build-time table of quizzes from this browser's saved answers,
   and exports, imports and clears them. Nothing is sent anywhere. */
(function () {
  "use strict";
  var S = window.CourseStore;
  var config = S.pageContext(), T = config.strings, storage = config.storage;
  var root = document.querySelector("[data-progress]");
  if (!root) return;
  var rows = Array.prototype.slice.call(root.querySelectorAll("tr[data-quiz-id]"));
  var message = root.querySelector("[data-message]");

  function say(text) { message.textContent = text; }

  function render() {
    var done = 0;
    rows.forEach(function (row) {
      var key = S.quizKey(config.ns, row.getAttribute("data-quiz-id"));
      var state = S.parseSaved(storage.get(key), row.getAttribute("data-fingerprint"));
      var total = +row.getAttribute("data-questions");
      var status = T.notStarted;
      var best = "–";
      if (state) {
        var started = Object.keys(state.answers).length > 0 || state.done;
        status = state.done ? T.completed : (started ? T.inProgress : T.notStarted);
        if (state.done) best = S.format("{score} / {total}", { score: state.best, total: total });
        if (state.done) done += 1;
      }
      row.querySelector("[data-best]").textContent = best;
      row.querySelector("[data-status]").textContent = status;
      row.setAttribute("data-state", state && state.done ? "completed" : "open");
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
      var entries;
      try { entries = S.parseImport(String(reader.result), config.ns); } catch (e) { say(T.importFailed); return; }
      Object.keys(entries).forEach(function (k) { storage.set(k, entries[k]); });
      render();
      say(S.format(T.imported, { count: Object.keys(entries).length }));
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
