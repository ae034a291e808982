/* The exercise index: filter the table by track, length and principle, and sort it by a column.
   Without JavaScript the full table stays as it is. Filtering and sorting are pure functions
   (exported for Node's test runner); the DOM glue below only reads the table and hides rows. */
(function (factory) {
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else window.CourseExerciseIndex = api;
})(function () {
  "use strict";

  /* A cell's values: a principles cell lists several, separated by commas. */
  function cellValues(text, several) {
    var clean = text.trim();
    if (!several) return clean ? [clean] : [];
    return clean.split(",").map(function (v) { return v.trim(); }).filter(Boolean);
  }

  /* The distinct values of a column, in the order they first appear. */
  function distinctValues(rows, column, several) {
    var seen = [];
    rows.forEach(function (row) {
      cellValues(row[column], several).forEach(function (v) { if (seen.indexOf(v) < 0) seen.push(v); });
    });
    return seen;
  }

  /* filters: [{column, value, several}]; an empty value means "all". */
  function matches(row, filters) {
    return filters.every(function (f) {
      return !f.value || cellValues(row[f.column], f.several).indexOf(f.value) >= 0;
    });
  }

  /* Row indexes in sorted order: numbers compare as numbers; ties keep the original order. */
  function sortOrder(rows, column, descending) {
    var indexes = rows.map(function (_, i) { return i; });
    indexes.sort(function (a, b) {
      var x = rows[a][column].trim(), y = rows[b][column].trim();
      var nx = Number(x), ny = Number(y);
      var c = (x !== "" && y !== "" && !isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
      if (descending) c = -c;
      return c || a - b;
    });
    return indexes;
  }

  function setUp(script) {
    var table = document.querySelector("table.exercise-index");
    if (!table || !table.tBodies.length) return;
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var cells = rows.map(function (r) {
      return Array.prototype.map.call(r.cells, function (c) { return c.textContent; });
    });
    var filterColumns = script.getAttribute("data-filter-columns").split(",").map(Number);
    var several = Number(script.getAttribute("data-several-column"));
    var strings = JSON.parse(script.getAttribute("data-strings"));
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var panel = document.createElement("div");
    panel.className = "exercise-filters";
    var status = document.createElement("p");
    status.className = "exercise-filter-status";
    status.setAttribute("aria-live", "polite");
    var selects = filterColumns.map(function (column) {
      var label = document.createElement("label");
      label.textContent = headers[column].textContent.trim() + " ";
      var select = document.createElement("select");
      var all = document.createElement("option");
      all.value = "";
      all.textContent = strings.all;
      select.appendChild(all);
      distinctValues(cells, column, column === several).forEach(function (v) {
        var option = document.createElement("option");
        option.value = v;
        option.textContent = v;
        select.appendChild(option);
      });
      select.addEventListener("change", apply);
      label.appendChild(select);
      panel.appendChild(label);
      return { column: column, select: select };
    });
    panel.appendChild(status);
    table.parentNode.insertBefore(panel, table);

    function apply() {
      var filters = selects.map(function (s) {
        return { column: s.column, value: s.select.value, several: s.column === several };
      });
      var shown = 0;
      rows.forEach(function (row, i) {
        row.hidden = !matches(cells[i], filters);
        if (!row.hidden) shown += 1;
      });
      status.textContent = strings.showing.replace("{shown}", shown).replace("{total}", rows.length);
    }

    headers.forEach(function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "exercise-sort";
      button.textContent = th.textContent.trim();
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var descending = th.getAttribute("aria-sort") === "ascending";
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", descending ? "descending" : "ascending");
        sortOrder(cells, column, descending).forEach(function (i) { body.appendChild(rows[i]); });
      });
    });
    apply();
  }

  if (typeof document !== "undefined" && document.currentScript) {
    var script = document.currentScript;
    document.addEventListener("DOMContentLoaded", function () { setUp(script); });
  }

  return { cellValues: cellValues, distinctValues: distinctValues, matches: matches, sortOrder: sortOrder };
});
