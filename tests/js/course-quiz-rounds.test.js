// Unit tests of the pure rules of the final check and "review my mistakes" (course-quiz-rounds.js),
// and of the shuffling and review-list rules they share with every quiz (course-store.js).
const test = require("node:test");
const assert = require("node:assert/strict");
const S = require("../../sphinx_course/theme/static/course-store.js");
const R = require("../../sphinx_course/theme/static/course-quiz-rounds.js");

function fakeStorage(initial) {
  const data = { ...initial };
  return { get: (k) => (k in data ? data[k] : null), set: (k, v) => { data[k] = String(v); return true; }, data };
}

test("a seeded order is a permutation, the same for the same seed and question", () => {
  for (const count of [2, 3, 4, 6, 9]) {
    const order = S.seededOrder("0123456789abcdef", "leadership-m1/3", count);
    assert.deepEqual([...order].sort((a, b) => a - b), [...Array(count).keys()]);
    assert.deepEqual(S.seededOrder("0123456789abcdef", "leadership-m1/3", count), order);
  }
});

test("two learners (two seeds) mostly see different orders; one learner's questions differ too", () => {
  let differentLearners = 0, differentQuestions = 0;
  for (let i = 0; i < 200; i++) {
    const seed = i.toString(16).padStart(16, "0");
    const other = (i + 1000).toString(16).padStart(16, "0");
    if (S.seededOrder(seed, "q/1", 5).join() !== S.seededOrder(other, "q/1", 5).join()) differentLearners++;
    if (S.seededOrder(seed, "q/1", 5).join() !== S.seededOrder(seed, "q/2", 5).join()) differentQuestions++;
  }
  // 1 in 120 orders coincide by chance for 5 options.
  assert.ok(differentLearners > 190, `only ${differentLearners} of 200 pairs of learners differ`);
  assert.ok(differentQuestions > 190, `only ${differentQuestions} of 200 pairs of questions differ`);
});

test("each option lands in each position about equally often", () => {
  const counts = [0, 1, 2, 3].map(() => [0, 0, 0, 0]);
  for (let i = 0; i < 4000; i++) {
    S.seededOrder("seed" + i, "quiz/1", 4).forEach((option, position) => { counts[option][position]++; });
  }
  for (const row of counts) for (const n of row) assert.ok(n > 850 && n < 1150, `a count of ${n} in 4000 is not uniform`);
});

test("the learner's seed is made once from a random value and kept", () => {
  const storage = fakeStorage();
  let calls = 0;
  const random = () => { calls++; return "00000000deadbeef"; };
  assert.equal(S.learnerSeed(storage, "ns", random), "00000000deadbeef");
  assert.equal(storage.data["ns:seed"], "00000000deadbeef");
  assert.equal(S.learnerSeed(storage, "ns", random), "00000000deadbeef");
  assert.equal(calls, 1, "a saved seed is reused, never remade");
  const tampered = fakeStorage({ "ns:seed": "not a seed" });
  assert.equal(S.learnerSeed(tampered, "ns", () => "1111111111111111"), "1111111111111111");
});

test("the review list: a miss puts a question on, two right answers in a row take it off", () => {
  assert.equal(S.reviewStep(null, "fp1", "incorrect"), "fp1:0");
  assert.equal(S.reviewStep(null, "fp1", "partial"), "fp1:0");
  assert.equal(S.reviewStep(null, "fp1", "correct"), null, "a question never missed stays off");
  assert.equal(S.reviewStep("fp1:0", "fp1", "correct"), "fp1:1");
  assert.equal(S.reviewStep("fp1:1", "fp1", "correct"), null);
  assert.equal(S.reviewStep("fp1:1", "fp1", "incorrect"), "fp1:0", "a miss starts the count again");
  assert.equal(S.reviewStep("old:0", "fp1", "correct"), null, "an entry for an older version of the quiz is dropped");
  assert.ok(R.isDue("fp1:0", "fp1") && R.isDue("fp1:1", "fp1"));
  assert.ok(!R.isDue("old:0", "fp1") && !R.isDue(null, "fp1") && !R.isDue("fp1:2", "fp1"));
});

