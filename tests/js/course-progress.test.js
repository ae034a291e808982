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
