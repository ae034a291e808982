// Pure debrief functions: storage keys, what counts as an answer, and saved states.
const test = require("node:test");
const assert = require("node:assert/strict");
const D = require("../../sphinx_course/theme/static/course-debrief.js");

test("the key sits in the site's namespace, beside the quiz keys", () => {
  assert.equal(D.debriefKey("aipol.v1", "modules/leadership/01-ai-in-law-enforcement/1"),
    "aipol.v1:debrief:modules/leadership/01-ai-in-law-enforcement/1");
});

test("only written text counts as an answer", () => {
  assert.equal(D.hasAnswer("Pilot A first, with stop criteria."), true);
  assert.equal(D.hasAnswer(""), false);
  assert.equal(D.hasAnswer("   \n\t "), false);
  assert.equal(D.hasAnswer(null), false);
});

test("a saved state round-trips", () => {
  const text = D.serialiseDebrief("My answer", true);
  assert.deepEqual(D.parseDebrief(text), { v: 1, answer: "My answer", revealed: true });
});

test("a debrief is never saved or read as revealed without an answer", () => {
  assert.equal(JSON.parse(D.serialiseDebrief("  ", true)).revealed, false);
  assert.equal(D.parseDebrief('{"v":1,"answer":"","revealed":true}').revealed, false);
});

test("corrupt, foreign or missing states are ignored", () => {
  for (const text of [null, "", "not json", "[]", "null", '{"v":2,"answer":"a","revealed":false}',
    '{"v":1,"answer":3,"revealed":false}', '{"v":1,"answer":"a","revealed":"yes"}']) {
    assert.equal(D.parseDebrief(text), null, String(text));
  }
});

const S = require("../../sphinx_course/theme/static/course-store.js");
const I = require("../../sphinx_course/theme/static/course-import.js");

test("a progress file with debrief answers imports them beside the quiz answers", () => {
  const answer = D.serialiseDebrief("Ask for false positives by group.", true);
  const quiz = JSON.stringify({ v: 1, fp: "abc", answers: { 1: [0] }, checked: {}, best: 0, done: false });
  const file = JSON.stringify(S.exportPayload("aipol.v1", {
    "aipol.v1:debrief:modules/leadership/01-ai-in-law-enforcement/1": answer,
    "aipol.v1:quiz:m1": quiz,
  }, "2026-12-06T00:00:00Z"));
  assert.deepEqual({ ...I.parseImport(file, "aipol.v1") }, {
    "aipol.v1:debrief:modules/leadership/01-ai-in-law-enforcement/1": answer,
    "aipol.v1:quiz:m1": quiz,
  });
});

test("a malformed debrief entry makes the whole import fail, as a bad quiz entry does", () => {
  const file = JSON.stringify(S.exportPayload("aipol.v1", { "aipol.v1:debrief:x/1": '{"v":1,"answer":7}' }, "now"));
  assert.throws(() => I.parseImport(file, "aipol.v1"));
});
