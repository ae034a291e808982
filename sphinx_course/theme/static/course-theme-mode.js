/* Applies the reader's saved light/dark choice before the page paints, and marks the page as
   scripted so controls that need JavaScript appear. It replaces the theme's inline script and
   <noscript> style, so pages need neither under a strict Content Security Policy. */
(function (root) {
  var fallback = root.getAttribute("data-theme") || "auto";
  var mode = fallback;
  var theme = fallback;
  try {
    mode = localStorage.getItem("mode") || fallback;
    theme = localStorage.getItem("theme") || mode;
  } catch (e) { /* storage blocked: keep the default */ }
  root.dataset.mode = mode;
  root.dataset.theme = theme;
  root.classList.add("js");
})(document.documentElement);
