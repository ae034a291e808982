/* Search results: snippets from the article only, from file:// too, and the page whose title
   holds the query ranked first. Loaded on the search page only, after Sphinx's searchtools.js
   and before it runs the query (on DOMContentLoaded).
   Sphinx fetches each result's page for its snippet: over file:// the browser blocks that, and
   the snippet came from [role=main], which also holds the header buttons and contents list.
   Here the snippets come from window.courseSearchSummaries (sphinx_course/search.py), loaded
   as a script, and Sphinx's fetching is turned off. Pure functions are exported for Node. */
(function (factory) {
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else api.install(window, document);
})(function () {
  "use strict";
  var WIDTH = 240;

  /* The query's words, lower-cased; one-letter words match too much to help. */
  function queryWords(query) {
    return (query || "").toLowerCase().split(/\s+/).filter(function (w) { return w.length > 1; });
  }

  /* "docs/public/your-rights.html#anchor" -> {doc: "docs/public/your-rights", anchor: "anchor"}. */
  function docAndAnchor(href, suffix) {
    var hash = href.indexOf("#");
    var path = hash < 0 ? href : href.slice(0, hash);
    var anchor = hash < 0 ? "" : href.slice(hash + 1);
    if (suffix && path.slice(-suffix.length) === suffix) path = path.slice(0, -suffix.length);
    return { doc: path.replace(/^\.\//, ""), anchor: anchor };
  }

  /* The snippet for one result: the anchored section's summary, else the first that holds a
     query word, else the page's first; a window of `width` characters around the first match. */
  function pickSnippet(sections, anchor, words, width) {
    width = width || WIDTH;
    if (!sections || !sections.length) return "";
    var lower = function (s) { return s.toLowerCase(); };
    var hit = function (text) {
      var t = lower(text), best = -1;
      words.forEach(function (w) { var i = t.indexOf(w); if (i > -1 && (best < 0 || i < best)) best = i; });
      return best;
    };
    var chosen = null;
    if (anchor) chosen = sections.filter(function (s) { return s[0] === anchor; })[0] || null;
    if (!chosen) chosen = sections.filter(function (s) { return hit(s[1]) > -1; })[0] || sections[0];
    var text = chosen[1], at = Math.max(hit(text), 0);
    if (text.length <= width) return text;
    var start = Math.max(0, Math.min(at - 60, text.length - width));
    if (start > 0) start = text.indexOf(" ", start) + 1 || start;
    var piece = text.slice(start, start + width);
    var end = start + width < text.length ? piece.lastIndexOf(" ") : -1;
    if (end > width / 2) piece = piece.slice(0, end);
    return (start > 0 ? "…" : "") + piece + (start + piece.length < text.length && !/…$/.test(piece) ? "…" : "");
  }

  /* Extra score for a result whose title holds the query as typed, or all of its words. */
  function titleBonus(title, words) {
    if (!words.length) return 0;
    var t = (title || "").toLowerCase().replace(/[’']/g, "'");
    if (t.indexOf(words.join(" ")) > -1) return 100;
    return words.every(function (w) { return t.indexOf(w) > -1; }) ? 20 : 0;
  }

  function install(win, doc) {
    // Sphinx declares these with const: globals by name, not properties of window.
    var options = typeof DOCUMENTATION_OPTIONS === "object" ? DOCUMENTATION_OPTIONS : null;
    var summaries = win.courseSearchSummaries;
    if (!options || !summaries) return;
    var words = queryWords(new URLSearchParams(win.location.search).get("q"));
    options.SHOW_SEARCH_SUMMARY = false;  // no fetches: the summaries are here already
    if (typeof Scorer === "object") {
      var base = Scorer.score;
      Scorer.score = function (result) {
        var score = base ? base(result) : result[4];
        return score + titleBonus(result[1], words);
      };
    }
    var suffix = options.LINK_SUFFIX || ".html";
    var addSnippet = function (item) {
      var link = item.querySelector("a");
      if (!link || item.querySelector("p.context")) return;
      var target = docAndAnchor(link.getAttribute("href"), suffix);
      var text = pickSnippet(summaries[target.doc], target.anchor, words);
      if (!text) return;
      var p = doc.createElement("p");
      p.className = "context";
      p.textContent = text;
      item.appendChild(p);
      if (typeof _highlightText === "function") {
        words.forEach(function (w) { _highlightText(p, w, "highlighted"); });  // from sphinx_highlight.js
      }
    };
    var results = doc.getElementById("search-results");
    if (!results) return;
    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        change.addedNodes.forEach(function (node) {
          if (node.nodeName === "LI") addSnippet(node);
        });
      });
    }).observe(results, { childList: true, subtree: true });
  }

  return { queryWords: queryWords, docAndAnchor: docAndAnchor, pickSnippet: pickSnippet, titleBonus: titleBonus, install: install };
});
