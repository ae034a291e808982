// What every tool shares (course-tool-core.js): CSV, the exported file format, and reading saved
// or imported answers through the tool kind's own check.
const test = require("node:test");
const assert = require("node:assert/strict");
const core = require("../../sphinx_course/theme/static/course-tool-core.js");

// A tool kind whose answers are "yes" or "no" for its known ids.
const tool = { id: "mini", version: 3 };
const valid = (data, answers) => {
  const known = core.idSet(["q1", "q2"]);
  return Object.keys(answers).every((k) => known[k] === true && ["yes", "no"].includes(answers[k]));
};

test("CSV quotes cells with commas, quotes or line breaks, and leaves empty values empty", () => {
  assert.equal(core.toCSV([["a", 'say "hi"', "x,y"], [1, null, 2], ["two\nlines", undefined, 0]]),
    'a,"say ""hi""","x,y"\n1,,2\n"two\nlines",,0\n');
});

test("an export names the format, the tool and its version, the time, the answers and the result", () => {
  assert.deepEqual(core.exportFile(tool, { q1: "yes" }, { verdict: "x" }, "2026-12-07T02:00:00Z"), {
    format: "aipol-tool", tool: "mini", version: 3, exported: "2026-12-07T02:00:00Z", answers: { q1: "yes" }, result: { verdict: "x" },
  });
  assert.equal(core.exportFile(tool, {}, undefined, "now").result, null);
});

test("an import is refused unless it is this tool's file, of this version, with answers the kind accepts", () => {
  const file = (changes) => JSON.stringify({ ...core.exportFile(tool, { q1: "no" }, null, "now"), ...changes });
  assert.deepEqual(core.parseToolFile(file({}), tool, valid), { q1: "no" });
  for (const [why, changes] of [
    ["another format", { format: "other" }], ["another tool", { tool: "other" }], ["another version", { version: 2 }],
    ["an answer the kind refuses", { answers: { q1: "maybe" } }], ["an unknown id", { answers: { q9: "yes" } }],
    ["answers that are a list", { answers: ["yes"] }], ["no answers", { answers: null }],
  ]) {
    assert.throws(() => core.parseToolFile(file(changes), tool, valid), /not a file from this tool/, why);
  }
  assert.throws(() => core.parseToolFile("null", tool, valid), /not a file from this tool/);
  assert.throws(() => core.parseToolFile("{not json", tool, valid), SyntaxError);
});

test("saved answers come back only when they are readable and still valid", () => {
  const saved = JSON.stringify({ answers: { q1: "yes" }, result: { kept: true } });
  assert.deepEqual(core.parseSavedAnswers(saved, tool, valid), { answers: { q1: "yes" }, result: { kept: true } });
  assert.equal(core.parseSavedAnswers(null, tool, valid), null, "nothing saved");
  assert.equal(core.parseSavedAnswers("{broken", tool, valid), null);
  assert.equal(core.parseSavedAnswers(JSON.stringify({ answers: { q3: "yes" } }), tool, valid), null, "a question since removed");
  assert.equal(core.parseSavedAnswers(JSON.stringify({ answers: "yes" }), tool, valid), null);
});

test("a set of ids never holds the prototype's names", () => {
  const known = core.idSet(["a"]);
  assert.equal(known.a, true);
  for (const key of ["constructor", "__proto__", "toString", "hasOwnProperty"]) assert.notEqual(known[key], true, key);
});
