// The readiness self-assessment's pure scoring, comparison, CSV rows and answer checks
// (course-tool-readiness.js).
const test = require("node:test");
const assert = require("node:assert/strict");
const K = require("../../sphinx_course/theme/static/course-tool-readiness.js");
const core = require("../../sphinx_course/theme/static/course-tool-core.js");

const statements = (prefix) => ["a", "b", "c", "d"].map((s) => ({ id: `${prefix}-${s}`, text: s, levels: {} }));
const maturity = {
  id: "mini", version: 1, kind: "maturity",
  scale: [1, 2, 3, 4].map((level) => ({ level, label: ["Initial", "Developing", "Established", "Leading"][level - 1] })),
  dimensions: [
    { id: "people", label: "People", weight: 0.5, statements: statements("people"),
      recommendations: [{ levels: [1, 2], text: "Train", links: [] }, { levels: [3, 4], text: "Share", links: [] }] },
    { id: "data", label: "Data", weight: 0.5, statements: statements("data"),
      recommendations: [{ levels: [1, 2], text: "Document", links: [] }, { levels: [3, 4], text: "Audit", links: [] }] },
  ],
};

test("maturity scores: means, levels, 'not sure' left out, weighted overall", () => {
  const answers = { "people-a": 4, "people-b": 4, "people-c": 3, "people-d": "na", "data-a": 1, "data-b": 2, "data-c": 1, "data-d": 2 };
  const result = K.scoreMaturity(maturity, answers);
  assert.equal(result.answered, 8);
  assert.equal(result.total, 8);
  assert.deepEqual(result.dimensions.map((d) => [d.score, d.level, d.levelLabel, d.answered]), [
    [3.7, 4, "Leading", 3],
    [1.5, 2, "Developing", 4],
  ]);
  assert.equal(result.dimensions[0].percent, 89);
  assert.deepEqual(result.overall, { score: 2.6, level: 3, levelLabel: "Established" });
  assert.deepEqual(result.strongest, ["people"]);
  assert.deepEqual(result.weakest, ["data"]);
  assert.deepEqual(result.dimensions.map((d) => d.recommendations.map((r) => r.text)), [["Share"], ["Document"]]);
});

test("maturity with nothing answered has no score and no recommendations", () => {
  const result = K.scoreMaturity(maturity, {});
  assert.equal(result.overall.score, null);
  assert.deepEqual(result.weakest, []);
  assert.deepEqual(result.dimensions[0].recommendations, []);
});

test("a dimension is scored only when at least 60% of its statements are rated", () => {
  // Four statements each: three ratings (75%) are enough, two (50%) are not; "not sure" is no rating.
  assert.deepEqual([1, 2, 3, 4, 5].map((n) => K.ratingsNeeded(n)), [1, 2, 2, 3, 3]);
  const result = K.scoreMaturity(maturity, { "people-a": 4, "people-b": 2, "people-c": "na", "data-a": 1, "data-b": 2, "data-c": 3 });
  assert.deepEqual(result.dimensions.map((d) => [d.id, d.answered, d.needed, d.score, d.levelLabel]), [
    ["people", 2, 3, null, null], ["data", 3, 3, 2, "Developing"],
  ]);
  assert.deepEqual(result.dimensions[0].recommendations, []);
  assert.equal(result.answered, 6);
});

test("one answer out of eight gives no overall level, no strongest and no weakest", () => {
  const result = K.scoreMaturity(maturity, { "people-a": 4 });
  assert.deepEqual(result.overall, { score: null, level: null, levelLabel: null });
  assert.deepEqual(result.missing, ["people", "data"]);
  assert.deepEqual([result.strongest, result.weakest], [[], []]);
});

test("the overall level waits until every dimension is scored", () => {
  const people = { "people-a": 4, "people-b": 4, "people-c": 3 };
  const partial = K.scoreMaturity(maturity, { ...people, "data-a": 1, "data-b": 1 });
  assert.equal(partial.dimensions[0].score, 3.7);
  assert.deepEqual(partial.missing, ["data"]);
  assert.equal(partial.overall.level, null);
  assert.deepEqual(partial.strongest, []);
  const complete = K.scoreMaturity(maturity, { ...people, "data-a": 1, "data-b": 1, "data-c": 2 });
  assert.deepEqual(complete.missing, []);
  assert.deepEqual(complete.overall, { score: 2.5, level: 3, levelLabel: "Established" });
  assert.deepEqual([complete.strongest, complete.weakest], [["people"], ["data"]]);
});

