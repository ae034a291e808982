/* Saved answers and grading rules shared by the quiz and progress pages.
   Pure functions are exported for Node's test runner; the browser gets window.CourseStore.
   Everything stays in this browser: there is no network code here or anywhere else. */
(function (factory) {
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else window.CourseStore = api;
})(function () {
  "use strict";
  var FORMAT = "aipol-progress";

  function quizKey(ns, quizId) { return ns + ":quiz:" + quizId; }

  function isObject(value) { return value !== null && typeof value === "object" && !Array.isArray(value); }

  function isIndexList(value) {
    return Array.isArray(value) && value.every(function (n) { return Number.isInteger(n) && n >= 0 && n < 100; });
  }

  var STATUSES = ["correct", "incorrect", "partial"];

  function own(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  /* A question number ("1" to "total") as a saved map's key; nothing else, so no "__proto__",
     "constructor" or "toString" is ever counted as an answer. */
  function isQuestionKey(key, total) {
    return /^[1-9][0-9]*$/.test(key) && (total === undefined || +key <= total);
  }

  /* A saved quiz state, or null when it is corrupt, foreign or for an older version of the quiz.
     `total` (the quiz's number of questions, when the page knows it) bounds question numbers and
     the best score. The state returned is a fresh copy whose maps have no prototype. */
  function parseSaved(text, fingerprint, total) {
    var state;
    if (typeof text !== "string") return null;
    try { state = JSON.parse(text); } catch (e) { return null; }
    if (!isObject(state) || state.v !== 1 || state.fp !== fingerprint) return null;
    if (!isObject(state.answers) || !isObject(state.checked)) return null;
    var limit = Number.isInteger(total) && total > 0 ? total : undefined;
    if (!Number.isInteger(state.best) || state.best < 0 || (limit !== undefined && state.best > limit)) return null;
    if (state.done !== undefined && typeof state.done !== "boolean") return null;
    var answers = Object.create(null), checked = Object.create(null);
    for (var q in state.answers) {
      if (!own(state.answers, q)) continue;
      if (!isQuestionKey(q, limit) || !isIndexList(state.answers[q])) return null;
      answers[q] = state.answers[q].slice();
    }
    for (var c in state.checked) {
      if (!own(state.checked, c)) continue;
      if (!isQuestionKey(c, limit) || STATUSES.indexOf(state.checked[c]) < 0) return null;
      checked[c] = state.checked[c];
    }
    var copy = { v: 1, fp: state.fp, answers: answers, checked: checked, best: state.best, done: state.done === true };
    if (Number.isFinite(state.t) && state.t > 0) copy.t = state.t;
    return copy;
  }

  /* Where a learner stands on a quiz, from its saved state (or null): "completed", "started" or "not-started". */
  function quizProgress(state) {
    if (!state) return { stage: "not-started", best: null };
    if (state.done) return { stage: "completed", best: state.best };
    return { stage: Object.keys(state.answers).length ? "started" : "not-started", best: null };
  }

  /* Where to continue in a course outline: the first unit not completed, once the learner has begun
     (null before any start, and when every unit is completed). */
  function nextUnit(stages) {
    var begun = stages.some(function (stage) { return stage !== "not-started"; });
    var next = stages.indexOf("started");
    if (next === -1) next = stages.findIndex(function (stage) { return stage !== "completed"; });
    return begun && next !== -1 ? next : null;
  }

  function emptyState(fingerprint) {
    return { v: 1, fp: fingerprint, answers: Object.create(null), checked: Object.create(null), best: 0, done: false };
  }

  /* Choice questions: all right options chosen and no wrong one is correct; some right and no wrong is partial. */
  function gradeChoice(selected, correct) {
    if (!selected.length) return "unanswered";
    var right = selected.filter(function (i) { return correct.indexOf(i) >= 0; }).length;
    var wrong = selected.length - right;
    if (!wrong && right === correct.length) return "correct";
    if (!wrong && right > 0) return "partial";
    return "incorrect";
  }

  /* Ordering questions: `order` lists step indexes as shown; step i belongs at position i. */
  function gradeOrder(order) {
    var placed = order.map(function (step, position) { return step === position; });
    return { status: placed.every(Boolean) ? "correct" : "incorrect", placed: placed };
  }

  function countCorrect(checked) {
    return Object.keys(checked).filter(function (q) { return checked[q] === "correct"; }).length;
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, name) { return name in values ? values[name] : match; });
  }

  function exportPayload(ns, entries, now) {
    return { format: FORMAT, version: 1, namespace: ns, exported: now, entries: entries };
  }

  /* Validate an imported progress file; throws on anything that is not one of ours. Entries are
     checked against the quizzes the page knows (`quizzes`: key -> {fp, total}) when it is given:
     entries for unknown quizzes, or for another version of a quiz, are left out and counted. */
  function parseImport(text, ns, quizzes) {
    var data = JSON.parse(text);
    if (!isObject(data) || data.format !== FORMAT || data.version !== 1 || data.namespace !== ns || !isObject(data.entries)) {
      throw new Error("not a progress file");
    }
    var entries = Object.create(null), skipped = 0;
    Object.keys(data.entries).forEach(function (key) {
      var value = data.entries[key];
      if (key.indexOf(ns + ":quiz:") !== 0 || typeof value !== "string") throw new Error("bad entry " + key);
      var state;
      try { state = JSON.parse(value); } catch (e) { throw new Error("bad entry " + key); }
      if (!isObject(state) || parseSaved(value, state.fp) === null) throw new Error("bad entry " + key);
      var known = quizzes ? quizzes[key] : null;
      if (quizzes && (!known || parseSaved(value, known.fp, known.total) === null)) { skipped += 1; return; }
      entries[key] = value;
    });
    Object.defineProperty(entries, "skipped", { value: skipped, enumerable: false });
    return entries;
  }

  /* How good a saved result is: a completed quiz beats an unfinished one, then the better best
     score, then more questions checked. */
  function resultRank(state) {
    if (!state) return [0, 0, 0];
    var checked = Object.keys(state.checked).length, answered = Object.keys(state.answers).length;
    return [state.done ? 2 : (checked || answered ? 1 : 0), state.done ? state.best : 0, checked];
  }

  function compareRanks(a, b) {
    for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] > b[i] ? 1 : -1;
    return 0;
  }

  /* Merge an import into what this browser holds, quiz by quiz: the better result wins, and of two
     equally good ones the newer (by its save time). Returns what to write and what changed (pure). */
  function mergeImport(current, incoming, quizzes) {
    var write = Object.create(null), updated = 0, kept = 0, same = 0;
    Object.keys(incoming).forEach(function (key) {
      var known = quizzes && quizzes[key];
      var fp = known ? known.fp : null;
      if (!known) { try { fp = JSON.parse(incoming[key]).fp; } catch (e) { return; } }
      var theirs = parseSaved(incoming[key], fp, known ? known.total : undefined);
      if (!theirs) return;
      var ours = typeof current[key] === "string" ? parseSaved(current[key], fp, known ? known.total : undefined) : null;
      var order = compareRanks(resultRank(theirs), resultRank(ours));
      if (order === 0 && ours && theirs) order = (theirs.t || 0) > (ours.t || 0) ? 1 : ((theirs.t || 0) < (ours.t || 0) ? -1 : 0);
      if (!ours || order > 0) {
        if (current[key] === incoming[key]) { same += 1; return; }
        write[key] = incoming[key];
        updated += 1;
      } else if (order < 0) {
        kept += 1;
      } else {
        same += 1;
      }
    });
    return { write: write, updated: updated, kept: kept, same: same };
  }

  /* What an import changed, in the learner's words: "3 quizzes updated, 1 kept because your saved
     result is better." */
  function importSummary(merged, skipped, T) {
    var parts = [];
    function count(n, one, many) { if (n) parts.push(format(n === 1 ? T[one] : T[many], { count: n })); }
    count(merged.updated, "importUpdatedOne", "importUpdated");
    count(merged.kept, "importKeptOne", "importKept");
    count(merged.same, "importSameOne", "importSame");
    count(skipped || 0, "importSkippedOne", "importSkipped");
    return parts.length ? format(T.importDone, { changes: parts.join(", ") }) : T.importEmpty;
  }

  /* localStorage when the browser allows it, otherwise memory that lasts as long as the page.
     Every write is checked: `set` returns false when the browser refused it (storage full or
     revoked); the value is then kept in memory for this page, and `onWriteFailure` is told once. */
  function openStorage(onWriteFailure) {
    var memory = Object.create(null);
    var failed = false;
    function refused() {
      if (failed) return;
      failed = true;
      if (typeof onWriteFailure === "function") {
        try { onWriteFailure(); } catch (e) { /* a message that cannot be shown must not stop the page */ }
      }
    }
    try {
      var probe = "__aipol_probe__";
      window.localStorage.setItem(probe, "1");
      window.localStorage.removeItem(probe);
      var ls = window.localStorage;
      return {
        persistent: true,
        failed: function () { return failed; },
        get: function (k) {
          if (k in memory) return memory[k];
          try { return ls.getItem(k); } catch (e) { return null; }
        },
        set: function (k, v) {
          try {
            ls.setItem(k, v);
            if (ls.getItem(k) !== String(v)) throw new Error("not stored");
            delete memory[k];
            return true;
          } catch (e) {
            memory[k] = String(v);
            refused();
            return false;
          }
        },
        remove: function (k) { delete memory[k]; try { ls.removeItem(k); } catch (e) { /* nothing to remove */ } },
        keys: function () {
          var out = [];
          try { for (var i = 0; i < ls.length; i++) out.push(ls.key(i)); } catch (e) { /* unreadable: memory only */ }
          Object.keys(memory).forEach(function (k) { if (out.indexOf(k) < 0) out.push(k); });
          return out;
        }
      };
    } catch (e) {
      return {
        persistent: false,
        failed: function () { return false; },
        get: function (k) { return k in memory ? memory[k] : null; },
        set: function (k, v) { memory[k] = String(v); return true; },
        remove: function (k) { delete memory[k]; },
        keys: function () { return Object.keys(memory); }
      };
    }
  }

  /* Save a quiz's state, stamped with the time so that an import can tell the newer of two equal
     results. Returns whether the browser stored it. */
  function saveQuiz(storage, key, state, now) {
    state.t = now || Date.now();
    return storage.set(key, JSON.stringify(state));
  }

  /* Everything this site keeps on the device, as a progress file. */
  function downloadProgress(ns, storage) {
    var entries = {};
    storage.keys().forEach(function (k) { if (k.indexOf(ns + ":") === 0) entries[k] = storage.get(k); });
    var blob = new Blob([JSON.stringify(exportPayload(ns, entries, new Date().toISOString()), null, 1)], { type: "application/json" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "aipol-progress.json";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  /* Once per page, when the browser stops storing answers: say so where it is seen, and offer the
     export, which still includes the answers held in memory. */
  function showWriteFailure(ns, strings, storage) {
    if (document.querySelector("[data-save-failed]")) return;
    var box = document.createElement("div");
    box.className = "admonition warning course-save-failed";
    box.setAttribute("role", "alert");
    box.setAttribute("data-save-failed", "");
    var text = document.createElement("p");
    text.textContent = strings.saveFailed || "Your answers are not being saved on this device.";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "quiz-button";
    button.textContent = strings.saveFailedExport || "Export my progress";
    button.addEventListener("click", function () { downloadProgress(ns, storage); });
    box.appendChild(text);
    box.appendChild(button);
    // Beside what the learner was answering, where they are looking; else at the top of the page.
    var active = document.activeElement;
    var near = active && active.closest ? active.closest(".quiz-question, .tool-item, .tool-section, .tool-actions, .progress-actions") : null;
    if (near) {
      // In a quiz question, just under its result, which is where focus goes after "Check".
      var result = near.querySelector(".quiz-result");
      (result || near).insertAdjacentElement("afterend", box);
      return;
    }
    var main = document.querySelector("main article, main, [role=main]") || document.body;
    main.insertBefore(box, main.firstChild);
  }

  /* What every page script needs: the storage namespace and interface strings from this
     script's data-* attributes, and the storage itself. */
  function pageContext() {
    var tag = document.querySelector("script[data-namespace][data-strings]");
    var strings = {};
    try { strings = JSON.parse(tag.getAttribute("data-strings")); } catch (e) { /* no strings: keys show */ }
    var ns = tag ? tag.getAttribute("data-namespace") : "aipol.v1";
    var context = { ns: ns, strings: strings };
    context.storage = openStorage(function () { showWriteFailure(ns, strings, context.storage); });
    return context;
  }

  return {
    quizKey: quizKey, parseSaved: parseSaved, quizProgress: quizProgress, nextUnit: nextUnit, emptyState: emptyState, gradeChoice: gradeChoice,
    gradeOrder: gradeOrder, countCorrect: countCorrect, format: format, exportPayload: exportPayload,
    parseImport: parseImport, openStorage: openStorage, pageContext: pageContext,
    mergeImport: mergeImport, importSummary: importSummary, saveQuiz: saveQuiz, downloadProgress: downloadProgress
  };
});
