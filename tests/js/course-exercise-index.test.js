// Unit tests of the exercise index's pure filtering and sorting, run with Node's test runner.
const test = require("node:test");
const assert = require("node:assert/strict");
const X = require("../../sphinx_course/theme/static/course-exercise-index.js");

// Columns as the table has them: exercise, track, minutes, length, principles.
const rows = [
  ["Drift", "Leadership course", "60", "45–90 minutes", "Minimization of Harm, Fairness"],
  ["Deepfake", "Counter-terrorism", "75", "45–90 minutes", "Lawfulness, Good Governance"],
  ["Chatbot", "Leadership course", "45", "Up to 45 minutes", "Human Autonomy"],
  ["Festival", "Counter-terrorism", "120", "Over 90 minutes", "Lawfulness, Fairness"],
];

test("a principles cell holds several values; other cells one", () => {
  assert.deepEqual(X.cellValues(" Lawfulness, Good Governance ", true), ["Lawfulness", "Good Governance"]);
  assert.deepEqual(X.cellValues("Leadership course", false), ["Leadership course"]);
  assert.deepEqual(X.cellValues("  ", true), []);
});

test("filter options are each column's distinct values in table order", () => {
  assert.deepEqual(X.distinctValues(rows, 1, false), ["Leadership course", "Counter-terrorism"]);
  assert.deepEqual(X.distinctValues(rows, 4, true), ["Minimization of Harm", "Fairness", "Lawfulness", "Good Governance", "Human Autonomy"]);
});

test("filters combine; an empty value means all", () => {
  const shown = (filters) => rows.filter((r) => X.matches(r, filters)).map((r) => r[0]);
  assert.deepEqual(shown([]), ["Drift", "Deepfake", "Chatbot", "Festival"]);
  assert.deepEqual(shown([{ column: 4, value: "Fairness", several: true }]), ["Drift", "Festival"]);
  assert.deepEqual(shown([{ column: 1, value: "Counter-terrorism" }, { column: 3, value: "45–90 minutes" }]), ["Deepfake"]);
  assert.deepEqual(shown([{ column: 1, value: "" }, { column: 4, value: "Fair", several: true }]), [], "whole values only");
});

test("sorting compares minutes as numbers and text alphabetically, ties in table order", () => {
  assert.deepEqual(X.sortOrder(rows, 2, false), [2, 0, 1, 3], "45 < 60 < 75 < 120, not as text");
  assert.deepEqual(X.sortOrder(rows, 2, true), [3, 1, 0, 2]);
  assert.deepEqual(X.sortOrder(rows, 0, false), [2, 1, 0, 3]);
  assert.deepEqual(X.sortOrder(rows, 1, false), [1, 3, 0, 2], "ties keep their order");
});
