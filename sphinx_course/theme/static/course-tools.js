/* The in-browser tools: readiness self-assessment, use-case screening and strategy builder.
   Scoring and export are pure functions (exported for Node's test runner); the DOM glue below
   them only reads the form, writes results and keeps answers in this browser. */
(function (factory) {
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else window.CourseTools = api;
})(function () {
  "use strict";
  var SEVERITY = ["prohibited", "high-risk", "transparency", "minimal", "out-of-scope"];
  var FORMAT = "aipol-tool";

  function mean(values) {
    return values.length ? values.reduce(function (a, b) { return a + b; }, 0) / values.length : null;
  }
  function round1(x) { return x === null ? null : Math.round(x * 10) / 10; }

  /* A dimension is scored only when at least this share of its statements is rated:
     one rating out of five says too little about a whole dimension. */
  var MIN_RATED_SHARE = 0.6;
  function ratingsNeeded(statements) { return Math.ceil(statements * MIN_RATED_SHARE - 1e-9); }

  /* Readiness: a dimension's score is the mean of its rated statements ("not sure" is left out),
     given only when enough are rated; its level is the nearest scale level. The overall score, and
     the strongest and weakest dimensions, need every dimension scored: `missing` lists those that
     are not, so the page can say why there is no overall level yet. */
  function scoreMaturity(data, answers) {
    var top = data.scale.length;
    var answered = 0, total = 0, weighted = 0, weights = 0;
    var dimensions = data.dimensions.map(function (d) {
      var values = [];
      d.statements.forEach(function (s) {
        total += 1;
        var a = answers[s.id];
        if (a !== undefined) answered += 1;
        if (typeof a === "number") values.push(a);
      });
      var needed = ratingsNeeded(d.statements.length);
      var score = values.length >= needed ? mean(values) : null;
      if (score !== null) { weighted += score * d.weight; weights += d.weight; }
      var level = score === null ? null : Math.min(top, Math.max(1, Math.round(score)));
      return {
        id: d.id, label: d.label, answered: values.length, statements: d.statements.length, needed: needed,
        score: round1(score), level: level, levelLabel: level ? data.scale[level - 1].label : null,
        percent: score === null ? null : Math.round(((score - 1) / (top - 1)) * 100),
        recommendations: level ? d.recommendations.filter(function (r) { return r.levels.indexOf(level) >= 0; }) : []
      };
    });
    var missing = dimensions.filter(function (d) { return d.score === null; }).map(function (d) { return d.id; });
    var complete = !missing.length;
    var overall = complete && weights ? weighted / weights : null;
    var scores = dimensions.map(function (d) { return d.score; });
    var best = complete ? Math.max.apply(null, scores) : null;
    var worst = complete ? Math.min.apply(null, scores) : null;
    var overallLevel = overall === null ? null : Math.min(top, Math.max(1, Math.round(overall)));
    return {
      answered: answered, total: total, dimensions: dimensions, missing: missing,
      overall: { score: round1(overall), level: overallLevel, levelLabel: overallLevel ? data.scale[overallLevel - 1].label : null },
      strongest: complete ? dimensions.filter(function (d) { return d.score === best; }).map(function (d) { return d.id; }) : [],
      weakest: complete ? dimensions.filter(function (d) { return d.score === worst; }).map(function (d) { return d.id; }) : []
    };
  }

  function compareMaturity(after, before) {
    return after.dimensions.map(function (d, i) {
      var old = before.dimensions[i];
      var change = d.score !== null && old.score !== null ? round1(d.score - old.score) : null;
      return { id: d.id, label: d.label, before: old.score, after: d.score, change: change };
    });
  }

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

  function csvCell(value) {
    var text = value === null || value === undefined ? "" : String(value);
    return /[",\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }
  function toCSV(rows) { return rows.map(function (r) { return r.map(csvCell).join(","); }).join("\n") + "\n"; }

  function maturityRows(result) {
    var rows = [["dimension", "answered", "statements", "score", "level", "percent"]];
    result.dimensions.forEach(function (d) { rows.push([d.label, d.answered, d.statements, d.score, d.levelLabel, d.percent]); });
    rows.push(["Overall", result.answered, result.total, result.overall.score, result.overall.levelLabel, ""]);
    return rows;
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

  function builderMarkdown(data, answers, heading) {
    var out = ["# " + heading, ""];
    data.sections.forEach(function (s) {
      out.push("## " + s.title, "", (answers[s.id] || "").trim() || "_" + s.prompt + "_", "");
    });
    return out.join("\n");
  }

  /* Screening answers by question id (or an old id kept as an alias): one option id, or for a
     "choose all that apply" question a list of distinct option ids. */
  function validScreeningAnswers(data, answers) {
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

  function validAnswers(data, answers) {
    if (answers === null || typeof answers !== "object" || Array.isArray(answers)) return false;
    var allowed = Object.create(null);  // so "constructor" or "__proto__" is never a known id
    if (data.kind === "maturity") {
      data.dimensions.forEach(function (d) { d.statements.forEach(function (s) { allowed[s.id] = true; }); });
      return Object.keys(answers).every(function (k) {
        var v = answers[k];
        return allowed[k] && (v === "na" || (Number.isInteger(v) && v >= 1 && v <= data.scale.length));
      });
    }
    if (data.kind === "screening") return validScreeningAnswers(data, answers);
    data.sections.forEach(function (s) { allowed[s.id] = true; });
    return Object.keys(answers).every(function (k) { return allowed[k] && typeof answers[k] === "string"; });
  }

  function exportFile(data, answers, result, now) {
    return { format: FORMAT, tool: data.id, version: data.version, exported: now, answers: answers, result: result || null };
  }

  /* A file exported by this tool, or an error: anything else changes nothing. */
  function parseToolFile(text, data) {
    var file = JSON.parse(text);
    if (!file || file.format !== FORMAT || file.tool !== data.id || file.version !== data.version || !validAnswers(data, file.answers)) {
      throw new Error("not a file from this tool");
    }
    return file.answers;
  }

  function parseSavedAnswers(text, data) {
    try {
      var saved = JSON.parse(text);
      return saved && validAnswers(data, saved.answers) ? saved : null;
    } catch (e) { return null; }
  }

  /* The weakest readiness dimensions (at most three) from the readiness tool's saved text, for the
     strategy builder: [] when nothing usable is saved, null when what is saved cannot be read.
     Saved data may be old, hand-edited or from another version, so every field is checked. */
  function readinessPriorities(text) {
    if (text === null || text === undefined) return [];
    var saved;
    try { saved = JSON.parse(text); } catch (e) { return null; }
    if (saved === null || typeof saved !== "object") return null;
    var result = saved.result;
    if (result === null || result === undefined) return [];
    if (typeof result !== "object" || !Array.isArray(result.dimensions)) return null;
    var dims = [];
    for (var i = 0; i < result.dimensions.length; i++) {
      var d = result.dimensions[i];
      if (d === null || typeof d !== "object" || typeof d.label !== "string") return null;
      if (d.score === null) continue;
      if (typeof d.score !== "number" || !isFinite(d.score)) return null;
      // Saved as {label, score, level: the level's label}; a number of an older shape is shown as it is.
      var level = typeof d.level === "string" ? d.level : (Number.isInteger(d.level) ? String(d.level) : null);
      if (level === null) return null;
      dims.push({ label: d.label, score: d.score, level: level });
    }
    return dims.sort(function (a, b) { return a.score - b.score; }).slice(0, 3);
  }

  return {
    readinessPriorities: readinessPriorities,
    scoreMaturity: scoreMaturity, ratingsNeeded: ratingsNeeded, compareMaturity: compareMaturity, evaluateScreening: evaluateScreening,
    normaliseAnswers: normaliseAnswers, becauseText: becauseText,
    toCSV: toCSV, maturityRows: maturityRows, screeningRows: screeningRows, builderMarkdown: builderMarkdown,
    validAnswers: validAnswers, exportFile: exportFile, parseToolFile: parseToolFile, parseSavedAnswers: parseSavedAnswers
  };
});

/* DOM glue: runs only in the browser. */
(function () {
  "use strict";
  if (typeof document === "undefined") return;
  var K = window.CourseTools, S = window.CourseStore;
  var config = S.pageContext(), T = config.strings, storage = config.storage;

  var el = window.CourseDom.el, download = window.CourseDom.download;
  function table(headers, rows, caption) {
    var t = el("table", { class: "tool-table" });
    if (caption) t.appendChild(el("caption", {}, caption));
    var head = el("tr");
    headers.forEach(function (h) { head.appendChild(el("th", { scope: "col" }, h)); });
    t.appendChild(el("thead")).appendChild(head);
    var body = t.appendChild(el("tbody"));
    rows.forEach(function (r) {
      var tr = body.appendChild(el("tr"));
      r.forEach(function (c, i) { tr.appendChild(el(i ? "td" : "th", i ? {} : { scope: "row" }, c === null ? "–" : c)); });
    });
    var wrap = el("div", { class: "table-wrapper" });
    wrap.appendChild(t);
    return wrap;
  }
  /* The chart's labels are HTML text, so they wrap and keep the page's font size on a phone
     (an SVG scaled to fit would shrink them); each bar is a small SVG with no inline style. */
  function barChart(dimensions, top) {
    var NS = "http://www.w3.org/2000/svg";
    var chart = el("div", { class: "tool-chart", role: "img", "aria-label": T.chartLabel });
    dimensions.forEach(function (d) {
      var row = chart.appendChild(el("div", { class: "tool-chart-row" }));
      row.appendChild(el("span", { class: "tool-chart-label" }, d.label));
      var svg = document.createElementNS(NS, "svg");
      svg.setAttribute("viewBox", "0 0 100 10");
      svg.setAttribute("preserveAspectRatio", "none");
      svg.setAttribute("class", "tool-chart-bar");
      var bar = document.createElementNS(NS, "rect");
      bar.setAttribute("x", "0"); bar.setAttribute("y", "0"); bar.setAttribute("height", "10");
      bar.setAttribute("width", String(d.score === null ? 0 : Math.max(1, ((d.score - 1) / (top - 1)) * 100)));
      svg.appendChild(bar);
      row.appendChild(svg);
      row.appendChild(el("span", { class: "tool-chart-value" }, d.score === null ? "–" : String(d.score)));
    });
    return chart;
  }

  function setupTool(root) {
    var data = JSON.parse(root.querySelector(".tool-data").textContent);
    var key = root.getAttribute("data-storage-key");
    var form = root.querySelector(".tool-form");
    var results = root.querySelector("[data-results]");
    var message = root.querySelector("[data-message]");
    var progress = root.querySelector("[data-progress]");
    var saved = K.parseSavedAnswers(storage.get(key), data);
    var answers = saved ? saved.answers : {};
    var lastResult = null;

    function say(text) { message.textContent = text; }
    function save(result) { storage.set(key, JSON.stringify({ answers: answers, result: result || (saved && saved.result) || null })); }
    function items() { return Array.prototype.slice.call(root.querySelectorAll("[data-item]")); }
    function read() {
      answers = {};
      items().forEach(function (item) {
        var id = item.getAttribute("data-item");
        if (data.kind === "builder") {
          var value = item.querySelector("textarea").value;
          if (value.trim()) answers[id] = value;
          return;
        }
        if (item.hasAttribute("data-multiple")) {
          var all = Array.prototype.map.call(item.querySelectorAll("input:checked"), function (box) { return box.value; });
          if (all.length) answers[id] = all;
          return;
        }
        var checked = item.querySelector("input:checked");
        if (checked) answers[id] = data.kind === "maturity" && checked.value !== "na" ? Number(checked.value) : checked.value;
      });
    }
    function mirror() {
      // Text areas print badly (clipped, scrolled): print a copy of their text instead.
      Array.prototype.forEach.call(root.querySelectorAll("textarea"), function (box) {
        var copy = box.nextElementSibling && box.nextElementSibling.classList.contains("tool-print-text")
          ? box.nextElementSibling : box.parentNode.insertBefore(el("div", { class: "tool-print-text" }), box.nextSibling);
        copy.textContent = box.value;
      });
    }
    function write() {
      items().forEach(function (item) {
        var id = item.getAttribute("data-item");
        if (data.kind === "builder") { item.querySelector("textarea").value = answers[id] || ""; mirror(); return; }
        Array.prototype.forEach.call(item.querySelectorAll("input"), function (input) {
          input.checked = Array.isArray(answers[id]) ? answers[id].indexOf(input.value) >= 0
            : answers[id] !== undefined && String(answers[id]) === input.value;
        });
      });
    }
    function updateProgress() {
      var total = items().length;
      var done = Object.keys(answers).length;
      progress.textContent = S.format(T.answered, { done: done, total: total });
    }

    function showMaturity(result, comparison) {
      results.textContent = "";
      results.appendChild(el("h2", {}, T.resultsTitle));
      var missing = result.dimensions.filter(function (d) { return d.score === null; });
      if (missing.length === result.dimensions.length) { results.appendChild(el("p", { class: "tool-overall" }, T.noAnswers)); return; }
      var names = function (ids) { return result.dimensions.filter(function (d) { return ids.indexOf(d.id) >= 0; }).map(function (d) { return d.label; }).join("; "); };
      if (missing.length) {
        // No overall level from a partial picture: say which dimensions still need answers.
        results.appendChild(el("p", { class: "tool-overall" }, S.format(T.noOverall, {
          count: missing.length, total: result.dimensions.length, names: names(result.missing), done: result.answered, all: result.total })));
      } else {
        results.appendChild(el("p", { class: "tool-overall" }, S.format(T.overallLevel, {
          score: result.overall.score, level: result.overall.levelLabel, done: result.answered, total: result.total })));
        if (result.strongest.join() === result.weakest.join()) {
          results.appendChild(el("p", {}, T.allEqual));
        } else {
          results.appendChild(el("p", {}, T.strongest + " " + names(result.strongest)));
          results.appendChild(el("p", {}, T.weakest + " " + names(result.weakest)));
        }
      }
      results.appendChild(barChart(result.dimensions, data.scale.length));
      results.appendChild(table([T.dimension, T.scoreCol, T.level, T.answeredCol], result.dimensions.map(function (d) {
        return [d.label, d.score, d.score === null ? S.format(T.notEnough, { needed: d.needed }) : d.levelLabel,
          d.answered + " / " + d.statements];
      }), T.tableCaption));
      if (comparison) {
        results.appendChild(el("h3", {}, T.compareTitle));
        results.appendChild(table([T.dimension, T.before, T.after, T.change], comparison.map(function (r) {
          return [r.label, r.before, r.after, r.change === null ? null : (r.change > 0 ? "+" : "") + r.change];
        })));
      }
      results.appendChild(el("h3", {}, T.recommendations));
      var list = results.appendChild(el("ul", { class: "tool-recommendations" }));
      // On paper the report stands alone, without the page's introduction: say what it is.
      results.appendChild(el("p", { class: "tool-print-only tool-disclaimer" }, data.intro));
      result.dimensions.forEach(function (d) {
        d.recommendations.forEach(function (r) {
          var li = list.appendChild(el("li"));
          li.appendChild(el("strong", {}, d.label + " (" + d.levelLabel + "): "));
          li.appendChild(document.createTextNode(r.text + " "));
          r.links.forEach(function (link, i) {
            if (i) li.appendChild(document.createTextNode("; "));
            li.appendChild(el("a", { href: link.href }, link.title));
          });
        });
      });
    }

    function showScreening(result) {
      results.textContent = "";
      results.appendChild(el("h2", {}, T.screeningTitle));
      var headline;
      if (result.verdict === "incomplete") headline = T.screeningIncomplete;
      else if (result.verdict === "possibly-prohibited") headline = S.format(T.screeningConfirm, { what: result.confirm.map(function (c) { return c.text; }).join("; ") });
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
        var several = (K.normaliseAnswers(data, answers).purpose || []).length > 1;
        result.duties.forEach(function (d) {
          var li = duties.appendChild(el("li", {}, d.text + " (" + d.article + ")"));
          if (several && d.functions.length) li.appendChild(el("span", { class: "tool-because" }, " " + S.format(T.screeningFor, { functions: d.functions.join("; ") })));
        });
      }
      if (result.principles.length) results.appendChild(el("p", {}, T.principles + " " + result.principles.join(", ")));
      if (result.questions.length) {
        results.appendChild(el("h3", {}, T.beforeGoing));
        var qs = results.appendChild(el("ul"));
        result.questions.forEach(function (q) { qs.appendChild(el("li", {}, q)); });
      }
      results.appendChild(el("p", { class: "tool-disclaimer" }, data.disclaimer + " (" + S.format(T.asOf, { date: data.as_of }) + ")"));
    }

    function compute() {
      read();
      lastResult = data.kind === "maturity" ? K.scoreMaturity(data, answers) : K.evaluateScreening(data, answers);
      if (data.kind === "maturity") {
        showMaturity(lastResult);
        save({ dimensions: lastResult.dimensions.map(function (d) { return { label: d.label, score: d.score, level: d.levelLabel }; }) });
      } else {
        showScreening(lastResult);
        save();
      }
      results.hidden = false;
      results.focus();
    }

    function readFile(input, then) {
      window.CourseDom.readChosenFile(input, function (text) {
        var loaded;
        try { loaded = K.parseToolFile(text, data); } catch (e) { say(T.badFile); return; }
        then(loaded);
      });
    }

    var actions = {
      results: compute,
      print: function () { if (data.kind !== "builder") compute(); window.print(); },
      "export-json": function () {
        compute();
        download(data.id + "-results.json", "application/json", JSON.stringify(K.exportFile(data, answers, lastResult, new Date().toISOString()), null, 1));
        say(T.exported);
      },
      "export-csv": function () {
        compute();
        var rows = data.kind === "maturity" ? K.maturityRows(lastResult) : K.screeningRows(data, answers, lastResult, { because: T.screeningBecause });
        download(data.id + "-results.csv", "text/csv", K.toCSV(rows));
        say(T.exported);
      },
      "export-md": function () {
        read();
        download(data.id + ".md", "text/markdown", K.builderMarkdown(data, answers, data.title));
        say(T.exported);
      },
      prefill: function () {
        // Which tool's results to read is the page's to say (data-results-from), not this script's.
        var prefix = root.getAttribute("data-results-from");
        var source = prefix ? storage.keys().filter(function (k) { return k.indexOf(prefix) === 0; })[0] : null;
        var weakest = K.readinessPriorities(source ? storage.get(source) : null);
        if (weakest === null) { say(T.noReadinessData); return; }
        if (!weakest.length) { say(T.noReadiness); return; }
        var box = root.querySelector('textarea[name="milestones"]');
        var lines = weakest.map(function (d) { return "- " + S.format(T.priorityLine, { label: d.label, level: d.level }); });
        box.value = (box.value ? box.value.replace(/\s+$/, "") + "\n" : "") + T.priorityIntro + "\n" + lines.join("\n");
        read(); save(); updateProgress(); mirror();
        say(T.prefilled);
      },
      clear: function () {
        storage.remove(key);
        saved = null; answers = {}; write(); updateProgress();
        results.hidden = true; results.textContent = "";
        say(T.toolCleared);
      }
    };

    root.addEventListener("click", function (event) {
      var action = event.target.closest("button[data-action]");
      if (action && actions[action.getAttribute("data-action")]) actions[action.getAttribute("data-action")]();
    });
    root.addEventListener("change", function (event) {
      var kind = event.target.getAttribute("data-action");
      if (kind === "import") {
        readFile(event.target, function (loaded) { answers = loaded; write(); save(); updateProgress(); compute(); say(T.toolImported); });
      } else if (kind === "compare") {
        readFile(event.target, function (loaded) {
          compute();
          showMaturity(lastResult, K.compareMaturity(lastResult, K.scoreMaturity(data, loaded)));
          say(T.compared);
        });
      } else if (kind === "print-answers") {
        root.classList.toggle("tool-print-answers", event.target.checked);
      } else if (!kind) {
        read(); save(); updateProgress();
      }
    });
    root.addEventListener("input", function (event) {
      if (event.target.tagName === "TEXTAREA") { read(); save(); updateProgress(); mirror(); }
    });
    write();
    updateProgress();
    root.querySelector(".tool-actions").hidden = false;
    var bar = root.querySelector("[data-tool-bar]");
    if (bar) bar.hidden = false;
    if (!storage.persistent) say(T.storageOff);
  }

  Array.prototype.forEach.call(document.querySelectorAll(".tool[data-tool-id]"), setupTool);
})();
