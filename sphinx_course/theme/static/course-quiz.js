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

  var seed, printing = window.matchMedia("print");
  function learnerSeed() { return seed || (seed = S.learnerSeed(storage, config.ns)); }

  /* `mode.ephemeral`: answers are not saved with the quiz (a final check or review round, whose
     questions belong to other quizzes); `mode.quiet`: the caller keeps the score. */
  function setupQuiz(quiz, mode) {
    mode = mode || {};
    var id = quiz.getAttribute("data-quiz-id");
    var key = S.quizKey(config.ns, id);
    var fingerprint = quiz.getAttribute("data-fingerprint");
    var questions = $$(quiz, ".quiz-question");
    var summary = $(quiz, ".quiz-summary");
    var score = $(quiz, ".quiz-score");
    var answerKey = $(quiz, ".quiz-answers");
    var next = $(quiz, "[data-quiz-next]");
    var reviewLink = $(quiz, "[data-quiz-review]");
    var state = !mode.ephemeral && S.parseSaved(storage.get(key), fingerprint, questions.length) || S.emptyState(fingerprint);

    function save() { if (!mode.ephemeral) S.saveQuiz(storage, key, state); }
    /* The question's own identity, also on copies gathered onto a final check or review page. */
    function originOf(q) { return q.getAttribute("data-origin") || id + "/" + q.getAttribute("data-number"); }
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
    function current(q) {
      if (isMatching(q)) return pairChoices(q);
      return q.getAttribute("data-question-type") === "ordering" ? shownOrder(q) : selected(q);
    }

    /* Matching questions: a native select per item; the answer key's data-category is its right one. */
    function isMatching(q) { return q.getAttribute("data-question-type") === "matching"; }
    function pairs(q) { return $$(q, ".quiz-pair"); }
    // Saved as each select's selectedIndex (0 is "Choose…"), so a saved answer stays a list of indexes.
    function pairChoices(q) { return pairs(q).map(function (li) { return $(li, "select").selectedIndex; }); }
    function checkMatching(q, announce) {
      var correct = pairs(q).map(function (li) {
        return +$(keyOption(q, li.getAttribute("data-index")), "[data-category]").getAttribute("data-category");
      });
      var graded = S.gradeMatching(pairChoices(q).map(function (n) { return n - 1; }), correct);
      if (graded.status === "unanswered") {
        var result = $(q, ".quiz-result");
        result.textContent = T.unanswered;
        result.hidden = false;
        if (announce) result.focus();
        return null;
      }
      pairs(q).forEach(function (li, i) { annotate(li, graded.placed[i], q, li.getAttribute("data-index")); });
      return graded.status;
    }
    function restorePairs(q, saved) {
      var selects = $$(q, ".quiz-pair select");
      if (saved.length === selects.length) saved.forEach(function (n, i) { selects[i].selectedIndex = n; });
    }

    function clearMarks(q) {
      $$(q, ".quiz-given").forEach(function (n) { n.remove(); });
      $$(q, ".quiz-option").forEach(function (li) { li.removeAttribute("data-state"); });
      var result = $(q, ".quiz-result");
      result.hidden = true;
      result.textContent = "";
      $(q, '[data-action="show"]').hidden = true;
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

    /* Returns the status; `replay` (restoring a saved check) leaves the review list alone. */
    function check(q, announce, replay) {
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
      } else if (isMatching(q)) {
        status = checkMatching(q, announce);
        if (!status) return;
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
          return status;
        }
        chosen.forEach(function (index) {
          annotate($(q, '.quiz-option[data-index="' + index + '"]'), isRight(q, index), q, index);
        });
      }
      var message = $(q, ".quiz-result");
      message.textContent = (status === "correct" ? "✓ " : "✗ ") + T[status] + missedNote(q, chosen, correct, status);
      message.setAttribute("data-status", status);
      // After any checked answer, the author's explanation. After a miss the right answer stays
      // hidden until the learner asks for it, so they can think again first.
      $(q, '[data-action="show"]').hidden = status === "correct";
      var entry = $(answerKey, "#" + q.id + "-key"), box = el("div", "quiz-explanation quiz-given");
      var own = $(entry, ".quiz-explanation");
      if (own) $$(own, ":scope>*").forEach(function (n) { box.appendChild(n.cloneNode(true)); });
      if (box.firstChild) q.insertBefore(box, $(q, ".quiz-actions"));
      message.hidden = false;
      state.checked[number] = status;
      state.answers[number] = current(q);
      if (!mode.quiet) updateScore();
      save();
      if (!replay) noteForReview(q, status);
      if (announce) message.focus();
      return status;
    }

    /* How many right options were missed, never which, until the learner asks. */
    function missedNote(q, chosen, correct, status) {
      var missed = correct.filter(function (i) { return chosen.indexOf(i) < 0; }).length;
      if (status === "correct" || !missed || q.getAttribute("data-question-type") !== "multiple") return "";
      return " " + S.format(T.missed, { count: missed });
    }

    /* "Show the answers": every option marked, with its feedback, and the right answer from the key. */
    function showAnswers(q) {
      if (q.getAttribute("data-question-type") !== "ordering" && !isMatching(q)) {
        $$(q, ".quiz-option").forEach(function (li) {
          var index = +li.getAttribute("data-index");
          if (!$(li, ".quiz-given")) annotate(li, isRight(q, index), q, index);
        });
      }
      $(q, '[data-action="show"]').hidden = true;
      if ($(q, ".quiz-shown")) return;
      var box = el("div", "quiz-explanation quiz-given quiz-shown");
      box.tabIndex = -1;
      box.appendChild($(answerKey, "#" + q.id + "-key > p").cloneNode(true));
      q.insertBefore(box, $(q, ".quiz-actions"));
    }

    /* A missed question of a course unit (or a copy of one) goes on this learner's review list. */
    function noteForReview(q, status) {
      if (!reviewLink && !q.hasAttribute("data-origin")) return;
      var k = config.ns + ":review:" + originOf(q), v = S.reviewStep(storage.get(k), q.getAttribute("data-origin-fp") || fingerprint, status);
      if (v) storage.set(k, v); else storage.remove(k);
      showReviewLink();
    }
    function showReviewLink() {
      if (reviewLink) reviewLink.hidden = !storage.keys().some(function (k) { return k.indexOf(config.ns + ":review:") === 0; });
    }

    /* This learner's order of a question's options, or the written one in print, as the answer key
       and the page without JavaScript have it. Each keeps its data-index, which grading reads. */
    function shuffleOptions(q) {
      var list = $(q, ".quiz-options"), items = $$(list, ".quiz-option").sort(function (a, b) {
        return a.getAttribute("data-index") - b.getAttribute("data-index");
      });
      var order = printing.matches ? items.map(function (li, i) { return i; }) : S.seededOrder(learnerSeed(), originOf(q), items.length);
      order.forEach(function (i) { list.appendChild(items[i]); });
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
      } else if (isMatching(q)) {
        restorePairs(q, saved);
      } else {
        saved.forEach(function (index) {
          var input = $(q, 'input[value="' + index + '"]');
          if (input) input.checked = true;
        });
      }
      if (state.checked[number]) check(q, false, true);
    }

    /* From the "Try again" button (an event: focus goes to the first answer), or a new round's set-up. */
    function reset(event) {
      var best = state.best;
      state = S.emptyState(fingerprint);
      state.best = best;
      questions.forEach(function (q) {
        clearMarks(q);
        $$(q, "input").forEach(function (input) { input.checked = false; });
        $$(q, "select").forEach(function (select) { select.selectedIndex = 0; });
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
      var first = $(quiz, "input, select, .quiz-move-button:not([disabled])");
      if (first && event) first.focus();
    }

    function reveal() {
      questions.forEach(showAnswers);
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
      if (q.hasAttribute("data-shuffle")) shuffleOptions(q);
      $(q, '[data-action="check"]').addEventListener("click", function () { check(q, true); });
      $(q, '[data-action="show"]').addEventListener("click", function () { showAnswers(q); $(q, ".quiz-shown").focus(); });
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
    showReviewLink();
    printing.addEventListener("change", function () {
      questions.forEach(function (q) { if (q.hasAttribute("data-shuffle")) shuffleOptions(q); });
    });
    if (!storage.persistent) {
      quiz.insertBefore(el("p", "quiz-storage-note", T.storageOff), quiz.children[1]);
    }
    return { check: check, reset: reset, questions: questions };
  }

  // Final checks and review rounds (course-quiz-rounds.js) set up their own quizzes with a mode.
  window.CourseQuiz = { setup: setupQuiz };
  $$(document, ".quiz[data-quiz-id]:not([data-mode])").forEach(function (quiz) { setupQuiz(quiz); });
})();
