/* The readiness self-assessment: scores per dimension and overall, the comparison with an
   earlier export and its CSV rows (pure, exported for Node's test runner); then its results on
   the page: levels, a bar chart, tables and recommendations. */
(function (factory) {
  if (typeof module === "object" && module.exports) module.exports = factory(require("./course-tool-core.js"));
  else window.CourseToolReadiness = factory(window.CourseToolCore);
})(function (core) {
  "use strict";
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

  /* overallLabel: the last row's name in the page's language ("Overall"). */
  function maturityRows(result, overallLabel) {
    var rows = [["dimension", "answered", "statements", "score", "level", "percent"]];
    result.dimensions.forEach(function (d) { rows.push([d.label, d.answered, d.statements, d.score, d.levelLabel, d.percent]); });
    rows.push([overallLabel || "Overall", result.answered, result.total, result.overall.score, result.overall.levelLabel, ""]);
    return rows;
  }

  /* What is kept with the answers: each dimension's label, score and level's label, which the
     strategy builder reads back (readinessPriorities in course-tool-strategy.js). */
  function savedResult(result) {
    return { dimensions: result.dimensions.map(function (d) { return { label: d.label, score: d.score, level: d.levelLabel }; }) };
  }

  /* Each answer is a statement's level on the scale, or "na" (not sure). */
  function validAnswers(data, answers) {
    var allowed = core.idSet([].concat.apply([], data.dimensions.map(function (d) { return d.statements.map(function (s) { return s.id; }); })));
    return Object.keys(answers).every(function (k) {
      var v = answers[k];
      return allowed[k] === true && (v === "na" || (Number.isInteger(v) && v >= 1 && v <= data.scale.length));
    });
  }

  /* A bar's rectangle in the chart's 0-100 box: its length shows the score above the scale's
     first level, and it grows from where the line starts: the left, or the right on a
     right-to-left page, so that an Arabic chart reads the same way as its text. */
  function barGeometry(score, top, rightToLeft) {
    var width = score === null ? 0 : Math.max(1, ((score - 1) / (top - 1)) * 100);
    return { x: rightToLeft ? 100 - width : 0, width: width };
  }

  return {
    scoreMaturity: scoreMaturity, ratingsNeeded: ratingsNeeded, compareMaturity: compareMaturity,
    maturityRows: maturityRows, savedResult: savedResult, validAnswers: validAnswers, barGeometry: barGeometry
  };
});

/* DOM glue: runs only in the browser. */
(function () {
  "use strict";
  if (typeof document === "undefined") return;
  var K = window.CourseToolReadiness, core = window.CourseToolCore;

  /* The chart's labels are HTML text, so they wrap and keep the page's font size on a phone
     (an SVG scaled to fit would shrink them); each bar is a small SVG with no inline style. */
  function barChart(dimensions, top, T) {
    var el = window.CourseDom.el;
    var NS = "http://www.w3.org/2000/svg";
    var chart = el("div", { class: "tool-chart", role: "img", "aria-label": T.chartLabel });
    var rightToLeft = document.documentElement.dir === "rtl";
    dimensions.forEach(function (d) {
      var row = chart.appendChild(el("div", { class: "tool-chart-row" }));
      row.appendChild(el("span", { class: "tool-chart-label" }, d.label));
      var svg = document.createElementNS(NS, "svg");
      svg.setAttribute("viewBox", "0 0 100 10");
      svg.setAttribute("preserveAspectRatio", "none");
      svg.setAttribute("class", "tool-chart-bar");
      var bar = document.createElementNS(NS, "rect");
      var geometry = K.barGeometry(d.score, top, rightToLeft);
      bar.setAttribute("x", String(geometry.x)); bar.setAttribute("y", "0"); bar.setAttribute("height", "10");
      bar.setAttribute("width", String(geometry.width));
      svg.appendChild(bar);
      row.appendChild(svg);
      row.appendChild(el("span", { class: "tool-chart-value" }, d.score === null ? "–" : String(d.score)));
    });
    return chart;
  }

  function showMaturity(ctx, result, comparison) {
    var results = ctx.results, data = ctx.data, T = ctx.T, S = ctx.S, el = ctx.el, table = core.table;
    results.textContent = "";
    results.appendChild(el("h2", {}, T.resultsTitle));
    var missing = result.dimensions.filter(function (d) { return d.score === null; });
    if (missing.length === result.dimensions.length) { results.appendChild(el("p", { class: "tool-overall" }, T.noAnswers)); return; }
    var names = function (ids) { return S.seriesOf(result.dimensions.filter(function (d) { return ids.indexOf(d.id) >= 0; }).map(function (d) { return d.label; }), T.listMore); };
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
    results.appendChild(barChart(result.dimensions, data.scale.length, T));
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

  core.mount("maturity", {
    valid: K.validAnswers,
    readItem: function (item) {
      var value = core.readChoice(item);
      return value === undefined || value === "na" ? value : Number(value);
    },
    compute: K.scoreMaturity,
    show: function (ctx, result) { showMaturity(ctx, result); },
    savedResult: K.savedResult,
    csvRows: function (ctx) { return K.maturityRows(ctx.lastResult, ctx.T.overallRow); },
    changes: {
      compare: function (ctx, input) {
        ctx.readFile(input, function (loaded) {
          ctx.compute();
          showMaturity(ctx, ctx.lastResult, K.compareMaturity(ctx.lastResult, K.scoreMaturity(ctx.data, loaded)));
          ctx.say(ctx.T.compared);
        });
      },
      "print-answers": function (ctx, input) { ctx.root.classList.toggle("tool-print-answers", input.checked); }
    }
  });
})();
