// The strategy builder (course-tool-strategy.js): its Markdown export, its answer check, and how
// it reads the readiness tool's saved results to offer priorities.
const test = require("node:test");
const assert = require("node:assert/strict");
const K = require("../../sphinx_course/theme/static/course-tool-strategy.js");

const builder = { kind: "builder", sections: [{ id: "vision", title: "Vision", prompt: "Why?" }, { id: "budget", title: "Budget", prompt: "How much?" }] };

test("the Markdown export has a section per heading, with the prompt in italics where nothing is written", () => {
  assert.equal(K.builderMarkdown(builder, { vision: "Safer streets." }, "Our strategy"),
    "# Our strategy\n\n## Vision\n\nSafer streets.\n\n## Budget\n\n_How much?_\n");
  assert.equal(K.builderMarkdown(builder, { vision: "  \n", budget: "  Two posts.\n" }, "S"),
    "# S\n\n## Vision\n\n_Why?_\n\n## Budget\n\nTwo posts.\n", "blank text counts as nothing written; text is trimmed");
});

test("builder answers: text for a known section, never a prototype key", () => {
  assert.equal(K.validAnswers(builder, { vision: "text", budget: "" }), true);
  assert.equal(K.validAnswers(builder, { vision: 3 }), false, "a number is not a section's text");
  assert.equal(K.validAnswers(builder, { mission: "text" }), false, "no such section");
  for (const key of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
    assert.equal(K.validAnswers(builder, JSON.parse(`{"${key}": "text"}`)), false, key);
  }
});

test("the strategy builder reads saved readiness results defensively", () => {
  const good = JSON.stringify({ answers: {}, result: { dimensions: [
    { label: "Data", score: 3.5, level: "Established" }, { label: "People", score: 1.5, level: "Initial" },
    { label: "Skipped", score: null, level: null }, { label: "Law", score: 2, level: "Developing" },
    { label: "Money", score: 4, level: "Leading" },
  ] } });
  assert.deepEqual(K.readinessPriorities(good), [
    { label: "People", score: 1.5, level: "Initial" }, { label: "Law", score: 2, level: "Developing" },
    { label: "Data", score: 3.5, level: "Established" },
  ], "the three weakest scored dimensions, weakest first");
  assert.deepEqual(K.readinessPriorities(null), []);
  assert.deepEqual(K.readinessPriorities(JSON.stringify({ answers: {}, result: null })), []);
  const older = JSON.stringify({ result: { dimensions: [{ label: "Data", score: 2, level: 2 }] } });
  assert.deepEqual(K.readinessPriorities(older), [{ label: "Data", score: 2, level: "2" }], "an older saved shape, level as a number");
  for (const bad of ["{not json", "42", '"text"', "null", '{"result": 5}', '{"result": {"dimensions": "x"}}',
    '{"result": {"dimensions": [null]}}', '{"result": {"dimensions": [{"label": 3, "score": 1, "level": "a"}]}}',
    '{"result": {"dimensions": [{"label": "a", "score": "high", "level": "a"}]}}',
    '{"result": {"dimensions": [{"label": "a", "score": 2}]}}']) {
    assert.equal(K.readinessPriorities(bad), null, bad);
  }
});

test("what the readiness tool saves is what the builder reads", () => {
  const R = require("../../sphinx_course/theme/static/course-tool-readiness.js");
  const data = {
    scale: ["Initial", "Developing", "Established", "Leading"].map((label, i) => ({ level: i + 1, label })),
    dimensions: ["people", "data"].map((id) => ({ id, label: id, weight: 1, recommendations: [],
      statements: [{ id: `${id}-1` }, { id: `${id}-2` }] })),
  };
  const result = R.scoreMaturity(data, { "people-1": 4, "people-2": 3, "data-1": 1, "data-2": 2 });
  const saved = JSON.stringify({ answers: {}, result: R.savedResult(result) });
  assert.deepEqual(K.readinessPriorities(saved).map((d) => [d.label, d.level]), [["data", "Developing"], ["people", "Leading"]]);
});
