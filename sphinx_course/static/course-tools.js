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

  /* Screening: every rule whose conditions all hold applies. */
  function ruleApplies(rule, answers) {
    return Object.keys(rule.when).every(function (q) {
      var wanted = Array.isArray(rule.when[q]) ? rule.when[q] : [rule.when[q]];
      return wanted.indexOf(answers[q]) >= 0;
    });
  }

  function evaluateScreening(data, answers) {
    var rules = data.rules.filter(function (r) { return ruleApplies(r, answers); });
    // Outside the Act's scope (national security, or outside the EU) nothing else can apply;
    // otherwise the most severe category among the applying rules wins.
    var categories = rules.map(function (r) { return r.category; });
    var category = categories.indexOf("out-of-scope") >= 0 ? "out-of-scope"
      : categories.sort(function (a, b) { return SEVERITY.indexOf(a) - SEVERITY.indexOf(b); })[0] || "minimal";
    function collect(key) {
      var seen = {}, out = [];
      rules.forEach(function (r) {
        (r[key] || []).forEach(function (item) {
          var id = JSON.stringify(item);
          if (!seen[id]) { seen[id] = true; out.push(item); }
        });
      });
      return out;
    }
    var answered = data.questions.filter(function (q) { return answers[q.id] !== undefined; }).length;
    return {
      category: category,
      rules: rules.map(function (r) { return r.id; }),
      findings: rules.map(function (r) { return { id: r.id, category: r.category, article: r.article, annex: r.annex || null, finding: r.finding }; }),
      annex: rules.map(function (r) { return r.annex; }).filter(Boolean),
      duties: collect("duties"), principles: collect("principles"), questions: collect("questions"),
      answered: answered, total: data.questions.length
    };
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

  function screeningRows(data, answers, result) {
    var rows = [["question", "answer"]];
    data.questions.forEach(function (q) {
      var option = q.options.filter(function (o) { return o.id === answers[q.id]; })[0];
      rows.push([q.label, option ? option.label : ""]);
    });
    rows.push(["Indicative category", result.category]);
    result.findings.forEach(function (f) { rows.push([f.article + (f.annex ? " (" + f.annex + ")" : ""), f.finding]); });
    return rows;
  }

  function builderMarkdown(data, answers, heading) {
    var out = ["# " + heading, ""];
    data.sections.forEach(function (s) {
      out.push("## " + s.title, "", (answers[s.id] || "").trim() || "_" + s.prompt + "_", "");
    });
    return out.join("\n");
  }

  function validAnswers(data, answers) {
    if (answers === null || typeof answers !== "object" || Array.isArray(answers)) return false;
    var allowed = {};
    if (data.kind === "maturity") {
      data.dimensions.forEach(function (d) { d.statements.forEach(function (s) { allowed[s.id] = true; }); });
      return Object.keys(answers).every(function (k) {
        var v = answers[k];
        return allowed[k] && (v === "na" || (Number.isInteger(v) && v >= 1 && v <= data.scale.length));
      });
    }
    if (data.kind === "screening") {
      data.questions.forEach(function (q) { allowed[q.id] = q.options.map(function (o) { return o.id; }); });
      return Object.keys(answers).every(function (k) { return allowed[k] && allowed[k].indexOf(answers[k]) >= 0; });
    }
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

  return {
    scoreMaturity: scoreMaturity, ratingsNeeded: ratingsNeeded, compareMaturity: compareMaturity, evaluateScreening: evaluateScreening,
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

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function download(name, type, content) {
    var link = el("a", { href: URL.createObjectURL(new Blob([content], { type: type })), download: name });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }
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
          input.checked = answers[id] !== undefined && String(answers[id]) === input.value;
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
      results.appendChild(el("p", { class: "tool-category", "data-category": result.category },
        S.format(T.category, { category: T["category_" + result.category] || result.category })));
      if (result.answered < result.total) results.appendChild(el("p", {}, S.format(T.incomplete, { done: result.answered, total: result.total })));
      var findings = results.appendChild(el("ul", { class: "tool-findings" }));
      result.findings.forEach(function (f) {
        var li = findings.appendChild(el("li"));
        li.appendChild(el("strong", {}, f.article + (f.annex ? ", " + f.annex : "") + ": "));
        li.appendChild(document.createTextNode(f.finding));
      });
      if (result.duties.length) {
        results.appendChild(el("h3", {}, T.duties));
        var duties = results.appendChild(el("ul"));
        result.duties.forEach(function (d) { duties.appendChild(el("li", {}, d.text + " (" + d.article + ")")); });
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
      var file = input.files[0];
      if (!file) return;
      var reader = new FileReader();
      reader.onload = function () {
        var loaded;
        try { loaded = K.parseToolFile(String(reader.result), data); } catch (e) { say(T.badFile); input.value = ""; return; }
        then(loaded);
        input.value = "";
      };
      reader.readAsText(file);
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
        var rows = data.kind === "maturity" ? K.maturityRows(lastResult) : K.screeningRows(data, answers, lastResult);
        download(data.id + "-results.csv", "text/csv", K.toCSV(rows));
        say(T.exported);
      },
      "export-md": function () {
        read();
        download(data.id + ".md", "text/markdown", K.builderMarkdown(data, answers, data.title));
        say(T.exported);
      },
      prefill: function () {
        var source = storage.keys().filter(function (k) { return k.indexOf(config.ns + ":tool:readiness:") === 0; })[0];
        var found = source ? JSON.parse(storage.get(source) || "null") : null;
        var dims = found && found.result && found.result.dimensions;
        if (!dims || !dims.length) { say(T.noReadiness); return; }
        var weakest = dims.filter(function (d) { return d.score !== null; }).sort(function (a, b) { return a.score - b.score; }).slice(0, 3);
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
