// The use-case screening (evaluateScreening in course-tool-screening.js): fail-safe results, several
// functions at once, explanations. A small questionnaire stands in for the site's, so each rule of
// the engine shows on its own; the site's own rules are checked by tests/test_screening_cases.py.
const test = require("node:test");
const assert = require("node:assert/strict");
const K = require("../../sphinx_course/theme/static/course-tool-screening.js");

const yesNoUnsure = [{ id: "yes", label: "Yes" }, { id: "no", label: "No" }, { id: "unsure", label: "Not sure", short: "not sure", unsure: true }];
const data = {
  id: "mini-screening", version: 1, kind: "screening",
  questions: [
    { id: "purpose", short: "function", multiple: true, deciding: true, aliases: ["use"],
      options: [{ id: "live", label: "Live identification", short: "live" }, { id: "bot", label: "Chatbot", short: "chatbot" },
        { id: "triage", label: "Call triage", short: "triage" }, { id: "admin", label: "Administration", short: "admin" }] },
    { id: "scope", short: "where", deciding: true, options: [{ id: "eu", label: "In the EU" }, { id: "outside", label: "Outside the EU" }] },
    { id: "place", short: "public space", deciding: [{ purpose: ["live"] }], confirm: "whether the place is public", options: yesNoUnsure },
    { id: "law", short: "national law", deciding: [{ purpose: ["live"], place: ["yes"] }], confirm: "that national law enables it", options: yesNoUnsure },
    { id: "narrow", short: "narrow task", options: yesNoUnsure },
  ],
  rules: [
    { id: "away", when: { scope: ["outside"] }, category: "out-of-scope", article: "Art. 2", finding: "Outside." },
    { id: "ban", when: { purpose: ["live"], place: ["yes"], law: ["no"] }, category: "prohibited", article: "Art. 5(5)", finding: "Banned.",
      duties: [{ text: "Do not use it.", article: "Art. 5(5)" }] },
    { id: "exception", when: { purpose: ["live"], place: ["yes"], law: ["yes"] }, category: "high-risk", annex: "Annex III, point 1(a)", article: "Art. 5(2)", finding: "Exception." },
    { id: "private", when: { purpose: ["live"], place: ["no"] }, category: "high-risk", annex: "Annex III, point 1(a)", article: "Art. 6(2)", finding: "High-risk.",
      duties: [{ text: "Register.", article: "Art. 49" }] },
    { id: "triage", when: { purpose: ["triage"] }, unless: { narrow: ["yes"] }, category: "high-risk", annex: "Annex III, point 5(d)", article: "Art. 6(2)", finding: "Triage.",
      duties: [{ text: "Register.", article: "Art. 49" }] },
    { id: "bot", when: { purpose: ["bot"] }, category: "transparency", article: "Art. 50(1)", finding: "Say it is AI.",
      duties: [{ text: "Say it is AI.", article: "Art. 50(1)" }] },
  ],
};
const inEU = (answers) => ({ scope: "eu", ...answers });

test("nothing answered: incomplete, no category, the deciding questions listed, no findings", () => {
  const r = K.evaluateScreening(data, {});
  assert.equal(r.verdict, "incomplete");
  assert.equal(r.category, null);
  assert.deepEqual(r.missing.map((m) => m.question), ["purpose", "scope"]);
  assert.deepEqual([r.findings, r.duties, r.rules], [[], [], []]);
});

test("a conditional question becomes deciding once its condition holds", () => {
  assert.deepEqual(K.evaluateScreening(data, inEU({ purpose: ["live"] })).missing.map((m) => m.question), ["place"]);
  assert.deepEqual(K.evaluateScreening(data, inEU({ purpose: ["live"], place: "yes" })).missing.map((m) => m.question), ["law"]);
  // "not sure" about the place asks the national-law question too: uncertainty asks more, not less.
  assert.deepEqual(K.evaluateScreening(data, inEU({ purpose: ["live"], place: "unsure" })).missing.map((m) => m.question), ["law"]);
  assert.equal(K.evaluateScreening(data, inEU({ purpose: ["live"], place: "yes" })).verdict, "incomplete");
});

test("national law 'not sure' is a possible ban, naming what to confirm, and never opens the exception", () => {
  const r = K.evaluateScreening(data, inEU({ purpose: ["live"], place: "yes", law: "unsure" }));
  assert.equal(r.verdict, "possibly-prohibited");
  assert.equal(r.category, "prohibited");
  assert.deepEqual(r.confirm, [{ question: "law", label: "national law", text: "that national law enables it" }]);
  assert.deepEqual(r.possible, ["ban"]);
  assert.ok(!r.rules.includes("exception"));
  assert.deepEqual(r.findings.map((f) => [f.id, f.confirm]), [["ban", ["law"]]]);
  assert.deepEqual(r.duties.map((d) => d.text), ["Do not use it."]);
});

test("'not sure' about a place is also read as the worrying answer", () => {
  const r = K.evaluateScreening(data, inEU({ purpose: ["live"], place: "unsure", law: "no" }));
  assert.equal(r.verdict, "possibly-prohibited");
  assert.deepEqual(r.confirm.map((c) => c.question), ["place"]);
});

