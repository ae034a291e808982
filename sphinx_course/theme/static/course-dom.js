/* DOM helpers the page scripts share: build an element, offer a file to save, read a chosen file.
   Loaded (deferred) before the scripts that use them, on the pages that load those scripts. */
(function () {
  "use strict";
  if (typeof document === "undefined") return;

  /* An element with attributes ("class" among them) and, if given, its text. */
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null && text !== "") node.textContent = String(text);
    return node;
  }

  /* Offer content as a file to save; the object URL is released once the download has started. */
  function download(name, type, content) {
    var link = el("a", { href: URL.createObjectURL(new Blob([content], { type: type })), download: name });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  /* The text of the file chosen in a file input, to ``then``; the input is cleared afterwards so
     that choosing the same file again is noticed. */
  function readChosenFile(input, then) {
    var file = input.files[0];
    if (!file) return;
    var reader = new FileReader();
    reader.onload = function () {
      try { then(String(reader.result)); } finally { input.value = ""; }
    };
    reader.readAsText(file);
  }

  window.CourseDom = { el: el, download: download, readChosenFile: readChosenFile };
})();
