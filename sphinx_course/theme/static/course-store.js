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

  /* A map of question numbers ("1" to total) to checked values, copied without a prototype, or null.
     Nothing else is a key, so "__proto__", "constructor" or "toString" never counts as an answer. */
  function questionMap(map, total, valid) {
    var copy = Object.create(null);
    for (var key of Object.keys(map)) {
      if (!/^[1-9]\d*$/.test(key) || +key > total || !valid(map[key])) return null;
      copy[key] = map[key];
    }
    return copy;
  }

  /* A saved quiz state, or null when it is corrupt, foreign, for an older version of the quiz or does
     not fit it (`total`, its number of questions, bounds question numbers and the best score). */
  function parseSaved(text, fingerprint, total) {
    var state;
    try { state = JSON.parse(text); } catch (e) { return null; }
    if (!isObject(state) || state.v !== 1 || state.fp !== fingerprint || typeof text !== "string") return null;
    total = total > 0 ? total : Infinity;
    var answers = isObject(state.answers) && questionMap(state.answers, total, isIndexList);
    var checked = isObject(state.checked) && questionMap(state.checked, total, function (s) {
      return ["correct", "incorrect", "partial"].indexOf(s) >= 0;
    });
    if (!answers || !checked || !Number.isInteger(state.best) || state.best < 0 || state.best > total) return null;
    if (state.done !== undefined && typeof state.done !== "boolean") return null;
    return { v: 1, fp: state.fp, answers: answers, checked: checked, best: state.best, done: !!state.done, t: +state.t || 0 };
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

  /* Matching questions: `chosen[i]` is the category index picked for item i (-1 for none), `correct[i]`
     its right one. Unanswered until one is picked; partly right when some pairs are. */
  function gradeMatching(chosen, correct) {
    var placed = correct.map(function (category, i) { return chosen[i] === category; });
    var right = placed.filter(Boolean).length;
    var status = chosen.every(function (c) { return c < 0; }) ? "unanswered"
      : right === correct.length ? "correct" : right ? "partial" : "incorrect";
    return { status: status, placed: placed };
  }

  function countCorrect(checked) {
    return Object.keys(checked).filter(function (q) { return checked[q] === "correct"; }).length;
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, name) { return name in values ? values[name] : match; });
  }

  /* Short items in a sentence, as the page's language lists them: "a, b, c" in English, "a, b et c"
     in French, "a، وb، وc" in Arabic (Intl.ListFormat; plain commas where a browser lacks it). */
  function listOf(items, lang) {
    if (typeof Intl === "object" && Intl.ListFormat) return new Intl.ListFormat(lang || "en", { type: "unit" }).format(items);
    return items.join(", ");
  }

  /* Items that may hold commas of their own ("People, skills and culture"), each added to the list by
     the translated pattern `more` ("{list}; {item}" in English, "{list}؛ {item}" in Arabic). */
  function seriesOf(items, more) {
    return items.length ? items.reduce(function (list, item) { return format(more, { list: list, item: item }); }) : "";
  }

  /* This learner's seed, random and made once, kept with their answers: options come in another order
     for each learner and the same order after a reload (never from the clock). */
  function learnerSeed(storage, ns, random) {
    var key = ns + ":seed", seed = storage.get(key);
    if (!/^[0-9a-f]{16}$/.test(seed || "")) storage.set(key, seed = (random || randomHex)());
    return seed;
  }
  function randomHex() {
    return Array.prototype.map.call(crypto.getRandomValues(new Uint32Array(2)), function (w) {
      return (w + 4294967296).toString(16).slice(-8);
    }).join("");
  }

  /* A permutation of 0..count-1 fixed by seed and key: FNV-1a into mulberry32, then Fisher-Yates. */
  function seededOrder(seed, key, count) {
    var h = 2166136261, text = seed + "/" + key, order = [], i, t, j;
    for (i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
    for (i = 0; i < count; i++) order.push(i);
    for (i = count - 1; i > 0; i--) {
      h = (h + 0x6d2b79f5) | 0;
      t = Math.imul(h ^ (h >>> 15), 1 | h);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      j = ((t ^ (t >>> 14)) >>> 0) % (i + 1);
      t = order[i]; order[i] = order[j]; order[j] = t;
    }
    return order;
  }

  /* The review list keeps "fingerprint:streak" under each question's key: a miss puts it on (streak 0),
     a right answer counts, and a second right answer in a row takes it off (null). */
  function reviewStep(saved, fp, status) {
    if (status !== "correct") return fp + ":0";
    return saved === fp + ":0" ? fp + ":1" : null;
  }

  function exportPayload(ns, entries, now) {
    return { format: FORMAT, version: 1, namespace: ns, exported: now, entries: entries };
  }

  /* localStorage when the browser allows it, otherwise memory that lasts as long as the page. Every
     write is checked: `set` returns false when the browser refuses it (storage full or revoked); the
     value then stays in memory for this page, and `onFailure` is called once. */
  function openStorage(onFailure) {
    var memory = Object.create(null), failed = false, ls = null;
    try {
      ls = window.localStorage;
      ls.setItem("__aipol_probe__", "1");
      ls.removeItem("__aipol_probe__");
    } catch (e) { ls = null; }
    return {
      persistent: !!ls,
      get: function (k) { return k in memory ? memory[k] : ls && ls.getItem(k); },
      set: function (k, v) {
        try { if (ls) { ls.setItem(k, v); delete memory[k]; return true; } } catch (e) {
          if (!failed && onFailure) onFailure();
          failed = true;
        }
        memory[k] = String(v);
        return !ls;
      },
      remove: function (k) { delete memory[k]; if (ls) ls.removeItem(k); },
      keys: function () {
        var out = Object.keys(memory);
        for (var i = 0; ls && i < ls.length; i++) if (!(ls.key(i) in memory)) out.push(ls.key(i));
        return out;
      }
    };
  }

  /* Save a quiz, stamped with the time so an import can tell the newer of two equal results. */
  function saveQuiz(storage, key, state, now) {
    state.t = now || Date.now();
    return storage.set(key, JSON.stringify(state));
  }

  function downloadProgress(ns, storage) {
    var entries = {};
    storage.keys().forEach(function (k) { if (k.indexOf(ns + ":") === 0) entries[k] = storage.get(k); });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([JSON.stringify(exportPayload(ns, entries, new Date().toISOString()), null, 1)]));
    link.download = "aipol-progress.json";
    document.body.appendChild(link).click();
    link.remove();
  }

  /* When the browser stops storing answers: say so beside what the learner was answering (just under
     a quiz question's result, where focus goes), and offer the export, which holds the unsaved answers. */
  function showWriteFailure(ns, T, storage) {
    var box = document.createElement("div"), text = document.createElement("p"), button = document.createElement("button");
    box.className = "admonition warning";
    box.setAttribute("role", "alert");
    box.setAttribute("data-save-failed", "");
    text.textContent = T.saveFailed;
    button.className = "quiz-button";
    button.textContent = T.saveFailedExport;
    button.addEventListener("click", function () { downloadProgress(ns, storage); });
    box.append(text, button);
    var near = document.activeElement && document.activeElement.closest(".quiz-question, .tool-item, .tool-section, .tool-actions, .progress-actions");
    if (near) (near.querySelector(".quiz-result") || near).after(box);
    else (document.querySelector("main") || document.body).prepend(box);
  }

  /* What every page script needs: the storage namespace and interface strings from this
     script's data-* attributes, and the storage itself. */
  function pageContext() {
    var tag = document.querySelector("script[data-namespace][data-strings]");
    var strings = {};
    try { strings = JSON.parse(tag.getAttribute("data-strings")); } catch (e) { /* no strings: keys show */ }
    var ns = tag ? tag.getAttribute("data-namespace") : "aipol.v1";
    var context = { ns: ns, strings: strings };
    context.storage = openStorage(function () {
      if (!document.querySelector("[data-save-failed]")) showWriteFailure(ns, strings, context.storage);
    });
    return context;
  }

  return {
    FORMAT: FORMAT, quizKey: quizKey, parseSaved: parseSaved, quizProgress: quizProgress, nextUnit: nextUnit, emptyState: emptyState, gradeChoice: gradeChoice,
    gradeOrder: gradeOrder, gradeMatching: gradeMatching, countCorrect: countCorrect, format: format, listOf: listOf, seriesOf: seriesOf, exportPayload: exportPayload,
    openStorage: openStorage, pageContext: pageContext, saveQuiz: saveQuiz, downloadProgress: downloadProgress,
    learnerSeed: learnerSeed, seededOrder: seededOrder, reviewStep: reviewStep
  };
});
