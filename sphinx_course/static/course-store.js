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

  /* A saved quiz state, or null when it is corrupt, foreign or for an older version of the quiz. */
  function parseSaved(text, fingerprint) {
    var state;
    try { state = JSON.parse(text); } catch (e) { return null; }
    if (!isObject(state) || state.v !== 1 || state.fp !== fingerprint) return null;
    if (!isObject(state.answers) || !isObject(state.checked)) return null;
    if (!Number.isInteger(state.best) || state.best < 0) return null;
    for (var q in state.answers) if (!isIndexList(state.answers[q])) return null;
    return state;
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

  function emptyState(fingerprint) { return { v: 1, fp: fingerprint, answers: {}, checked: {}, best: 0, done: false }; }

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

  /* A learner's written answer to a scenario debrief, as course-debrief.js saves it. */
  function isDebrief(text) {
    var state;
    try { state = JSON.parse(text); } catch (e) { return false; }
    return isObject(state) && state.v === 1 && typeof state.answer === "string" && typeof state.revealed === "boolean";
  }

  /* A learner's self-review ratings against a rubric, as course-rubric.js saves them. */
  function isRubric(text) {
    var state;
    try { state = JSON.parse(text); } catch (e) { return false; }
    return isObject(state) && state.v === 1 && Number.isInteger(state.version) && isObject(state.ratings);
  }

  /* Validate an imported progress file; throws on anything that is not one of ours. */
  function parseImport(text, ns) {
    var data = JSON.parse(text);
    if (!isObject(data) || data.format !== FORMAT || data.version !== 1 || data.namespace !== ns || !isObject(data.entries)) {
      throw new Error("not a progress file");
    }
    var entries = {};
    Object.keys(data.entries).forEach(function (key) {
      var value = data.entries[key];
      if (key.indexOf(ns + ":debrief:") === 0 && isDebrief(value)) { entries[key] = value; return; }  // course-debrief.js
      if (key.indexOf(ns + ":rubric:") === 0 && isRubric(value)) { entries[key] = value; return; }  // course-rubric.js
      if (key.indexOf(ns + ":quiz:") !== 0 || typeof value !== "string") throw new Error("bad entry " + key);
      var state;
      try { state = JSON.parse(value); } catch (e) { throw new Error("bad entry " + key); }
      if (!isObject(state) || parseSaved(value, state.fp) === null) throw new Error("bad entry " + key);
      entries[key] = value;
    });
    return entries;
  }

  /* localStorage when the browser allows it, otherwise memory that lasts as long as the page. */
  function openStorage() {
    try {
      var probe = "__aipol_probe__";
      window.localStorage.setItem(probe, "1");
      window.localStorage.removeItem(probe);
      var ls = window.localStorage;
      return {
        persistent: true,
        get: function (k) { return ls.getItem(k); },
        set: function (k, v) { try { ls.setItem(k, v); } catch (e) { /* full or revoked: keep going */ } },
        remove: function (k) { ls.removeItem(k); },
        keys: function () { var out = []; for (var i = 0; i < ls.length; i++) out.push(ls.key(i)); return out; }
      };
    } catch (e) {
      var memory = {};
      return {
        persistent: false,
        get: function (k) { return k in memory ? memory[k] : null; },
        set: function (k, v) { memory[k] = String(v); },
        remove: function (k) { delete memory[k]; },
        keys: function () { return Object.keys(memory); }
      };
    }
  }

  /* What every page script needs: the storage namespace and interface strings from this
     script's data-* attributes, and the storage itself. */
  function pageContext() {
    var tag = document.querySelector("script[data-namespace][data-strings]");
    var strings = {};
    try { strings = JSON.parse(tag.getAttribute("data-strings")); } catch (e) { /* no strings: keys show */ }
    return { ns: tag ? tag.getAttribute("data-namespace") : "aipol.v1", strings: strings, storage: openStorage() };
  }

  return {
    quizKey: quizKey, parseSaved: parseSaved, quizProgress: quizProgress, nextUnit: nextUnit, emptyState: emptyState, gradeChoice: gradeChoice,
    gradeOrder: gradeOrder, countCorrect: countCorrect, format: format, exportPayload: exportPayload,
    parseImport: parseImport, openStorage: openStorage, pageContext: pageContext
  };
});
