// Pure rubric self-review functions: saved ratings and the summary of what to strengthen first.
const test = require("node:test");
const assert = require("node:assert/strict");
const R = require("../../sphinx_course/theme/static/course-rubric.js");
const S = require("../../sphinx_course/theme/static/course-store.js");
const I = require("../../sphinx_course/theme/static/course-import.js");

const criteria = [{ id: "vision", title: "Vision" }, { id: "law", title: "Law" }, { id: "budget", title: "Budget" }];

test("the key sits in the site's namespace", () => {
  assert.equal(R.rubricKey("aipol.v1", "strategy-rubric"), "aipol.v1:rubric:strategy-rubric");
});

test("saved ratings are kept only for this version and for known criteria and levels", () => {
  const text = JSON.stringify({ v: 1, version: 1, ratings: { vision: 2, law: 0, gone: 1, budget: 9 } });
  assert.deepEqual(R.parseRatings(text, 1, ["vision", "law", "budget"], 3), { vision: 2, law: 0 });
  assert.deepEqual(R.parseRatings(text, 2, ["vision", "law", "budget"], 3), {});
  assert.deepEqual(R.parseRatings("not json", 1, ["vision"], 3), {});
  assert.deepEqual(R.parseRatings(null, 1, ["vision"], 3), {});
});

test("the summary names the lowest-rated criteria, in rubric order", () => {
  assert.deepEqual(R.summarise(criteria, { vision: 1, law: 0, budget: 0 }, 3),
    { done: 3, total: 3, weakest: ["Law", "Budget"], allStrong: false });
  assert.deepEqual(R.summarise(criteria, { vision: 2 }, 3), { done: 1, total: 3, weakest: [], allStrong: false });
  assert.deepEqual(R.summarise(criteria, {}, 3), { done: 0, total: 3, weakest: [], allStrong: false });
  assert.deepEqual(R.summarise(criteria, { vision: 2, law: 2, budget: 2 }, 3), { done: 3, total: 3, weakest: [], allStrong: true });
});

test("a progress file with self-review ratings imports", () => {
  const value = JSON.stringify({ v: 1, version: 1, ratings: { vision: 2 } });
  const file = JSON.stringify(S.exportPayload("aipol.v1", { "aipol.v1:rubric:strategy-rubric": value }, "now"));
  assert.deepEqual({ ...I.parseImport(file, "aipol.v1") }, { "aipol.v1:rubric:strategy-rubric": value });
});
