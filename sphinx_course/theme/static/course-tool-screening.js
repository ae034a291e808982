/* The use-case screening against the EU AI Act: which category a use falls in, failing safe,
   with the answers each finding rests on, what would change it, and its CSV rows (pure, exported
   for Node's test runner and for python -m sphinx_course.cli.screening_check); then its results
   on the page. */
(function (factory) {
  if (typeof module === "object" && module.exports) module.exports = factory(require("./course-tool-core.js"));
  else window.CourseToolScreening = factory(window.CourseToolCore);
})(function (core) {
  "use strict";
  var SEVERITY = ["prohibited", "high-risk", "transparency", "minimal", "out-of-scope"];

  /* Screening. A rule applies when every condition in `when` holds and not every condition in
     `unless` does; a condition holds when the answer (or, for a "choose all that apply" question,
     one of the answers) is among the listed options. The result fails safe:
     - until every deciding question is answered there is no category ("incomplete");
     - a "not sure" answer (an option marked `unsure`) counts as matching any prohibition it could
       lead to, so uncertainty is read as a possible ban, never as permission;
     - an out-of-scope rule (outside the EU, national security, research) sets every other rule aside;
       otherwise the most severe category among the applying rules wins. */
  function answerList(value) {
    if (value === undefined || value === null) return [];
    return Array.isArray(value) ? value : [value];
  }

  /* Answers keyed by current question ids: old ids listed in a question's `aliases` still work,
     and a single answer to a "choose all that apply" question becomes a list of one. */
  function normaliseAnswers(data, answers) {
    var out = {};
    data.questions.forEach(function (q) {
      var names = [q.id].concat(q.aliases || []);
      for (var i = 0; i < names.length; i += 1) {
        var value = answers[names[i]];
        if (value === undefined || value === null || (Array.isArray(value) && !value.length)) continue;
        out[q.id] = q.multiple ? answerList(value).slice() : (Array.isArray(value) ? value[0] : value);
        break;
      }
    });
    return out;
  }

  function questionMap(data) {
    var map = {};
    data.questions.forEach(function (q) { map[q.id] = q; });
    return map;
  }
  function isUnsure(question, optionId) {
    return question.options.some(function (o) { return o.id === optionId && o.unsure; });
  }

  /* How one condition ("question: [options]") stands: "yes", "unsure" (held only through a
     "not sure" answer, when unsure answers are allowed to match), "missing" or "no". */
  function conditionState(question, wanted, answers, unsureMatches) {
    var given = answerList(answers[question.id]);
    if (!given.length) return "missing";
    var list = Array.isArray(wanted) ? wanted : [wanted];
    if (given.some(function (a) { return list.indexOf(a) >= 0; })) return "yes";
    if (unsureMatches && given.some(function (a) { return isUnsure(question, a); })) return "unsure";
    return "no";
  }

  function conditionsHold(conditions, questions, answers, unsureMatches) {
    var keys = Object.keys(conditions || {});
    var unsure = [];
    for (var i = 0; i < keys.length; i += 1) {
      var state = conditionState(questions[keys[i]], conditions[keys[i]], answers, unsureMatches);
      if (state === "unsure") unsure.push(keys[i]);
      else if (state !== "yes") return null;
    }
    return { unsure: unsure };
  }

  function ruleApplies(rule, questions, answers) {
    if (!conditionsHold(rule.when, questions, answers, false)) return false;
    // `unless` exempts only on definite answers: "not sure" never takes a use out of a category.
    return !(rule.unless && conditionsHold(rule.unless, questions, answers, false));
  }

  /* Deciding questions: `deciding: true` always, or a list of conditions of which one must hold
     (a "not sure" answer counts as holding, so uncertainty asks more questions, not fewer). */
  function missingAnswers(data, questions, answers) {
    return data.questions.filter(function (q) {
      if (answers[q.id] !== undefined || !q.deciding) return false;
      if (q.deciding === true) return true;
      return q.deciding.some(function (c) { return conditionsHold(c, questions, answers, true); });
    });
  }

  function optionLabel(question, optionId) {
    var option = question.options.filter(function (o) { return o.id === optionId; })[0];
    return option ? option.short || option.label : optionId;
  }

  /* "because you answered": each condition of the rule with the answers that met it. */
  function becauseOf(rule, questions, answers) {
    return Object.keys(rule.when).map(function (qid) {
      var q = questions[qid], list = Array.isArray(rule.when[qid]) ? rule.when[qid] : [rule.when[qid]];
      var given = answerList(answers[qid]);
      var matched = given.filter(function (a) { return list.indexOf(a) >= 0; });
      if (!matched.length) matched = given.filter(function (a) { return isUnsure(q, a); });
      return { question: qid, label: q.short || q.label, answers: matched.map(function (a) { return optionLabel(q, a); }) };
    });
  }

  function functionsOf(rule, questions, answers) {
    var purpose = functionsQuestion(questions);
    if (!purpose || !rule.when[purpose.id]) return [];
    var list = rule.when[purpose.id];
    return answerList(answers[purpose.id]).filter(function (a) { return list.indexOf(a) >= 0; })
      .map(function (a) { return optionLabel(purpose, a); });
  }
  /* The "what does it do? choose all that apply" question: its answers are the system's functions. */
  function functionsQuestion(questions) {
    var ids = Object.keys(questions).filter(function (k) { return questions[k].multiple; });
    return ids.length ? questions[ids[0]] : null;
  }

  function finding(rule, questions, answers, confirm) {
    return {
      id: rule.id, category: rule.category, article: rule.article, annex: rule.annex || null, finding: rule.finding,
      because: becauseOf(rule, questions, answers), functions: functionsOf(rule, questions, answers),
      confirm: confirm || []
    };
  }

  function classify(data, questions, answers) {
    var applying = data.rules.filter(function (r) { return ruleApplies(r, questions, answers); });
    var outside = applying.filter(function (r) { return r.category === "out-of-scope"; });
    if (outside.length) return { rules: outside, possible: [] };
    // Prohibitions that hold once every "not sure" answer is read as the worrying one.
    var possible = [];
    data.rules.forEach(function (r) {
      if (r.category !== "prohibited" || applying.indexOf(r) >= 0) return;
      if (r.unless && conditionsHold(r.unless, questions, answers, false)) return;
      var held = conditionsHold(r.when, questions, answers, true);
      if (held && held.unsure.length) possible.push({ rule: r, unsure: held.unsure });
    });
    return { rules: applying, possible: possible };
  }

  var BANS = ["prohibited", "possibly-prohibited"];

  function severest(categories) {
    return categories.slice().sort(function (a, b) { return SEVERITY.indexOf(a) - SEVERITY.indexOf(b); })[0] || null;
  }

  function evaluateScreening(data, rawAnswers, options) {
    var questions = questionMap(data);
    var answers = normaliseAnswers(data, rawAnswers || {});
    var missing = missingAnswers(data, questions, answers);
    var found = classify(data, questions, answers);
    var rules = found.rules;
    var confirmIds = [];
    found.possible.forEach(function (p) { p.unsure.forEach(function (q) { if (confirmIds.indexOf(q) < 0) confirmIds.push(q); }); });
    var confirm = data.questions.filter(function (q) { return confirmIds.indexOf(q.id) >= 0; })
      .map(function (q) { return { question: q.id, label: q.short || q.label, text: q.confirm || q.label }; });
    var category = severest(rules.map(function (r) { return r.category; }).concat(found.possible.length ? ["prohibited"] : []));
    var verdict;
    if (found.possible.length && category === "prohibited" && !rules.some(function (r) { return r.category === "prohibited"; })) verdict = "possibly-prohibited";
    // A ban found on the answers given stands while other answers are missing; nothing else does.
    else if (missing.length && category !== "prohibited") verdict = "incomplete";
    else verdict = category || "unmatched";
    if (verdict === "incomplete" || verdict === "unmatched") category = null;

    var shown = verdict === "incomplete" ? [] : rules;
    var findings = shown.map(function (r) { return finding(r, questions, answers); });
    if (verdict !== "incomplete") {
      found.possible.forEach(function (p) { findings.push(finding(p.rule, questions, answers, p.unsure)); });
    }
    // The union of duties, each with the functions (purposes) that call for it.
    var duties = [], byText = {};
    shown.concat(verdict === "incomplete" ? [] : found.possible.map(function (p) { return p.rule; })).forEach(function (r) {
      var functions = functionsOf(r, questions, answers);
      (r.duties || []).forEach(function (d) {
        var key = d.text + "\u0000" + d.article;
        if (!byText[key]) { byText[key] = { text: d.text, article: d.article, functions: [] }; duties.push(byText[key]); }
        functions.forEach(function (f) { if (byText[key].functions.indexOf(f) < 0) byText[key].functions.push(f); });
      });
    });
    function collect(key) {
      var seen = {}, out = [];
      shown.forEach(function (r) {
        (r[key] || []).forEach(function (item) {
          var id = JSON.stringify(item);
          if (!seen[id]) { seen[id] = true; out.push(item); }
        });
      });
      return out;
    }
    var result = {
      verdict: verdict, category: category,
      missing: missing.map(function (q) { return { question: q.id, label: q.short || q.label }; }),
      confirm: verdict === "incomplete" ? [] : confirm,
      rules: shown.map(function (r) { return r.id; }),
      possible: verdict === "incomplete" ? [] : found.possible.map(function (p) { return p.rule.id; }),
      findings: findings,
      annex: shown.map(function (r) { return r.annex; }).filter(Boolean),
      duties: duties, principles: collect("principles"), questions: collect("questions"),
      answered: Object.keys(answers).length, total: data.questions.length,
      changes: []
    };
    if (!(options && options.noChanges) && verdict !== "incomplete") result.changes = whatWouldChange(data, answers, result);
    return result;
  }

  /* Single answers that would move the verdict: another option for an answered question, or one
     function fewer. Additions are left out: choosing another function can always make it worse. */
  function whatWouldChange(data, answers, result) {
    var changes = [], seen = {}, asked = {};
    // Only the answers the findings rest on: changing anything else would not explain this result.
    data.rules.forEach(function (r) {
      if (result.rules.indexOf(r.id) >= 0 || result.possible.indexOf(r.id) >= 0) Object.keys(r.when).forEach(function (q) { asked[q] = true; });
    });
    data.questions.forEach(function (q) {
      var given = answers[q.id];
      if (given === undefined || !asked[q.id]) return;
      var tries = q.multiple
        ? given.length > 1 ? given.map(function (a) { return { value: given.filter(function (b) { return b !== a; }), text: a, removed: true }; }) : []
        : q.options.filter(function (o) { return o.id !== given; }).map(function (o) { return { value: o.id, text: o.id }; });
      tries.forEach(function (t) {
        var changed = {};
        Object.keys(answers).forEach(function (k) { changed[k] = answers[k]; });
        changed[q.id] = t.value;
        var after = evaluateScreening(data, changed, { noChanges: true });
        if (after.verdict === result.verdict || after.verdict === "incomplete" || after.verdict === "unmatched") return;
        // A definite and a possible ban read the same to the user ("possibly prohibited"): no change.
        if (BANS.indexOf(after.verdict) >= 0 && BANS.indexOf(result.verdict) >= 0) return;
        var key = q.id + ":" + after.verdict;
        if (seen[key]) return;
        seen[key] = true;
        changes.push({ question: q.id, label: q.short || q.label, answer: optionLabel(q, t.text), removed: !!t.removed, verdict: after.verdict });
      });
    });
    return changes;
  }

  function screeningRows(data, answers, result, strings) {
    var T = strings || {};
    var given = normaliseAnswers(data, answers);
    var rows = [["question", "answer"]];
    data.questions.forEach(function (q) {
      rows.push([q.label, answerList(given[q.id]).map(function (a) {
        var option = q.options.filter(function (o) { return o.id === a; })[0];
        return option ? option.label : a;
      }).join("; ")]);
    });
    rows.push(["Indicative category", result.verdict]);
    if (result.missing.length) rows.push(["Still to answer", result.missing.map(function (m) { return m.label; }).join("; ")]);
    if (result.confirm.length) rows.push(["To confirm", result.confirm.map(function (c) { return c.text; }).join("; ")]);
    result.findings.forEach(function (f) {
      rows.push([f.article + (f.annex ? " (" + f.annex + ")" : ""), f.finding + " " + (T.because || "Because you answered:") + " " + becauseText(f)]);
    });
    return rows;
  }

  /* "live; public space: yes; national law: not sure" */
  function becauseText(f) {
    return f.because.map(function (b) { return b.label + ": " + b.answers.join(", "); }).join("; ");
  }

  /* Screening answers by question id (or an old id kept as an alias): one option id, or for a
     "choose all that apply" question a list of distinct option ids. */
  function validAnswers(data, answers) {
    var allowed = Object.create(null);  // so "constructor" or "__proto__" is never a known id
    data.questions.forEach(function (q) {
      [q.id].concat(q.aliases || []).forEach(function (name) { allowed[name] = q; });
    });
    return Object.keys(answers).every(function (k) {
      var q = allowed[k], v = answers[k];
      if (!q) return false;
      var ids = q.options.map(function (o) { return o.id; });
      if (Array.isArray(v)) {
        return q.multiple && v.every(function (a, i) { return ids.indexOf(a) >= 0 && v.indexOf(a) === i; });
      }
      return ids.indexOf(v) >= 0;
    });
  }

  return {
    evaluateScreening: evaluateScreening, normaliseAnswers: normaliseAnswers, becauseText: becauseText,
    screeningRows: screeningRows, validAnswers: validAnswers
  };
});

