/* A course's final check and "review my mistakes": quizzes gathered at build time from the units'
   questions, run by course-quiz.js in a mode that saves nothing under the gathered quiz. Loaded
   only on those pages. Pure rules are exported for Node's test runner. */
(function (factory) {
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else window.CourseRounds = api;
})(function () {
  "use strict";

  /* `perUnit` questions from each unit's pool, those not drawn last time first, in random order
     within each (`random` returns [0, 1)). Each attempt thus differs from the one before wherever a
     pool holds more than it draws. */
  function drawRound(pools, perUnit, previous, random) {
    var drawn = [];
    pools.forEach(function (pool) {
      var ranked = pool.map(function (id) { return [previous.indexOf(id) >= 0 ? 1 : 0, random(), id]; });
      ranked.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
      ranked.slice(0, perUnit).forEach(function (r) { drawn.push(r[2]); });
    });
    return drawn;
  }

  /* Objectives met (every question checking it answered right) and missed, each once, in order. */
  function objectiveResults(answers) {
    var seen = Object.create(null), met = [], missed = [];
    answers.forEach(function (a) {
      var entry = seen[a.href];
      if (!entry) {
        entry = seen[a.href] = { href: a.href, text: a.text, right: true };
        met.push(entry);
      }
      entry.right = entry.right && a.right;
    });
    met = met.filter(function (e) { if (!e.right) missed.push(e); return e.right; });
    return { met: met, missed: missed };
  }

  function isAttempt(a) {
    return a !== null && typeof a === "object" && /^\d{4}-\d\d-\d\d$/.test(a.date) &&
      Number.isInteger(a.score) && Number.isInteger(a.total) && a.score >= 0 && a.score <= a.total;
  }

  /* A final check's saved record, or a fresh one when it is missing or malformed. */
  function parseRecord(text) {
    var data;
    try { data = JSON.parse(text); } catch (e) { data = null; }
    var fresh = { v: 1, attempts: [], last: [] };
    if (!data || data.v !== 1 || !Array.isArray(data.attempts) || !data.attempts.every(isAttempt)) return fresh;
    var last = Array.isArray(data.last) ? data.last.filter(function (id) { return typeof id === "string"; }) : [];
    return { v: 1, attempts: data.attempts.slice(-20), last: last };
  }

  /* The best attempt: the highest share right, then the most recent. */
  function bestAttempt(attempts) {
    return attempts.reduce(function (best, a) {
      return !best || a.score / a.total >= best.score / best.total ? a : best;
    }, null);
  }

  /* Questions on the review list: its entry is "fingerprint:streak" for the question as it is now. */
  function isDue(saved, fp) { return saved === fp + ":0" || saved === fp + ":1"; }

  return { drawRound: drawRound, objectiveResults: objectiveResults, parseRecord: parseRecord,
    bestAttempt: bestAttempt, isDue: isDue };
});

