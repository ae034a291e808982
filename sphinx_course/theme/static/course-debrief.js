/* Scenario debriefs: the learner writes an answer, then reveals the debrief to compare.
   The answer stays in this browser under "<namespace>:debrief:<page>/<n>", so the progress
   page's export carries it with the quiz answers. Pure functions are exported for Node's
   test runner; the DOM glue below them runs only in a browser. */
(function (factory) {
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else window.CourseDebrief = api;
})(function () {
  "use strict";

  function debriefKey(ns, id) { return ns + ":debrief:" + id; }

  /* Something the learner has actually written: whitespace alone does not open the debrief. */
  function hasAnswer(text) { return typeof text === "string" && text.trim().length > 0; }

  /* A saved debrief state, or null when there is none or it is not ours. */
  function parseDebrief(text) {
    var state;
    try { state = JSON.parse(text); } catch (e) { return null; }
    if (state === null || typeof state !== "object" || Array.isArray(state)) return null;
    if (state.v !== 1 || typeof state.answer !== "string" || typeof state.revealed !== "boolean") return null;
    // A debrief is never shown to a learner who has not written anything, whatever was stored.
    return { v: 1, answer: state.answer, revealed: state.revealed && hasAnswer(state.answer) };
  }

  function serialiseDebrief(answer, revealed) {
    return JSON.stringify({ v: 1, answer: answer, revealed: Boolean(revealed) && hasAnswer(answer) });
  }

  return { debriefKey: debriefKey, hasAnswer: hasAnswer, parseDebrief: parseDebrief, serialiseDebrief: serialiseDebrief };
});

(function () {
  "use strict";
  if (typeof document === "undefined" || !window.CourseStore) return;
  var D = window.CourseDebrief, S = window.CourseStore;
  var config = S.pageContext(), storage = config.storage;
  var tag = document.querySelector("script[data-debrief-strings]");
  var T = {};
  try { T = JSON.parse(tag.getAttribute("data-debrief-strings")); } catch (e) { /* keys show instead */ }

  function el(name, className, text) {
    return window.CourseDom.el(name, className ? { class: className } : {}, text);
  }

  /* Storage can refuse silently (quota, private mode): read back to know whether the answer is kept. */
  function store(key, value) {
    storage.set(key, value);
    return storage.persistent && storage.get(key) === value;
  }

  Array.prototype.forEach.call(document.querySelectorAll(".debrief-answer[data-debrief-id]"), function (mount, index) {
    var box = mount.closest(".debrief");
    var body = box && box.querySelector(".debrief-body");
    if (!body) return;
    var key = D.debriefKey(config.ns, mount.getAttribute("data-debrief-id"));
    var saved = D.parseDebrief(storage.get(key)) || { answer: "", revealed: false };
    var fieldId = "debrief-answer-" + (index + 1), bodyId = "debrief-body-" + (index + 1);

    var label = el("label", "debrief-label", T.label);
    label.htmlFor = fieldId;
    var field = el("textarea", "debrief-field");
    field.id = fieldId;
    field.rows = 6;
    field.value = saved.answer;
    var button = el("button", "debrief-reveal", T.reveal);
    button.type = "button";
    body.id = bodyId;
    button.setAttribute("aria-controls", bodyId);
    var status = el("p", "debrief-status");
    status.setAttribute("role", "status");

    function show(revealed) {
      body.hidden = !revealed;
      // The label says what a click does; no aria-expanded as well, or screen readers say it twice.
      button.textContent = revealed ? T.hide : T.reveal;
    }

    function save(revealed) {
      var kept = store(key, D.serialiseDebrief(field.value, revealed));
      status.textContent = kept ? T.saved : T.notSaved;
    }

    field.addEventListener("input", function () {
      if (!D.hasAnswer(field.value) && !body.hidden) show(false);
      save(!body.hidden);
    });
    button.addEventListener("click", function () {
      if (!D.hasAnswer(field.value)) {
        status.textContent = T.writeFirst;
        field.focus();
        return;
      }
      show(body.hidden);
      save(!body.hidden);
    });

    mount.textContent = "";
    mount.appendChild(label);
    mount.appendChild(field);
    var actions = el("p", "debrief-actions");
    actions.appendChild(button);
    mount.appendChild(actions);
    mount.appendChild(status);
    if (!storage.persistent) status.textContent = T.notSaved;
    show(saved.revealed);
    box.classList.add("debrief-ready");
  });
})();