test("a ban found on the answers given stands while other answers are missing", () => {
  const r = K.evaluateScreening(data, { purpose: ["live"], place: "yes", law: "no" });
  assert.equal(r.verdict, "prohibited");
  assert.deepEqual(r.missing.map((m) => m.question), ["scope"]);
});

test("several functions: the most severe category, the union of duties, which function asked for each", () => {
  const r = K.evaluateScreening(data, inEU({ purpose: ["bot", "triage", "live"], place: "no" }));
  assert.equal(r.verdict, "high-risk");
  assert.deepEqual(r.rules, ["private", "triage", "bot"]);
  assert.deepEqual(r.annex, ["Annex III, point 1(a)", "Annex III, point 5(d)"]);
  assert.deepEqual(r.duties, [
    { text: "Register.", article: "Art. 49", functions: ["live", "triage"] },
    { text: "Say it is AI.", article: "Art. 50(1)", functions: ["chatbot"] },
  ]);
  assert.deepEqual(r.findings.find((f) => f.id === "triage").functions, ["triage"]);
});

test("each finding says which answers triggered it", () => {
  const r = K.evaluateScreening(data, inEU({ purpose: ["live", "bot"], place: "yes", law: "no" }));
  const ban = r.findings.find((f) => f.id === "ban");
  assert.equal(K.becauseText(ban), "function: live; public space: Yes; national law: No");
});

test("'what would change this' names single answers that move the category", () => {
  const r = K.evaluateScreening(data, inEU({ purpose: ["live"], place: "yes", law: "no" }));
  assert.deepEqual(r.changes.map((c) => [c.question, c.answer, c.verdict]), [
    ["place", "No", "high-risk"], ["law", "Yes", "high-risk"],
  ]);  // "not sure" would only turn the ban into a possible ban, which reads the same: not listed
  const both = K.evaluateScreening(data, inEU({ purpose: ["bot", "triage"] }));
  assert.deepEqual(both.changes.map((c) => [c.answer, c.removed, c.verdict]), [["triage", true, "transparency"]]);
});

test("'unless' exempts only on a definite answer, never on 'not sure'", () => {
  assert.equal(K.evaluateScreening(data, inEU({ purpose: ["triage"], narrow: "yes" })).verdict, "unmatched");
  assert.equal(K.evaluateScreening(data, inEU({ purpose: ["triage"], narrow: "unsure" })).verdict, "high-risk");
});

test("outside the scope every other rule is set aside", () => {
  const r = K.evaluateScreening(data, { scope: "outside", purpose: ["live"], place: "yes", law: "no" });
  assert.equal(r.verdict, "out-of-scope");
  assert.deepEqual([r.rules, r.possible, r.duties], [["away"], [], []]);
});

test("no matching rule gives no category, not 'minimal'", () => {
  const r = K.evaluateScreening(data, inEU({ purpose: ["admin"] }));
  assert.equal(r.verdict, "unmatched");
  assert.equal(r.category, null);
});

test("old question ids kept as aliases, and a single answer to a 'choose all' question, still work", () => {
  const r = K.evaluateScreening(data, { use: "bot", scope: "eu" });
  assert.equal(r.verdict, "transparency");
  assert.deepEqual(K.normaliseAnswers(data, { use: "bot" }), { purpose: ["bot"] });
});

test("saved and imported answers: lists only for 'choose all' questions, each option once", () => {
  assert.ok(K.validAnswers(data, { purpose: ["live", "bot"], place: "no" }));
  assert.ok(K.validAnswers(data, { use: ["bot"] }));
  assert.ok(!K.validAnswers(data, { purpose: ["live", "live"] }));
  assert.ok(!K.validAnswers(data, { place: ["no"] }));
  assert.ok(!K.validAnswers(data, { purpose: ["nothing"] }));
});

test("CSV export carries the verdict, what is missing and why each finding applies", () => {
  const answers = inEU({ purpose: ["live"], place: "yes", law: "unsure" });
  const rows = K.screeningRows(data, answers, K.evaluateScreening(data, answers));
  assert.equal(rows[1][1], "Live identification");
  assert.deepEqual(rows.find((r) => r[0] === "Indicative category"), ["Indicative category", "possibly-prohibited"]);
  assert.deepEqual(rows.find((r) => r[0] === "To confirm"), ["To confirm", "that national law enables it"]);
  assert.match(rows[rows.length - 1][1], /^Banned\. Because you answered: function: live; public space: Yes; national law: not sure$/);
});

test("screening answers never accept prototype keys as question ids", () => {
  const tiny = { kind: "screening", questions: [{ id: "q", options: [{ id: "yes" }] }] };
  for (const key of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
    assert.equal(K.validAnswers(tiny, JSON.parse(`{"${key}": "yes"}`)), false, key);
  }
  assert.equal(K.validAnswers(tiny, { q: "yes" }), true);
});