test("comparison shows the change per dimension, and none where either side has too few ratings", () => {
  const before = K.scoreMaturity(maturity, { "people-a": 2, "people-b": 2, "people-c": 2, "data-a": 1 });
  const after = K.scoreMaturity(maturity, { "people-a": 3, "people-b": 3, "people-c": 3, "data-a": 1, "data-b": 1, "data-c": 1 });
  assert.deepEqual(K.compareMaturity(after, before).map((r) => [r.id, r.before, r.after, r.change]), [
    ["people", 2, 3, 1], ["data", null, 1, null],
  ]);
});

// The screening engine has its own tests (course-tool-screening.test.js), and so has the
// strategy builder (course-tool-strategy.test.js).

test("CSV rows: one per dimension with its score, level and percent, then the overall line", () => {
  const answers = { "people-a": 4, "people-b": 4, "people-c": 3, "people-d": "na", "data-a": 1, "data-b": 2, "data-c": 1, "data-d": 2 };
  assert.deepEqual(K.maturityRows(K.scoreMaturity(maturity, answers)), [
    ["dimension", "answered", "statements", "score", "level", "percent"],
    ["People", 3, 4, 3.7, "Leading", 89],
    ["Data", 4, 4, 1.5, "Developing", 17],
    ["Overall", 8, 8, 2.6, "Established", ""],
  ]);
  assert.equal(core.toCSV(K.maturityRows(K.scoreMaturity(maturity, {}))).split("\n")[1], "People,0,4,,,");
});

test("import accepts only this tool's own, untampered files", () => {
  const parse = (text) => core.parseToolFile(text, maturity, K.validAnswers);
  assert.deepEqual(parse(JSON.stringify(core.exportFile(maturity, { "people-a": 2 }, null, "2026-11-29"))), { "people-a": 2 });
  assert.throws(() => parse(JSON.stringify(core.exportFile({ ...maturity, id: "other" }, {}, null, "x"))));
  assert.throws(() => parse(JSON.stringify(core.exportFile({ ...maturity, version: 2 }, {}, null, "x"))), "another version");
  assert.throws(() => parse(JSON.stringify(core.exportFile(maturity, { "people-a": 9 }, null, "x"))));
  assert.throws(() => parse(JSON.stringify(core.exportFile(maturity, { "nobody": 1 }, null, "x"))));
  assert.throws(() => parse(JSON.stringify(core.exportFile(maturity, { "people-a": 2.5 }, null, "x"))), "between levels");
  assert.throws(() => parse("not json"));
  assert.equal(core.parseSavedAnswers("{broken", maturity, K.validAnswers), null);
});

test("readiness answers: a level on the scale or 'na', for a known statement, never a prototype key", () => {
  const tiny = { kind: "maturity", scale: [{}, {}, {}, {}], dimensions: [{ statements: [{ id: "a" }] }] };
  for (const key of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
    assert.equal(K.validAnswers(tiny, JSON.parse(`{"${key}": 2}`)), false, key);
  }
  assert.equal(K.validAnswers(tiny, { a: 2 }), true);
  assert.equal(K.validAnswers(tiny, { a: "na" }), true);
  assert.equal(K.validAnswers(tiny, { a: 9 }), false, "a level beyond the scale");
  assert.equal(K.validAnswers(tiny, { a: 0 }), false, "a level below the scale");
  assert.equal(K.validAnswers(tiny, { a: "2" }), false, "a level as text");
});

test("a chart bar grows from the line's start: the left, or the right on a right-to-left page", () => {
  assert.deepEqual(K.barGeometry(1, 5, false), { x: 0, width: 1 });      // the first level: a sliver
  assert.deepEqual(K.barGeometry(3, 5, false), { x: 0, width: 50 });
  assert.deepEqual(K.barGeometry(3, 5, true), { x: 50, width: 50 });
  assert.deepEqual(K.barGeometry(5, 5, true), { x: 0, width: 100 });
  assert.deepEqual(K.barGeometry(null, 5, true), { x: 100, width: 0 });  // not scored: no bar
});
