// Unit tests of the pure functions in course-search.js, run with Node's built-in test runner.
const test = require("node:test");
const assert = require("node:assert/strict");
const S = require("../../sphinx_course/theme/static/course-search.js");

const rights = [
  ["", "Police use of AI affects people’s rights. This page explains those rights in plain words."],
  ["how-to-complain", "If you think a police system treated you unfairly, you can complain to the force first, then to the data protection authority."],
];

test("query words are lower-cased and one-letter words dropped", () => {
  assert.deepEqual(S.queryWords("  Your RIGHTS a "), ["your", "rights"]);
  assert.deepEqual(S.queryWords(null), []);
});

test("a result link gives its page and anchor", () => {
  assert.deepEqual(S.docAndAnchor("docs/public/your-rights.html#how-to-complain", ".html"),
    { doc: "docs/public/your-rights", anchor: "how-to-complain" });
  assert.deepEqual(S.docAndAnchor("index.html", ".html"), { doc: "index", anchor: "" });
});

test("the snippet comes from the anchored section, else the first section holding a query word", () => {
  assert.match(S.pickSnippet(rights, "how-to-complain", ["rights"]), /^If you think/);
  assert.match(S.pickSnippet(rights, "", ["authority"]), /^If you think/);
  assert.match(S.pickSnippet(rights, "", ["nothing-matches"]), /^Police use of AI/);
  assert.equal(S.pickSnippet(undefined, "", ["x"]), "");
});

test("a long section is cut to a window around the first match, at word boundaries, with ellipses", () => {
  const long = [["", "word ".repeat(100) + "proportionality test " + "tail ".repeat(100)]];
  const snippet = S.pickSnippet(long, "", ["proportionality"], 120);
  assert.ok(snippet.includes("proportionality test"), snippet);
  assert.ok(snippet.startsWith("…") && snippet.endsWith("…"), snippet);
  assert.ok(snippet.length <= 122, `too long: ${snippet.length}`);
  assert.ok(!/\bwor\b|\btai\b/.test(snippet), "cut mid-word: " + snippet);
});

test("a title holding the query as typed outranks one holding its words, which outranks the rest", () => {
  assert.equal(S.titleBonus("Your rights and the safeguards", ["your", "rights"]), 100);
  assert.equal(S.titleBonus("Rights: yours to claim", ["your", "rights"]), 20);
  assert.equal(S.titleBonus("Module 3: Law and human rights", ["your", "rights"]), 0);
  assert.equal(S.titleBonus("Anything", []), 0);
});