(function () {
  "use strict";
  if (typeof document === "undefined") return;
  var S = window.CourseStore, R = window.CourseRounds;
  var config = S.pageContext(), T = config.strings, storage = config.storage;
  function $$(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }
  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  var controls = document.querySelector("[data-round]");
  var quiz = document.querySelector(".quiz[data-mode]");
  if (!controls || !quiz) return;
  var api = window.CourseQuiz.setup(quiz, { ephemeral: true, quiet: true });
  var status = controls.querySelector("[data-round-status]");
  var results = controls.querySelector("[data-round-results]");
  var size = +controls.getAttribute("data-round-size");
  var shown = [];
  controls.hidden = false;

  /* Show only `ids` (question element ids), numbered as the learner meets them. */
  function show(ids) {
    shown = api.questions.filter(function (q) { return ids.indexOf(q.id) >= 0; });
    api.questions.forEach(function (q) { q.hidden = shown.indexOf(q) < 0; });
    shown.forEach(function (q, i) {
      q.querySelector(".quiz-number").textContent = S.format(T.questionOf, { number: i + 1, total: shown.length }) + ".";
    });
    quiz.querySelector(".quiz-meta").firstChild.textContent = S.format(T.questionCount, { count: shown.length }) + " · ";
  }

  // After "back", the browser puts back the choices of a page it reloads, just before "pageshow":
  // they belong to an earlier attempt or round, never to this one (which has not been answered yet).
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted && !quiz.querySelector(".quiz-result:not([hidden])")) {
      $$(quiz, "input").forEach(function (input) { input.checked = false; });
    }
  });

  function unanswered(q) {
    return q.getAttribute("data-question-type") !== "ordering" && !q.querySelector("input:checked");
  }

  if (quiz.getAttribute("data-mode") === "final") {
    var recordKey = config.ns + ":final:" + quiz.getAttribute("data-quiz-id");
    var record = R.parseRecord(storage.get(recordKey));
    var submit = controls.querySelector('[data-action="submit"]');
    var again = controls.querySelector('[data-action="new-attempt"]');

    var showRecord = function () {
      var best = R.bestAttempt(record.attempts);
      controls.querySelector("[data-round-record]").textContent = best ?
        S.format(T.finalBest, { score: best.score, total: best.total, date: best.date, count: record.attempts.length }) : "";
    };
    var attempt = function () {
      api.reset();
      var pools = [], byUnit = Object.create(null);
      api.questions.forEach(function (q) {
        var unit = q.getAttribute("data-unit");
        if (!byUnit[unit]) pools.push(byUnit[unit] = []);
        byUnit[unit].push(q.id);
      });
      var ids = R.drawRound(pools, size, record.last, Math.random);
      record.last = ids;
      storage.set(recordKey, JSON.stringify(record));
      show(ids);
      api.questions.forEach(function (q) {
        q.querySelector(".quiz-actions").hidden = true;
        q.querySelector("fieldset").disabled = false;
      });
      quiz.querySelector(".quiz-summary").hidden = true;
      results.hidden = true;
      submit.hidden = false;
      again.hidden = true;
      status.textContent = "";
    };
    var finish = function () {
      var left = shown.filter(unanswered);
      if (left.length) {
        status.textContent = S.format(T.answerAll, { left: left.length });
        left[0].querySelector("input").focus();
        return;
      }
      var answers = shown.map(function (q) {
        var right = api.check(q, false) === "correct";
        q.querySelector(".quiz-actions").hidden = false;
        q.querySelector('[data-action="check"]').hidden = true;
        q.querySelector("fieldset").disabled = true;
        return { href: q.getAttribute("data-objective-href"), text: q.getAttribute("data-objective-text"), right: right };
      });
      var score = answers.filter(function (a) { return a.right; }).length;
      record.attempts.push({ date: new Date().toISOString().slice(0, 10), score: score, total: answers.length });
      storage.set(recordKey, JSON.stringify(record));
      showRecord();
      showResults(score, answers);
      submit.hidden = true;
      again.hidden = false;
      status.textContent = "";
      // Of the quiz's own end, only "Review my mistakes" (shown once there are some) applies here.
      var end = quiz.querySelector(".quiz-summary");
      $$(end, "button").forEach(function (button) { button.hidden = true; });
      end.hidden = false;
    };
    var showResults = function (score, answers) {
      var split = R.objectiveResults(answers);
      results.textContent = "";
      results.appendChild(el("p", S.format(T.scoreDone, { score: score, total: answers.length }), "quiz-score"));
      [[T.objectivesMet, split.met, "met"], [T.objectivesMissed, split.missed, "missed"]].forEach(function (part) {
        if (!part[1].length) return;
        results.appendChild(el("p", part[0], "quiz-round-heading"));
        var list = el("ul", "", "quiz-round-objectives");
        list.setAttribute("data-objectives", part[2]);
        part[1].forEach(function (o) {
          var link = el("a", o.text);
          link.href = o.href;
          list.appendChild(el("li")).appendChild(link);
        });
        results.appendChild(list);
      });
      results.hidden = false;
      results.focus();
    };
    submit.addEventListener("click", finish);
    again.addEventListener("click", function () {
      attempt();
      shown[0].querySelector("input, .quiz-move-button").focus();
    });
    showRecord();
    attempt();
  } else {
    var round = function () {
      api.reset();
      var due = api.questions.filter(function (q) {
        var saved = storage.get(config.ns + ":review:" + q.getAttribute("data-origin"));
        return R.isDue(saved, q.getAttribute("data-origin-fp"));
      });
      show(due.slice(0, size).map(function (q) { return q.id; }));
      quiz.hidden = newRound.hidden = !due.length;
      status.textContent = due.length ? S.format(T.reviewDue, { count: shown.length, total: due.length }) : T.reviewEmpty;
    };
    var newRound = controls.querySelector('[data-action="new-round"]');
    newRound.addEventListener("click", function () {
      round();
      status.setAttribute("tabindex", "-1");
      status.focus();
    });
    round();
  }
})();