test("a draw takes the number asked from each unit, preferring questions not drawn last time", () => {
  const pools = [["a1", "a2", "a3", "a4"], ["b1", "b2", "b3"], ["c1"]];
  let i = 0;
  const random = () => [0.9, 0.1, 0.5, 0.3, 0.7, 0.2, 0.4, 0.8][i++ % 8];
  const first = R.drawRound(pools, 2, [], random);
  assert.equal(first.length, 5, "2 + 2 + the 1 there is");
  assert.deepEqual(first.filter((id) => id[0] === "a").length, 2);
  const second = R.drawRound(pools, 2, first, Math.random);
  assert.deepEqual(second.filter((id) => id[0] === "a").sort(), ["a1", "a2", "a3", "a4"].filter((id) => !first.includes(id)).sort());
  assert.ok(second.filter((id) => id[0] === "b").some((id) => !first.includes(id)), "unit b's draw changes");
  assert.ok(second.includes("c1"), "a pool of one is drawn every time");
});

test("objectives are met only when every question checking them was right", () => {
  const split = R.objectiveResults([
    { href: "m1.html#objective-a", text: "A", right: true },
    { href: "m1.html#objective-b", text: "B", right: true },
    { href: "m1.html#objective-a", text: "A", right: false },
    { href: "m2.html#objective-c", text: "C", right: true },
  ]);
  assert.deepEqual(split.met.map((o) => o.text), ["B", "C"]);
  assert.deepEqual(split.missed.map((o) => [o.text, o.href]), [["A", "m1.html#objective-a"]]);
});

test("a final check's record keeps valid attempts and the best one", () => {
  const record = R.parseRecord(JSON.stringify({ v: 1, last: ["x"], attempts: [
    { date: "2026-12-01", score: 9, total: 18 }, { date: "2026-12-03", score: 15, total: 18 }, { date: "2026-12-05", score: 15, total: 18 },
  ] }));
  assert.equal(record.attempts.length, 3);
  assert.deepEqual(R.bestAttempt(record.attempts), { date: "2026-12-05", score: 15, total: 18 }, "ties go to the latest");
  assert.deepEqual(R.parseRecord("{not json"), { v: 1, attempts: [], last: [] });
  assert.deepEqual(R.parseRecord(JSON.stringify({ v: 1, attempts: [{ date: "today", score: 1, total: 2 }] })).attempts, []);
  assert.deepEqual(R.parseRecord(JSON.stringify({ v: 1, attempts: [{ date: "2026-12-01", score: 3, total: 2 }] })).attempts, []);
  assert.equal(R.bestAttempt([]), null);
});

test("an exported file brings the seed, review list and final-check record back, and never overwrites them", () => {
  const I = require("../../sphinx_course/theme/static/course-import.js");
  const file = JSON.stringify(S.exportPayload("ns", {
    "ns:seed": "0123456789abcdef", "ns:review:leadership-m1/2": "abcdef012345:1",
    "ns:final:final-leadership": JSON.stringify({ v: 1, attempts: [{ date: "2026-12-01", score: 3, total: 4 }], last: [] }),
  }, "2026-12-07T00:00:00Z"));
  const entries = I.parseImport(file, "ns", {});
  assert.deepEqual(Object.keys(entries).sort(), ["ns:final:final-leadership", "ns:review:leadership-m1/2", "ns:seed"]);
  const merged = I.mergeImport({ "ns:seed": "ffffffffffffffff" }, entries, {});
  assert.equal(merged.write["ns:seed"], undefined, "this browser's own seed is kept");
  assert.equal(merged.write["ns:review:leadership-m1/2"], "abcdef012345:1");
  assert.throws(() => I.parseImport(JSON.stringify(S.exportPayload("ns", { "ns:review:x/1": "<script>" }, "")), "ns", {}));
});
