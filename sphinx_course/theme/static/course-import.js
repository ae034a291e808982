/* Importing a progress file on the "My progress" page: checked against the quizzes of this site,
   then merged quiz by quiz, never replacing a better result. Pure functions, exported for Node's
   test runner; the browser gets window.CourseImport. Loaded on the progress page only, so the
   quiz pages do not carry it. */
(function (factory) {
  if (typeof module === "object" && module.exports) module.exports = factory(require("./course-store.js"));
  else window.CourseImport = factory(window.CourseStore);
})(function (S) {
  "use strict";

  function isObject(value) { return value !== null && typeof value === "object" && !Array.isArray(value); }

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

  /* The shuffle seed, a review-list entry or a final check's record (course-store.js, course-quiz-rounds.js). */
  function isRoundsEntry(name, value) {
    if (typeof value !== "string") return false;
    if (name === "seed") return /^[0-9a-f]{16}$/.test(value);
    if (/^review:[a-z0-9][a-z0-9-]*\/[1-9]\d*$/.test(name)) return /^[0-9a-f]{12}:[01]$/.test(value);
    if (name.indexOf("final:") !== 0) return false;
    try { var record = JSON.parse(value); } catch (e) { return false; }
    return isObject(record) && record.v === 1 && Array.isArray(record.attempts);
  }

  /* Validate an imported progress file; throws on anything that is not one of ours. Entries are
     checked against the quizzes the page knows (`quizzes`: key -> {fp, total}) when it is given:
     entries for unknown quizzes, or for another version of a quiz, are left out and counted. */
  function parseImport(text, ns, quizzes) {
    var data = JSON.parse(text);
    if (!isObject(data) || data.format !== S.FORMAT || data.version !== 1 || data.namespace !== ns || !isObject(data.entries)) {
      throw new Error("not a progress file");
    }
    var entries = Object.create(null), skipped = 0;
    Object.keys(data.entries).forEach(function (key) {
      var value = data.entries[key];
      // A unit marked as read: its key names the page, its value is always "1".
      if (key.indexOf(ns + ":read:") === 0 && value === "1") { entries[key] = value; return; }
      // The tools' answers travel in the same file; each tool imports its own, so they are left alone here.
      if (key.indexOf(ns + ":tool:") === 0) return;
      if (key.indexOf(ns + ":debrief:") === 0 && isDebrief(value)) { entries[key] = value; return; }  // course-debrief.js
      if (key.indexOf(ns + ":rubric:") === 0 && isRubric(value)) { entries[key] = value; return; }  // course-rubric.js
      if (isRoundsEntry(key.slice(ns.length + 1), value)) { entries[key] = value; return; }
      if (key.indexOf(ns + ":quiz:") !== 0 || typeof value !== "string") throw new Error("bad entry " + key);
      var state;
      try { state = JSON.parse(value); } catch (e) { throw new Error("bad entry " + key); }
      if (!isObject(state) || S.parseSaved(value, state.fp) === null) throw new Error("bad entry " + key);
      var known = quizzes ? quizzes[key] : null;
      if (quizzes && (!known || S.parseSaved(value, known.fp, known.total) === null)) { skipped += 1; return; }
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
      // "Read" marks only ever add up: a unit read on either device stays read.
      if (incoming[key] === "1" && key.indexOf(":read:") > 0) { if (current[key] !== "1") write[key] = "1"; return; }
      // A written debrief answer, rubric self-review, review entry, final-check record or seed: a file
      // fills in what this browser lacks, and never overwrites what this browser holds.
      if (/:(debrief|rubric|review|final):|:seed$/.test(key)) { if (typeof current[key] !== "string") write[key] = incoming[key]; return; }
      var known = quizzes && quizzes[key];
      var fp = known ? known.fp : null;
      if (!known) { try { fp = JSON.parse(incoming[key]).fp; } catch (e) { return; } }
      var theirs = S.parseSaved(incoming[key], fp, known ? known.total : undefined);
      if (!theirs) return;
      var ours = typeof current[key] === "string" ? S.parseSaved(current[key], fp, known ? known.total : undefined) : null;
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
  function importSummary(merged, skipped, T, lang) {
    var parts = [];
    function count(n, one, many) { if (n) parts.push(S.format(n === 1 ? T[one] : T[many], { count: n })); }
    count(merged.updated, "importUpdatedOne", "importUpdated");
    count(merged.kept, "importKeptOne", "importKept");
    count(merged.same, "importSameOne", "importSame");
    count(skipped || 0, "importSkippedOne", "importSkipped");
    return parts.length ? S.format(T.importDone, { changes: S.listOf(parts, lang) }) : T.importEmpty;
  }

  return { parseImport: parseImport, mergeImport: mergeImport, importSummary: importSummary };
});
