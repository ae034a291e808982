// Unit tests of the pure functions in course-store.js, run with Node's built-in test runner.
const test = require("node:test");
const assert = require("node:assert/strict");
const S = require("../../sphinx_course/theme/static/course-store.js");
const I = require("../../sphinx_course/theme/static/course-import.js");

test("choice grading: exact, partial, wrong and unanswered", () => {
  assert.equal(S.gradeChoice([1], [1]), "correct");
  assert.equal(S.gradeChoice([0, 2], [0, 2]), "correct");
  assert.equal(S.gradeChoice([0], [0, 2]), "partial");
  assert.equal(S.gradeChoice([0, 1], [0, 2]), "incorrect");
  assert.equal(S.gradeChoice([1], [0]), "incorrect");
  assert.equal(S.gradeChoice([], [0]), "unanswered");
});

test("ordering grading marks each position", () => {
  assert.deepEqual(S.gradeOrder([0, 1, 2]), { status: "correct", placed: [true, true, true] });
  assert.deepEqual(S.gradeOrder([1, 0, 2]), { status: "incorrect", placed: [false, false, true] });
});

test("saved state is accepted only for the same fingerprint and a valid shape", () => {
  const good = JSON.stringify({ v: 1, fp: "abc", answers: { 1: [0] }, checked: { 1: "correct" }, best: 1, done: false });
  assert.equal(S.parseSaved(good, "abc").best, 1);
  assert.equal(S.parseSaved(good, "changed"), null, "a changed quiz discards old answers");
  assert.equal(S.parseSaved("{not json", "abc"), null);
  assert.equal(S.parseSaved(JSON.stringify({ v: 2, fp: "abc" }), "abc"), null);
  assert.equal(S.parseSaved(JSON.stringify({ v: 1, fp: "abc", answers: { 1: ["x"] }, checked: {}, best: 0 }), "abc"), null);
  assert.equal(S.parseSaved(null, "abc"), null);
});

test("quiz progress: not started, started or completed with the best score", () => {
  const state = (answers, done, best) => ({ v: 1, fp: "abc", answers, checked: {}, best, done });
  assert.deepEqual(S.quizProgress(null), { stage: "not-started", best: null }, "nothing saved, or a stale quiz");
  assert.deepEqual(S.quizProgress(state({}, false, 0)), { stage: "not-started", best: null });
  assert.deepEqual(S.quizProgress(state({ 1: [0] }, false, 0)), { stage: "started", best: null });
  assert.deepEqual(S.quizProgress(state({ 1: [0] }, true, 5)), { stage: "completed", best: 5 });
  assert.deepEqual(S.quizProgress(state({}, true, 0)), { stage: "completed", best: 0 }, "finished once, so completed even with no current answers");
});

test("score counts correct questions only", () => {
  assert.equal(S.countCorrect({ 1: "correct", 2: "partial", 3: "incorrect", 4: "correct" }), 2);
});

test("listOf lists short items as the page's language does", () => {
  assert.equal(S.listOf(["2 quizzes updated", "1 kept"], "en"), "2 quizzes updated, 1 kept");
  assert.equal(S.listOf(["a", "b", "c"], "fr"), "a, b et c");
  assert.equal(S.listOf(["أ", "ب", "ج"], "ar"), "أ، وب، وج");
  assert.equal(S.listOf([], "en"), "");
});

test("seriesOf joins items that hold commas by the translated pattern", () => {
  const names = ["People, skills and culture", "Data management", "Governance"];
  assert.equal(S.seriesOf(names, "{list}; {item}"), "People, skills and culture; Data management; Governance");
  assert.equal(S.seriesOf(["أ", "ب"], "{list}؛ {item}"), "أ؛ ب");
  assert.equal(S.seriesOf(["one"], "{list}; {item}"), "one");
  assert.equal(S.seriesOf([], "{list}; {item}"), "");
});

test("format fills named placeholders and leaves unknown ones", () => {
  assert.equal(S.format("{score} of {total}", { score: 4, total: 5 }), "4 of 5");
  assert.equal(S.format("{x}", {}), "{x}");
});