/* DOM glue: runs only in the browser. */
(function () {
  "use strict";
  if (typeof document === "undefined") return;
  var K = window.CourseToolScreening, core = window.CourseToolCore;

  function showScreening(ctx, result) {
    var results = ctx.results, data = ctx.data, T = ctx.T, S = ctx.S, el = ctx.el;
    results.textContent = "";
    results.appendChild(el("h2", {}, T.screeningTitle));
    var headline;
    if (result.verdict === "incomplete") headline = T.screeningIncomplete;
    else if (result.verdict === "possibly-prohibited") headline = S.format(T.screeningConfirm, { what: S.seriesOf(result.confirm.map(function (c) { return c.text; }), T.listMore) });
    else if (result.verdict === "unmatched") headline = T.screeningUnmatched;
    else headline = S.format(T.category, { category: T["category_" + result.category] || result.category });
    results.appendChild(el("p", { class: "tool-category", "data-category": result.verdict }, headline));
    if (result.missing.length) {
      results.appendChild(el("p", {}, result.verdict === "incomplete" ? T.screeningMissing : T.screeningAlsoMissing));
      var missing = results.appendChild(el("ul", { class: "tool-missing" }));
      result.missing.forEach(function (m) { missing.appendChild(el("li", {}, m.label)); });
    }
    if (result.verdict === "incomplete") {
      results.appendChild(el("p", { class: "tool-disclaimer" }, data.disclaimer + " (" + S.format(T.asOf, { date: data.as_of }) + ")"));
      return;
    }
    var findings = results.appendChild(el("ul", { class: "tool-findings" }));
    result.findings.forEach(function (f) {
      var li = findings.appendChild(el("li", { "data-rule": f.id }));
      li.appendChild(el("strong", {}, f.article + (f.annex ? ", " + f.annex : "") + ": "));
      if (f.confirm.length) li.appendChild(el("em", {}, T.screeningIfNotConfirmed + " "));
      li.appendChild(document.createTextNode(f.finding));
      var why = li.appendChild(el("span", { class: "tool-because" }));
      why.appendChild(el("span", {}, T.screeningBecause + " "));
      why.appendChild(document.createTextNode(K.becauseText(f) + "."));
    });
    if (result.changes.length) {
      results.appendChild(el("h3", {}, T.screeningChanges));
      var changes = results.appendChild(el("ul", { class: "tool-changes" }));
      result.changes.forEach(function (c) {
        changes.appendChild(el("li", {}, S.format(c.removed ? T.screeningChangeRemove : T.screeningChangeAnswer, {
          question: c.label, answer: c.answer, category: T["verdict_" + c.verdict] || T["category_" + c.verdict] || c.verdict })));
      });
    }
    if (result.duties.length) {
      results.appendChild(el("h3", {}, T.duties));
      var duties = results.appendChild(el("ul"));
      var several = (K.normaliseAnswers(data, ctx.answers).purpose || []).length > 1;
      result.duties.forEach(function (d) {
        var li = duties.appendChild(el("li", {}, d.text + " (" + d.article + ")"));
        if (several && d.functions.length) li.appendChild(el("span", { class: "tool-because" }, " " + S.format(T.screeningFor, { functions: S.seriesOf(d.functions, T.listMore) })));
      });
    }
    if (result.principles.length) results.appendChild(el("p", {}, T.principles + " " + S.listOf(result.principles, document.documentElement.lang)));
    if (result.questions.length) {
      results.appendChild(el("h3", {}, T.beforeGoing));
      var qs = results.appendChild(el("ul"));
      result.questions.forEach(function (q) { qs.appendChild(el("li", {}, q)); });
    }
    results.appendChild(el("p", { class: "tool-disclaimer" }, data.disclaimer + " (" + S.format(T.asOf, { date: data.as_of }) + ")"));
  }

  core.mount("screening", {
    valid: K.validAnswers,
    compute: function (data, answers) { return K.evaluateScreening(data, answers); },
    show: showScreening,
    csvRows: function (ctx) { return K.screeningRows(ctx.data, ctx.answers, ctx.lastResult, { because: ctx.T.screeningBecause }); }
  });
})();
