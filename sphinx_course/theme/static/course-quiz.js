/* Interactive self-check quizzes. The page already holds the questions and, in a collapsed
   answer key, the right answers and feedback; this script only wires them together. */
(function () {
  "use strict";
  var S = window.CourseStore;
  var config = S.pageContext(), T = config.strings, storage = config.storage;

  function $(root, selector) { return root.querySelector(selector); }
  function $$(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function setupQuiz(quiz) {
    var id = quiz.getAttribute("data-quiz-id");
    var key = S.quizKey(config.ns, id);
    var fingerprint = quiz.getAttribute("data-fingerprint");
    var questions = $$(quiz, ".quiz-question");
    var summary = $(quiz, ".quiz-summary");
    var score = $(quiz, ".quiz-score");
    var answerKey = $(quiz, ".quiz-answers");
    var next = $(quiz, "[data-quiz-next]");
    var state = S.parseSaved(storage.get(key), fingerprint, questions.length) || S.emptyState(fingerprint);

    function save() { S.saveQuiz(storage, key, state); }
    function keyOption(q, index) { return $(answerKey, "#" + q.id + "-o" + index + "-key"); }
    function isRight(q, index) {
      var mark = $(keyOption(q, index), ".quiz-mark");
      return mark && mark.getAttribute("data-correct") === "true";
    }
    function steps(q) { return $$(q, ".quiz-step"); }
    function shownOrder(q) { return steps(q).map(function (li) { return +li.getAttribute("data-index"); }); }
    function selected(q) {
      return $$(q, "input:checked").map(function (input) { return +input.value; });
    }
    function current(q) { return q.getAttribute("data-question-type") === "ordering" ? shownOrder(q) : selected(q); }

    function clearMarks(q) {
      $$(q, ".quiz-given").forEach(function (n) { n.remove(); });
      $$(q, ".quiz-option").forEach(function (li) { li.removeAttribute("data-state"); });
      var result = $(q, ".quiz-result");
      result.hidden = true;
      result.textContent = "";
    }

    /* Feedback for one option: a right/wrong word (not colour alone) and the author's "why". */
    function annotate(li, right, q, index) {
      var box = el("div", "quiz-given");
      box.appendChild(el("p", "quiz-verdict", (right ? "✓ " : "✗ ") + (right ? T.right : T.wrong)));
      var why = $(keyOption(q, index), ".quiz-feedback");
      if (why) box.appendChild(why.cloneNode(true));
      var misconception = $(keyOption(q, index), ".quiz-misconception");
      if (misconception && !right) box.appendChild(misconception.cloneNode(true));
      li.setAttribute("data-state", right ? "right" : "wrong");
      li.appendChild(box);
    }

    function check(q, announce) {
      var number = q.getAttribute("data-number");
      var ordering = q.getAttribute("data-question-type") === "ordering";
      var status, chosen = [], correct = [];
      clearMarks(q);
      if (ordering) {
        var graded = S.gradeOrder(shownOrder(q));
        status = graded.status;
        steps(q).forEach(function (li, position) {
          var box = el("p", "quiz-given quiz-verdict", graded.placed[position] ? "✓ " + T.correctOrder : "✗ " + T.wrong);
          li.setAttribute("data-state", graded.placed[position] ? "right" : "wrong");
          li.appendChild(box);
        });
      } else {
        chosen = selected(q);
        correct = $$(q, ".quiz-option").map(function (li) { return +li.getAttribute("data-index"); })
          .filter(function (i) { return isRight(q, i); });
        status = S.gradeChoice(chosen, correct);
        if (status === "unanswered") {
          var result = $(q, ".quiz-result");
          result.textContent = T.unanswered;
          result.hidden = false;
          if (announce) result.focus();
          return;
        }
        chosen.forEach(function (index) {
          annotate($(q, '.quiz-option[data-index="' + index + '"]'), isRight(q, index), q, index);
        });
      }
      var message = $(q, ".quiz-result");
      message.textContent = (status === "correct" ? "✓ " : "✗ ") + T[status];
      message.setAttribute("data-status", status);
      // What follows any checked answer: after a miss, the right answer and why it is right;
      // then the author's explanation, if the question has one.
      var entry = $(answerKey, "#" + q.id + "-key"), box = el("div", "quiz-explanation quiz-given");
      if (status !== "correct") {
        box.appendChild($(entry, "p").cloneNode(true));
        if (!ordering) correct.forEach(function (i) {
          var why = chosen.indexOf(i) < 0 && $(keyOption(q, i), ".quiz-feedback");
          if (why) box.appendChild(why.cloneNode(true));
        });
      }
      var own = $(entry, ".quiz-explanation");
      if (own) $$(own, ":scope>*").forEach(function (n) { box.appendChild(n.cloneNode(true)); });
      if (box.firstChild) q.insertBefore(box, $(q, ".quiz-actions"));
      message.hidden = false;
      state.checked[number] = status;
      state.answers[number] = current(q);
      updateScore();
      save();
      if (announce) message.focus();
    }

    function updateScore() {
      var checked = Object.keys(state.checked).length;
      var right = S.countCorrect(state.checked);
      var all = checked === questions.length;
      if (all) {
        state.done = true;
        state.best = Math.max(state.best, right);
      }
      summary.hidden = false;
      // Until the end, a tally of what has been checked, never a mark out of the whole quiz.
      var text = S.format(all ? T.scoreDone : T.score,
        { score: right, total: questions.length, checked: checked, left: questions.length - checked });
      if (score.textContent !== text) score.textContent = text;
      if (next) next.hidden = !all;
    }

    function move(q, li, delta) {
      var list = li.parentNode;
      var items = steps(q);
      var position = items.indexOf(li) + delta;
      if (position < 0 || position >= items.length) return;
      if (delta < 0) list.insertBefore(li, items[position]);
      else list.insertBefore(li, items[position].nextSibling);
      clearMarks(q);
      state.answers[q.getAttribute("data-number")] = shownOrder(q);
      save();
      refreshMoveButtons(q);
      var focusTarget = $(li, delta < 0 ? '[data-move="-1"]' : '[data-move="1"]');
      if (focusTarget.disabled) focusTarget = $(li, "[data-move]:not([disabled])");
      focusTarget.focus();
      var live = $(q, ".quiz-result");
      live.textContent = S.format(T.moved, { position: position + 1, total: items.length });
      live.hidden = false;
    }

    function refreshMoveButtons(q) {
      var items = steps(q);
      items.forEach(function (li, position) {
        $(li, '[data-move="-1"]').disabled = position === 0;
        $(li, '[data-move="1"]').disabled = position === items.length - 1;
      });
    }

    function addMoveButtons(q) {
      steps(q).forEach(function (li) {
        var text = $(li, ".quiz-step-text").textContent.trim();
        var group = el("span", "quiz-move");
        [[-1, T.moveUp, "↑"], [1, T.moveDown, "↓"]].forEach(function (spec) {
          var button = el("button", "quiz-button quiz-move-button", spec[2] + " " + spec[1]);
          button.type = "button";
          button.setAttribute("data-move", String(spec[0]));
          button.setAttribute("aria-label", spec[1] + ": " + text);
          button.addEventListener("click", function () { move(q, li, spec[0]); });
          group.appendChild(button);
        });
        li.insertBefore(group, li.firstChild);
      });
    }

    function restore(q) {
      var number = q.getAttribute("data-number");
      var saved = state.answers[number];
      if (!saved) return;
      if (q.getAttribute("data-question-type") === "ordering") {
        if (saved.length !== steps(q).length) return;
        var list = $(q, ".quiz-options");
        var byIndex = {};
        steps(q).forEach(function (li) { byIndex[li.getAttribute("data-index")] = li; });
        saved.forEach(function (index) { if (byIndex[index]) list.appendChild(byIndex[index]); });
        refreshMoveButtons(q);
      } else {
        saved.forEach(function (index) {
          var input = $(q, 'input[value="' + index + '"]');
          if (input) input.checked = true;
        });
      }
      if (state.checked[number]) check(q, false);
    }

    function reset() {
      var best = state.best;
      state = S.emptyState(fingerprint);
      state.best = best;
      questions.forEach(function (q) {
        clearMarks(q);
        $$(q, "input").forEach(function (input) { input.checked = false; });
        if (q.getAttribute("data-question-type") === "ordering") {
          var list = $(q, ".quiz-options");
          JSON.parse(q.getAttribute("data-initial-order")).forEach(function (index) {
            list.appendChild($(list, '[data-index="' + index + '"]'));
          });
          refreshMoveButtons(q);
        }
      });
      answerKey.hidden = true;
      answerKey.open = false;
      save();
      score.textContent = "";
      if (next) next.hidden = true;
      var first = $(quiz, "input, .quiz-move-button:not([disabled])");
      if (first) first.focus();
    }

    function reveal() {
      questions.forEach(function (q) {
        $$(q, ".quiz-option").forEach(function (li) {
          var index = +li.getAttribute("data-index");
          if (q.getAttribute("data-question-type") !== "ordering" && !$(li, ".quiz-given")) {
            annotate(li, isRight(q, index), q, index);
          }
        });
      });
      answerKey.hidden = false;
      answerKey.open = true;
      score.textContent = T.revealed;
      $(answerKey, "summary").focus();
    }

    answerKey.hidden = true;
    questions.forEach(function (q) {
      $(q, ".quiz-actions").hidden = false;
      $(q, ".quiz-result").setAttribute("tabindex", "-1");
      if (q.getAttribute("data-question-type") === "ordering") {
        q.setAttribute("data-initial-order", JSON.stringify(shownOrder(q)));
        addMoveButtons(q);
        refreshMoveButtons(q);
      }
      $(q, '[data-action="check"]').addEventListener("click", function () { check(q, true); });
      q.addEventListener("change", function () {
        clearMarks(q);
        state.answers[q.getAttribute("data-number")] = current(q);
        delete state.checked[q.getAttribute("data-number")];
        save();
      });
      restore(q);
    });
    $(summary, '[data-action="reset"]').addEventListener("click", reset);
    $(summary, '[data-action="reveal"]').addEventListener("click", reveal);
    if (!storage.persistent) {
      quiz.insertBefore(el("p", "quiz-storage-note", T.storageOff), quiz.children[1]);
    }
  }

  $$(document, ".quiz[data-quiz-id]").forEach(setupQuiz);
})();
