/* Self-review against a rubric: the learner rates their own draft on each criterion; the ratings
   stay in this browser under "<namespace>:rubric:<id>" and a summary names what to strengthen first.
   Pure functions are exported for Node's test runner; the DOM glue runs only in a browser. */
(function (factory) {
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else window.CourseRubric = api;
})(function () {
  "use strict";

  function rubricKey(ns, id) { return ns + ":rubric:" + id; }

  /* Saved ratings for this version of the rubric: {criterion id: level index}, or {} when none or foreign. */
  function parseRatings(text, version, criteria, levelCount) {
    var state;
    try { state = JSON.parse(text); } catch (e) { return {}; }
    if (!state || typeof state !== "object" || state.v !== 1 || state.version !== version || typeof state.ratings !== "object" || !state.ratings) return {};
    var ratings = {};
    criteria.forEach(function (id) {
      var level = state.ratings[id];
      if (Number.isInteger(level) && level >= 0 && level < levelCount) ratings[id] = level;
    });
    return ratings;
  }

  /* How many criteria are rated, and which to strengthen first: the lowest-rated, in rubric order. */
  function summarise(criteria, ratings, levelCount) {
    var rated = criteria.filter(function (c) { return c.id in ratings; });
    var top = levelCount - 1;
    var lowest = rated.reduce(function (low, c) { return Math.min(low, ratings[c.id]); }, top);
    var weakest = rated.filter(function (c) { return ratings[c.id] === lowest && lowest < top; })
      .map(function (c) { return c.title; });
    return { done: rated.length, total: criteria.length, weakest: weakest, allStrong: rated.length === criteria.length && lowest === top };
  }

  return { rubricKey: rubricKey, parseRatings: parseRatings, summarise: summarise };
});

(function () {
  "use strict";
  if (typeof document === "undefined" || !window.CourseStore) return;
  var R = window.CourseRubric, S = window.CourseStore;
  var config = S.pageContext(), storage = config.storage;

  Array.prototype.forEach.call(document.querySelectorAll("form.rubric-review[data-rubric-id]"), function (form) {
    var T = {};
    try { T = JSON.parse(form.getAttribute("data-rubric-strings")); } catch (e) { /* keys show instead */ }
    var key = R.rubricKey(config.ns, form.getAttribute("data-rubric-id"));
    var version = Number(form.getAttribute("data-rubric-version"));
    var fieldsets = Array.prototype.slice.call(form.querySelectorAll("fieldset[data-criterion]"));
    var criteria = fieldsets.map(function (f) { return { id: f.getAttribute("data-criterion"), title: f.querySelector("legend").textContent }; });
    var levelCount = fieldsets.length ? fieldsets[0].querySelectorAll("input[type=radio]").length : 0;
    var summary = form.querySelector("[data-rubric-summary]");
    var ratings = R.parseRatings(storage.get(key), version, criteria.map(function (c) { return c.id; }), levelCount);

    fieldsets.forEach(function (fieldset) {
      var id = fieldset.getAttribute("data-criterion");
      Array.prototype.forEach.call(fieldset.querySelectorAll("input[type=radio]"), function (input) {
        input.checked = ratings[id] === Number(input.value);
      });
    });

    function show(note) {
      var result = R.summarise(criteria, ratings, levelCount);
      var text = S.format(T.rated || "", { done: result.done, total: result.total });
      if (result.allStrong) text += " " + T.allStrong;
      else if (result.weakest.length) text += " " + S.format(T.strengthen || "", { list: S.seriesOf(result.weakest, config.strings.listMore) });
      summary.textContent = note ? text + " " + note : text;
    }

    form.addEventListener("change", function (event) {
      var fieldset = event.target.closest("fieldset[data-criterion]");
      if (!fieldset) return;
      ratings[fieldset.getAttribute("data-criterion")] = Number(event.target.value);
      var value = JSON.stringify({ v: 1, version: version, ratings: ratings });
      storage.set(key, value);
      // Storage can refuse silently (quota, private mode): read back to know whether ratings are kept.
      show(storage.persistent && storage.get(key) === value ? "" : T.notSaved);
    });
    form.querySelector('[data-action="clear-rubric"]').addEventListener("click", function () {
      storage.remove(key);
      ratings = {};
      Array.prototype.forEach.call(form.querySelectorAll("input[type=radio]"), function (input) { input.checked = false; });
      show(T.cleared);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    show("");
  });
})();
