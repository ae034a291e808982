// Unit tests of the progress page's pure rules (course-progress.js): what counts as begun or done,
// and what the Status column says.
const test = require("node:test");
const assert = require("node:assert/strict");
const P = require("../../sphinx_course/theme/static/course-progress.js");
const S = require("../../sphinx_course/theme/static/course-store.js");
const I = require("../../sphinx_course/theme/static/course-import.js");

const T = { completed: "Completed", inProgress: "In progress", notStarted: "Not started", read: "Read", readOnly: "Read; self-check not started" };

test("a unit is done once its self-check is completed, and begun once read or started", () => {
  assert.deepEqual([
    P.unitStage("not-started", false), P.unitStage("not-started", true),
    P.unitStage("started", false), P.unitStage("completed", false), P.unitStage("completed", true),
  ], ["not-started", "started", "started", "completed", "completed"]);
});

test("reading a module makes the course continue there; completing its quiz moves on", () => {
  const read = [P.unitStage("not-started", true), P.unitStage("not-started", false), P.unitStage("not-started", false)];
  assert.equal(S.nextUnit(read), 0);
  const done = [P.unitStage("completed", true), P.unitStage("not-started", false), P.unitStage("not-started", false)];
  assert.equal(S.nextUnit(done), 1);
  assert.equal(S.nextUnit([P.unitStage("not-started", false)]), null);
});

test("the status says whether the unit was read as well as where its self-check stands", () => {
  assert.deepEqual([
    P.statusText(T, "not-started", false), P.statusText(T, "not-started", true),
    P.statusText(T, "started", true), P.statusText(T, "completed", false), P.statusText(T, "completed", true),
  ], ["Not started", "Read; self-check not started", "In progress · Read", "Completed", "Completed · Read"]);
});

test("read marks travel in a progress file; anything else under that key is refused", () => {
  const file = (entries) => JSON.stringify({ format: "aipol-progress", version: 1, namespace: "aipol.v1", entries });
  assert.deepEqual({ ...I.parseImport(file({ "aipol.v1:read:modules/leadership/01-ai": "1" }), "aipol.v1") },
    { "aipol.v1:read:modules/leadership/01-ai": "1" });
  assert.throws(() => I.parseImport(file({ "aipol.v1:read:modules/leadership/01-ai": "<script>" }), "aipol.v1"));
  const merged = I.mergeImport({}, { "aipol.v1:read:modules/leadership/01-ai": "1" }, {});
  assert.deepEqual({ ...merged.write }, { "aipol.v1:read:modules/leadership/01-ai": "1" }, "a unit read elsewhere is read here too");
  assert.equal(P.readKey("aipol.v1", "modules/leadership/01-ai"), "aipol.v1:read:modules/leadership/01-ai");
});

// A course of four units, each {quizStage, read}, as the outline and My progress read them.
const unit = (quizStage, read = false) => ({ quizStage, read });

test("continue: nothing before any start, the unit in progress first, else the first not completed, nothing at the end", () => {
  assert.equal(P.continueIndex([unit("not-started"), unit("not-started")]), null, "before any start");
  assert.equal(P.continueIndex([unit("completed"), unit("not-started"), unit("started")]), 2, "the unit in progress");
  assert.equal(P.continueIndex([unit("completed"), unit("not-started", true), unit("not-started")]), 1, "read counts as begun");
  assert.equal(P.continueIndex([unit("completed"), unit("not-started"), unit("not-started")]), 1, "the first one not completed");
  assert.equal(P.continueIndex([unit("not-started"), unit("completed")]), 0, "an earlier unit skipped");
  assert.equal(P.continueIndex([unit("completed", true), unit("completed")]), null, "every unit completed");
  assert.equal(P.continueIndex([]), null, "a course with no units");
});

test("course totals: quizzes completed with their rounded share, and units read", () => {
  assert.deepEqual(P.courseProgress([unit("completed", true), unit("started", true), unit("not-started"), unit("completed")]),
    { done: 2, read: 2, total: 4, percent: 50 });
  assert.deepEqual(P.courseProgress([unit("completed"), unit("not-started"), unit("not-started")]),
    { done: 1, read: 0, total: 3, percent: 33 });
  assert.deepEqual(P.courseProgress([]), { done: 0, read: 0, total: 0, percent: 0 }, "no division by zero");
  const strings = { overall: "{done} of {total} quizzes completed ({percent}%).", overallRead: "{read} of {total} units read." };
  const totals = P.courseProgress([unit("completed", true), unit("not-started")]);
  assert.equal(S.format(strings.overall, totals) + " " + S.format(strings.overallRead, totals),
    "1 of 2 quizzes completed (50%). 1 of 2 units read.");
});

test("the best-score cell and an outline link's text follow the quiz's stage", () => {
  const T2 = { ...T, completedBest: "Completed, best {score} of {total}" };
  assert.equal(P.bestText({ stage: "completed", best: 5 }, 6), "5 / 6");
  assert.equal(P.bestText({ stage: "started", best: 3 }, 6), "–", "no best score before the quiz is completed");
  assert.equal(P.outlineText(T2, { stage: "completed", best: 4 }, "6"), "Completed, best 4 of 6");
  assert.equal(P.outlineText(T2, { stage: "started", best: 0 }, "6"), "In progress");
  assert.equal(P.outlineText(T2, { stage: "not-started", best: 0 }, "6"), null, "keeps the build-time text");
});