test("import accepts our own export and rejects anything else", () => {
  const state = JSON.stringify({ v: 1, fp: "abc", answers: {}, checked: {}, best: 0, done: false });
  const file = JSON.stringify(S.exportPayload("aipol.v1", { "aipol.v1:quiz:m1": state }, "2026-11-29T00:00:00Z"));
  assert.deepEqual(Object.keys(I.parseImport(file, "aipol.v1")), ["aipol.v1:quiz:m1"]);
  assert.throws(() => I.parseImport(file, "other.v1"));
  assert.throws(() => I.parseImport("[]", "aipol.v1"));
  assert.throws(() => I.parseImport("garbage", "aipol.v1"));
  const foreign = JSON.stringify(S.exportPayload("aipol.v1", { "elsewhere:key": state }, "x"));
  assert.throws(() => I.parseImport(foreign, "aipol.v1"));
  const tampered = JSON.stringify(S.exportPayload("aipol.v1", { "aipol.v1:quiz:m1": "{bad" }, "x"));
  assert.throws(() => I.parseImport(tampered, "aipol.v1"));
});

test("where to continue: the unit in progress, else the first not completed, once begun", () => {
  assert.equal(S.nextUnit(["not-started", "not-started"]), null, "nothing begun: no suggestion");
  assert.equal(S.nextUnit(["completed", "started", "not-started"]), 1);
  assert.equal(S.nextUnit(["completed", "not-started", "started"]), 2, "a unit in progress comes first");
  assert.equal(S.nextUnit(["completed", "not-started", "not-started"]), 1);
  assert.equal(S.nextUnit(["not-started", "completed"]), 0, "a skipped unit is suggested");
  assert.equal(S.nextUnit(["completed", "completed"]), null, "all done");
});

// Hostile and malformed saved data (issue 20): values are checked against the quiz itself.
const saved = (extra) => JSON.stringify({ v: 1, fp: "abc", answers: { 1: [0] }, checked: { 1: "correct" }, best: 1, done: true, ...extra });

test("prototype keys are never counted as answers", () => {
  for (const key of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
    const text = `{"v":1,"fp":"abc","answers":{"${key}":[0]},"checked":{},"best":0,"done":false}`;
    assert.equal(S.parseSaved(text, "abc", 3), null, key + " in answers");
    const checked = `{"v":1,"fp":"abc","answers":{},"checked":{"${key}":"correct"},"best":0,"done":false}`;
    assert.equal(S.parseSaved(checked, "abc", 3), null, key + " in checked");
  }
  const state = S.parseSaved(saved(), "abc", 3);
  assert.equal(Object.getPrototypeOf(state.answers), null);
  assert.equal(S.quizProgress(S.parseSaved('{"v":1,"fp":"abc","answers":{},"checked":{},"best":0}', "abc", 3)).stage, "not-started");
});

test("scores and question numbers must fit the quiz", () => {
  assert.equal(S.parseSaved(saved({ best: 999 }), "abc", 8), null, "a best of 999 of 8");
  assert.equal(S.parseSaved(saved({ best: -1 }), "abc", 8), null);
  assert.equal(S.parseSaved(saved({ best: 1.5 }), "abc", 8), null);
  assert.equal(S.parseSaved(saved({ answers: { 9: [0] } }), "abc", 8), null, "question 9 of 8");
  assert.equal(S.parseSaved(saved({ answers: { 0: [0] } }), "abc", 8), null, "question 0");
  assert.equal(S.parseSaved(saved({ checked: { 1: "maybe" } }), "abc", 8), null);
  assert.equal(S.parseSaved(saved({ done: "yes" }), "abc", 8), null);
  assert.equal(S.parseSaved(saved(), "abc", 8).best, 1);
  assert.equal(S.parseSaved(42, "abc", 8), null);
});

