/* The strategy builder: free-text sections exported as Markdown, and the readiness tool's
   weakest dimensions offered as priorities (pure, exported for Node's test runner); then the
   page glue for its text areas. */
(function (factory) {
  if (typeof module === "object" && module.exports) module.exports = factory(require("./course-tool-core.js"));
  else window.CourseToolStrategy = factory(window.CourseToolCore);
})(function (core) {
  "use strict";
  function builderMarkdown(data, answers, heading) {
    var out = ["# " + heading, ""];
    data.sections.forEach(function (s) {
      out.push("## " + s.title, "", (answers[s.id] || "").trim() || "_" + s.prompt + "_", "");
    });
    return out.join("\n");
  }

  /* Each answer is a section's text. */
  function validAnswers(data, answers) {
    var allowed = core.idSet(data.sections.map(function (s) { return s.id; }));
    return Object.keys(answers).every(function (k) { return allowed[k] === true && typeof answers[k] === "string"; });
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

  return { builderMarkdown: builderMarkdown, validAnswers: validAnswers, readinessPriorities: readinessPriorities };
});

/* DOM glue: runs only in the browser. */
(function () {
  "use strict";
  if (typeof document === "undefined") return;
  var K = window.CourseToolStrategy, core = window.CourseToolCore;

  function mirror(root) {
    var el = window.CourseDom.el;
    // Text areas print badly (clipped, scrolled): print a copy of their text instead.
    Array.prototype.forEach.call(root.querySelectorAll("textarea"), function (box) {
      var copy = box.nextElementSibling && box.nextElementSibling.classList.contains("tool-print-text")
        ? box.nextElementSibling : box.parentNode.insertBefore(el("div", { class: "tool-print-text" }), box.nextSibling);
      copy.textContent = box.value;
    });
  }

  core.mount("builder", {
    valid: K.validAnswers,
    readItem: function (item) {
      var value = item.querySelector("textarea").value;
      return value.trim() ? value : undefined;
    },
    writeItem: function (item, answer) { item.querySelector("textarea").value = answer || ""; },
    afterWrite: function (ctx) { mirror(ctx.root); },
    actions: {
      "export-md": function (ctx) {
        ctx.read();
        ctx.download(ctx.data.id + ".md", "text/markdown", K.builderMarkdown(ctx.data, ctx.answers, ctx.data.title));
        ctx.say(ctx.T.exported);
      },
      prefill: function (ctx) {
        var T = ctx.T, S = ctx.S, storage = ctx.storage;
        // Which tool's results to read is the page's to say (data-results-from), not this script's.
        var prefix = ctx.root.getAttribute("data-results-from");
        var source = prefix ? storage.keys().filter(function (k) { return k.indexOf(prefix) === 0; })[0] : null;
        var weakest = K.readinessPriorities(source ? storage.get(source) : null);
        if (weakest === null) { ctx.say(T.noReadinessData); return; }
        if (!weakest.length) { ctx.say(T.noReadiness); return; }
        var box = ctx.root.querySelector('textarea[name="milestones"]');
        var lines = weakest.map(function (d) { return "- " + S.format(T.priorityLine, { label: d.label, level: d.level }); });
        box.value = (box.value ? box.value.replace(/\s+$/, "") + "\n" : "") + T.priorityIntro + "\n" + lines.join("\n");
        ctx.read(); ctx.save(); ctx.updateProgress(); mirror(ctx.root);
        ctx.say(T.prefilled);
      }
    },
    start: function (ctx) {
      ctx.root.addEventListener("input", function (event) {
        if (event.target.tagName === "TEXTAREA") { ctx.read(); ctx.save(); ctx.updateProgress(); mirror(ctx.root); }
      });
    }
  });
})();
