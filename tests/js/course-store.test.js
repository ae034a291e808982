// Unit tests of the pure functions in course-store.js, run with Node's built-in test runner.
const test = require("node:test");
const assert = require("node:assert/strict");
const S = require("../../sphinx_course/static/course-store.js");

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

test("format fills named placeholders and leaves unknown ones", () => {
  assert.equal(S.format("{score} of {total}", { score: 4, total: 5 }), "4 of 5");
  assert.equal(S.format("{x}", {}), "{x}");
});

test("import accepts our own export and rejects anything else", () => {
  const state = JSON.stringify({ v: 1, fp: "abc", answers: {}, checked: {}, best: 0, done: false });
  const file = JSON.stringify(S.exportPayload("aipol.v1", { "aipol.v1:quiz:m1": state }, "2026-11-29T00:00:00Z"));
  assert.deepEqual(Object.keys(S.parseImport(file, "aipol.v1")), ["aipol.v1:quiz:m1"]);
  assert.throws(() => S.parseImport(file, "other.v1"));
  assert.throws(() => S.parseImport("[]", "aipol.v1"));
  assert.throws(() => S.parseImport("garbage", "aipol.v1"));
  const foreign = JSON.stringify(S.exportPayload("aipol.v1", { "elsewhere:key": state }, "x"));
  assert.throws(() => S.parseImport(foreign, "aipol.v1"));
  const tampered = JSON.stringify(S.exportPayload("aipol.v1", { "aipol.v1:quiz:m1": "{bad" }, "x"));
  assert.throws(() => S.parseImport(tampered, "aipol.v1"));
});

test("where to continue: the unit in progress, else the first not completed, once begun", () => {
  assert.equal(S.nextUnit(["not-started", "not-started"]), null, "nothing begun: no suggestion");
  assert.equal(S.nextUnit(["completed", "started", "not-started"]), 1);
  assert.equal(S.nextUnit(["completed", "not-started", "started"]), 2, "a unit in progress comes first");
  assert.equal(S.nextUnit(["completed", "not-started", "not-started"]), 1);
  assert.equal(S.nextUnit(["not-started", "completed"]), 0, "a skipped unit is suggested");
  assert.equal(S.nextUnit(["completed", "completed"]), null, "all done");
});