test("an import keeps the better and newer result per quiz and says what changed", () => {
  const finished = JSON.stringify({ v: 1, fp: "a", answers: { 1: [0], 2: [1] }, checked: { 1: "correct", 2: "correct" }, best: 2, done: true, t: 100 });
  const halfway = JSON.stringify({ v: 1, fp: "a", answers: { 1: [0] }, checked: { 1: "correct" }, best: 0, done: false, t: 50 });
  const lower = JSON.stringify({ v: 1, fp: "b", answers: { 1: [1] }, checked: { 1: "incorrect" }, best: 0, done: true, t: 10 });
  const higher = JSON.stringify({ v: 1, fp: "b", answers: { 1: [0] }, checked: { 1: "correct" }, best: 1, done: true, t: 5 });
  const newer = JSON.stringify({ v: 1, fp: "c", answers: { 1: [0] }, checked: { 1: "correct" }, best: 1, done: true, t: 900 });
  const older = JSON.stringify({ v: 1, fp: "c", answers: { 1: [1] }, checked: { 1: "correct" }, best: 1, done: true, t: 1 });
  const quizzes = { qa: { fp: "a", total: 2 }, qb: { fp: "b", total: 1 }, qc: { fp: "c", total: 1 }, qd: { fp: "d", total: 1 } };
  const current = { qa: finished, qb: lower, qc: older, qd: null };
  const incoming = { qa: halfway, qb: higher, qc: newer, qd: JSON.stringify({ v: 1, fp: "d", answers: {}, checked: {}, best: 0, done: false }) };
  const merged = I.mergeImport(current, incoming, quizzes);
  assert.deepEqual(Object.keys(merged.write).sort(), ["qb", "qc", "qd"], "the finished quiz is not replaced by an older, unfinished one");
  assert.deepEqual([merged.updated, merged.kept], [3, 1]);
  const T = {
    importDone: "Progress imported: {changes}.", importEmpty: "nothing", importUpdated: "{count} quizzes updated",
    importUpdatedOne: "1 quiz updated", importKept: "{count} kept because your saved result is better",
    importKeptOne: "1 kept because your saved result is better", importSame: "{count} same", importSameOne: "1 same",
    importSkipped: "{count} left out", importSkippedOne: "1 left out",
  };
  assert.equal(I.importSummary(merged, 0, T), "Progress imported: 3 quizzes updated, 1 kept because your saved result is better.");
  assert.equal(I.importSummary({ updated: 0, kept: 0, same: 0 }, 2, T), "Progress imported: 2 left out.");
});

test("an import leaves out unknown quizzes and other versions, and refuses prototype keys", () => {
  const ns = "aipol.v1";
  const entry = JSON.stringify({ v: 1, fp: "a", answers: {}, checked: {}, best: 0, done: false });
  const file = (entries) => JSON.stringify({ format: "aipol-progress", version: 1, namespace: ns, exported: "x", entries });
  const quizzes = { [ns + ":quiz:one"]: { fp: "a", total: 2 } };
  const parsed = I.parseImport(file({ [ns + ":quiz:one"]: entry, [ns + ":quiz:gone"]: entry }), ns, quizzes);
  assert.deepEqual(Object.keys(parsed), [ns + ":quiz:one"]);
  assert.equal(parsed.skipped, 1);
  const tooHigh = JSON.stringify({ v: 1, fp: "a", answers: {}, checked: {}, best: 99, done: true });
  assert.equal(I.parseImport(file({ [ns + ":quiz:one"]: tooHigh }), ns, quizzes).skipped, 1);
  assert.throws(() => I.parseImport(file({ ["__proto__"]: entry }), ns, quizzes));
});

test("a refused write is reported once and kept in memory for the page", () => {
  const store = new Map();
  let quota = 2;
  global.window = { localStorage: {
    setItem(k, v) { if (k !== "__aipol_probe__" && quota-- <= 0) throw new Error("QuotaExceededError"); store.set(k, String(v)); },
    getItem(k) { return store.has(k) ? store.get(k) : null; },
    removeItem(k) { store.delete(k); },
    get length() { return store.size; },
    key(i) { return [...store.keys()][i]; },
  } };
  let told = 0;
  const storage = S.openStorage(() => { told += 1; });
  assert.equal(storage.set("a", "1"), true);
  assert.equal(storage.set("b", "2"), true);
  assert.equal(storage.set("c", "3"), false, "the third write is refused");
  assert.equal(storage.set("d", "4"), false);
  assert.equal(told, 1, "the learner is told once");
  assert.equal(storage.get("c"), "3", "the answer lasts for the page");
  assert.deepEqual(storage.keys().sort(), ["a", "b", "c", "d"], "and is in an export");
  const state = S.emptyState("fp");
  assert.equal(S.saveQuiz(storage, "e", state, 1234), false);
  assert.equal(JSON.parse(storage.get("e")).t, 1234);
  delete global.window;
});
