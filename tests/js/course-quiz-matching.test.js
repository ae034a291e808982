// Grading of matching questions (course-store.js's gradeMatching), which course-quiz.js calls.
const test = require("node:test");
const assert = require("node:assert/strict");
const S = require("../../sphinx_course/theme/static/course-store.js");

test("every pair right is correct", () => {
  assert.deepEqual(S.gradeMatching([2, 0, 1], [2, 0, 1]), { status: "correct", placed: [true, true, true] });
});

test("some pairs right is partly right, and says which", () => {
  assert.deepEqual(S.gradeMatching([2, 1, 1], [2, 0, 1]), { status: "partial", placed: [true, false, true] });
});

test("an item left unchosen counts as wrong", () => {
  assert.deepEqual(S.gradeMatching([2, -1, 1], [2, 0, 1]), { status: "partial", placed: [true, false, true] });
});

test("no pair right is incorrect", () => {
  assert.deepEqual(S.gradeMatching([0, 1, 2], [2, 0, 1]), { status: "incorrect", placed: [false, false, false] });
});

test("nothing chosen is unanswered", () => {
  assert.equal(S.gradeMatching([-1, -1], [0, 1]).status, "unanswered");
});

test("two items may share a category", () => {
  assert.equal(S.gradeMatching([1, 1, 0], [1, 1, 0]).status, "correct");
});
