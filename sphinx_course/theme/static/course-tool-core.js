/* What every in-browser tool shares: the exported file format, CSV, reading saved and imported
   answers, and the page glue (form, storage, buttons, import). Each tool kind's own script
   (course-tool-readiness.js, course-tool-screening.js, course-tool-strategy.js) brings its
   scoring and results and calls CourseToolCore.mount; a page loads only its tools' scripts. */
(function (factory) {
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else window.CourseToolCore = api;
})(function () {
  "use strict";
  var FORMAT = "aipol-tool";

  function csvCell(value) {
    var text = value === null || value === undefined ? "" : String(value);
    return /[",\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }
  function toCSV(rows) { return rows.map(function (r) { return r.map(csvCell).join(","); }).join("\n") + "\n"; }

  /* A set of known ids with no prototype, so "constructor" or "__proto__" is never a known id. */
  function idSet(ids) {
    var set = Object.create(null);
    ids.forEach(function (id) { set[id] = true; });
    return set;
  }

  /* Answers are a plain object of id -> value, each checked by the tool kind's `valid`. */
  function isAnswerObject(answers) {
    return answers !== null && typeof answers === "object" && !Array.isArray(answers);
  }

  function exportFile(data, answers, result, now) {
    return { format: FORMAT, tool: data.id, version: data.version, exported: now, answers: answers, result: result || null };
  }

  /* A file exported by this tool, or an error: anything else changes nothing. */
  function parseToolFile(text, data, valid) {
    var file = JSON.parse(text);
    if (!file || file.format !== FORMAT || file.tool !== data.id || file.version !== data.version
        || !isAnswerObject(file.answers) || !valid(data, file.answers)) {
      throw new Error("not a file from this tool");
    }
    return file.answers;
  }

  /* What this browser kept for the tool, or null when it is missing, unreadable or not valid now
     (the tool's data may have changed since). */
  function parseSavedAnswers(text, data, valid) {
    try {
      var saved = JSON.parse(text);
      return saved && isAnswerObject(saved.answers) && valid(data, saved.answers) ? saved : null;
    } catch (e) { return null; }
  }

  /* The answer a choice item holds: the checked option, or for a "choose all that apply" item
     the list of checked options; undefined when nothing is chosen. */
  function readChoice(item) {
    if (item.hasAttribute("data-multiple")) {
      var all = Array.prototype.map.call(item.querySelectorAll("input:checked"), function (box) { return box.value; });
      return all.length ? all : undefined;
    }
    var checked = item.querySelector("input:checked");
    return checked ? checked.value : undefined;
  }
  function writeChoice(item, answer) {
    Array.prototype.forEach.call(item.querySelectorAll("input"), function (input) {
      input.checked = Array.isArray(answer) ? answer.indexOf(input.value) >= 0
        : answer !== undefined && String(answer) === input.value;
    });
  }

  /* Set up every tool of `kind` on the page. `tool` holds what differs per kind:
     valid(data, answers), and optionally readItem(item) / writeItem(item, answer) for other inputs
     than choices, compute(data, answers), show(ctx, result), savedResult(result),
     csvRows(ctx), actions {name: fn(ctx)}, changes {name: fn(ctx, input)}, afterWrite(ctx),
     start(ctx). */
  function mount(kind, tool) {
    if (typeof document === "undefined") return;
    Array.prototype.forEach.call(document.querySelectorAll('.tool[data-tool-id][data-tool-kind="' + kind + '"]'),
      function (root) { setupTool(root, tool); });
  }

  function setupTool(root, tool) {
    var S = window.CourseStore, config = S.pageContext(), T = config.strings, storage = config.storage;
    var dom = window.CourseDom;
    var data = JSON.parse(root.querySelector(".tool-data").textContent);
    var key = root.getAttribute("data-storage-key");
    var message = root.querySelector("[data-message]");
    var progress = root.querySelector("[data-progress]");
    var saved = parseSavedAnswers(storage.get(key), data, tool.valid);
    var readItem = tool.readItem || readChoice, writeItem = tool.writeItem || writeChoice;
    var ctx = {
      root: root, data: data, T: T, S: S, storage: storage, el: dom.el,
      results: root.querySelector("[data-results]"),
      answers: saved ? saved.answers : {}, lastResult: null
    };

    function items() { return Array.prototype.slice.call(root.querySelectorAll("[data-item]")); }
    ctx.say = function (text) { message.textContent = text; };
    ctx.save = function (result) {
      storage.set(key, JSON.stringify({ answers: ctx.answers, result: result || (saved && saved.result) || null }));
    };
    ctx.read = function () {
      ctx.answers = {};
      items().forEach(function (item) {
        var value = readItem(item);
        if (value !== undefined) ctx.answers[item.getAttribute("data-item")] = value;
      });
    };
    ctx.write = function () {
      items().forEach(function (item) { writeItem(item, ctx.answers[item.getAttribute("data-item")]); });
      if (tool.afterWrite) tool.afterWrite(ctx);
    };
    ctx.updateProgress = function () {
      progress.textContent = S.format(T.answered, { done: Object.keys(ctx.answers).length, total: items().length });
    };
    ctx.compute = function () {
      ctx.read();
      ctx.lastResult = tool.compute(data, ctx.answers);
      tool.show(ctx, ctx.lastResult);
      ctx.save(tool.savedResult ? tool.savedResult(ctx.lastResult) : undefined);
      ctx.results.hidden = false;
      ctx.results.focus();
    };
    ctx.readFile = function (input, then) {
      dom.readChosenFile(input, function (text) {
        var loaded;
        try { loaded = parseToolFile(text, data, tool.valid); } catch (e) { ctx.say(T.badFile); return; }
        then(loaded);
      });
    };
    ctx.download = dom.download;

    var actions = {
      results: ctx.compute,
      print: function () { if (tool.compute) ctx.compute(); window.print(); },
      "export-json": function () {
        ctx.compute();
        dom.download(data.id + "-results.json", "application/json",
          JSON.stringify(exportFile(data, ctx.answers, ctx.lastResult, new Date().toISOString()), null, 1));
        ctx.say(T.exported);
      },
      "export-csv": function () {
        ctx.compute();
        dom.download(data.id + "-results.csv", "text/csv", toCSV(tool.csvRows(ctx)));
        ctx.say(T.exported);
      },
      clear: function () {
        storage.remove(key);
        saved = null; ctx.answers = {}; ctx.write(); ctx.updateProgress();
        ctx.results.hidden = true; ctx.results.textContent = "";
        ctx.say(T.toolCleared);
      }
    };
    Object.keys(tool.actions || {}).forEach(function (name) {
      actions[name] = function () { tool.actions[name](ctx); };
    });

    root.addEventListener("click", function (event) {
      var action = event.target.closest("button[data-action]");
      if (action && actions[action.getAttribute("data-action")]) actions[action.getAttribute("data-action")]();
    });
    root.addEventListener("change", function (event) {
      var name = event.target.getAttribute("data-action");
      if (name === "import") {
        ctx.readFile(event.target, function (loaded) {
          ctx.answers = loaded; ctx.write(); ctx.save(); ctx.updateProgress(); ctx.compute(); ctx.say(T.toolImported);
        });
      } else if (name && tool.changes && tool.changes[name]) {
        tool.changes[name](ctx, event.target);
      } else if (!name) {
        ctx.read(); ctx.save(); ctx.updateProgress();
      }
    });
    if (tool.start) tool.start(ctx);
    ctx.write();
    ctx.updateProgress();
    root.querySelector(".tool-actions").hidden = false;
    var bar = root.querySelector("[data-tool-bar]");
    if (bar) bar.hidden = false;
    if (!storage.persistent) ctx.say(T.storageOff);
  }

  /* A table of results with column headers, row headers in its first column and "–" for no value. */
  function table(headers, rows, caption) {
    var el = window.CourseDom.el;
    // On a phone the rows are laid out as blocks (course-tools.css), which would cost the table its
    // semantics in some browsers: the roles keep them, and each cell carries its column's name.
    var t = el("table", { class: "tool-table", role: "table" });
    if (caption) t.appendChild(el("caption", {}, caption));
    var head = el("tr", { role: "row" });
    headers.forEach(function (h) { head.appendChild(el("th", { scope: "col", role: "columnheader" }, h)); });
    t.appendChild(el("thead", { role: "rowgroup" })).appendChild(head);
    var body = t.appendChild(el("tbody", { role: "rowgroup" }));
    rows.forEach(function (r) {
      var tr = body.appendChild(el("tr", { role: "row" }));
      r.forEach(function (c, i) {
        var cell = i ? { role: "cell", "data-label": headers[i] } : { scope: "row", role: "rowheader" };
        tr.appendChild(el(i ? "td" : "th", cell, c === null ? "–" : c));
      });
    });
    var wrap = el("div", { class: "table-wrapper" });
    wrap.appendChild(t);
    return wrap;
  }

  return {
    FORMAT: FORMAT, toCSV: toCSV, idSet: idSet, exportFile: exportFile,
    parseToolFile: parseToolFile, parseSavedAnswers: parseSavedAnswers,
    readChoice: readChoice, mount: mount, table: table
  };
});
