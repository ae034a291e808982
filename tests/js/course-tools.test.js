// Unit tests of the tools' pure scoring and export functions (course-tools.js).
const test = require("node:test");
const assert = require("node:assert/strict");
const K = require("../../sphinx_course/theme/static/course-tools.js");

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

// The screening engine has its own tests: screening.test.js.

test("exports: CSV quoting and builder Markdown", () => {
  assert.equal(K.toCSV([["a", 'say "hi"', "x,y"], [1, null, 2]]), 'a,"say ""hi""","x,y"\n1,,2\n');
  const builder = { kind: "builder", sections: [{ id: "vision", title: "Vision", prompt: "Why?" }, { id: "budget", title: "Budget", prompt: "How much?" }] };
  assert.equal(K.builderMarkdown(builder, { vision: "Safer streets." }, "Our strategy"),
    "# Our strategy\n\n## Vision\n\nSafer streets.\n\n## Budget\n\n_How much?_\n");
});

test("import accepts only this tool's own, untampered files", () => {
  const good = JSON.stringify(K.exportFile(maturity, { "people-a": 2 }, null, "2026-11-29"));
  assert.deepEqual(K.parseToolFile(good, maturity), { "people-a": 2 });
  const other = JSON.stringify(K.exportFile({ ...maturity, id: "other" }, {}, null, "x"));
  assert.throws(() => K.parseToolFile(other, maturity));
  const tampered = JSON.stringify(K.exportFile(maturity, { "people-a": 9 }, null, "x"));
  assert.throws(() => K.parseToolFile(tampered, maturity));
  const unknown = JSON.stringify(K.exportFile(maturity, { "nobody": 1 }, null, "x"));
  assert.throws(() => K.parseToolFile(unknown, maturity));
  assert.throws(() => K.parseToolFile("not json", maturity));
  assert.equal(K.parseSavedAnswers("{broken", maturity), null);
});

test("the strategy builder reads saved readiness results defensively", () => {
  const T = require("../../sphinx_course/theme/static/course-tools.js");
  const good = JSON.stringify({ answers: {}, result: { dimensions: [
    { label: "Data", score: 3.5, level: "Established" }, { label: "People", score: 1.5, level: "Initial" },
    { label: "Skipped", score: null, level: null }, { label: "Law", score: 2, level: "Developing" },
    { label: "Money", score: 4, level: "Leading" },
  ] } });
  assert.deepEqual(T.readinessPriorities(good).map((d) => d.label), ["People", "Law", "Data"]);
  assert.deepEqual(T.readinessPriorities(null), []);
  assert.deepEqual(T.readinessPriorities(JSON.stringify({ answers: {}, result: null })), []);
  for (const bad of ["{not json", "42", '"text"', "null", '{"result": 5}', '{"result": {"dimensions": "x"}}',
    '{"result": {"dimensions": [null]}}', '{"result": {"dimensions": [{"label": 3, "score": 1, "level": "a"}]}}',
    '{"result": {"dimensions": [{"label": "a", "score": "high", "level": "a"}]}}',
    '{"result": {"dimensions": [{"label": "a", "score": 2}]}}']) {
    assert.equal(T.readinessPriorities(bad), null, bad);
  }
});

test("imported and saved tool answers never accept prototype keys as ids", () => {
  const maturity = { kind: "maturity", scale: [{}, {}, {}, {}], dimensions: [{ statements: [{ id: "a" }] }] };
  const screening = { kind: "screening", questions: [{ id: "q", options: [{ id: "yes" }] }] };
  const builder = { kind: "builder", sections: [{ id: "vision" }] };
  for (const key of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
    assert.equal(K.validAnswers(maturity, JSON.parse(`{"${key}": 2}`)), false, key);
    assert.equal(K.validAnswers(screening, JSON.parse(`{"${key}": "yes"}`)), false, key);
    assert.equal(K.validAnswers(builder, JSON.parse(`{"${key}": "text"}`)), false, key);
  }
  assert.equal(K.validAnswers(maturity, { a: 2 }), true);
  assert.equal(K.validAnswers(maturity, { a: 9 }), false, "a level beyond the scale");
});
