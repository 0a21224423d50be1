/**
 * H5P.HocVuSoQuiz 1.0: multiple-choice questions for "Bình dân học vụ số".
 *
 * Each question is a <fieldset> whose <legend> is the question and whose answers are native radio buttons in
 * large labels, so the keyboard (Tab to the group, arrow keys to choose, Enter or Space on the button) and
 * screen readers work without invented widgets. "Check" gives the feedback in a polite live region; once every
 * question is checked, the final score line is announced the same way, with a button to start again.
 *
 * xAPI, through H5P's own API (H5P.EventDispatcher, H5P.XAPIEvent):
 * - "attempted" for the quiz when it is shown (setActivityStarted);
 * - "answered" for each checked question, as its own sub-activity: object.id is the content IRI +
 *   "?subContentId=q<number>", a cmi.interaction of type "choice" with its choices and right response,
 *   result.score 0 or 1 out of 1, result.completion true, result.success true when right, result.response the
 *   chosen answer's index; context.contextActivities.parent is the quiz;
 * - "completed" for the quiz once every question is checked: result.score the right answers out of the
 *   questions, result.completion true, result.success whether the pass mark (behaviour.passPercentage) is met.
 *
 * Content parameters (semantics.json): questions [{question, answers [text, ...], correct (index from 0),
 * feedback (optional)}], behaviour {passPercentage}, l10n {...}. Every text is plain text, never HTML: it is
 * put in the page with textContent.
 */
var H5P = H5P || {};

H5P.HocVuSoQuiz = (function (EventDispatcher) {
  'use strict';

  // The same defaults as semantics.json: the interface speaks Vietnamese unless the content says otherwise.
  var DEFAULT_L10N = {
    questionNumber: 'Câu :number/:total',
    check: 'Kiểm tra',
    checked: 'Đã kiểm tra',
    chooseFirst: 'Hãy chọn một câu trả lời rồi bấm Kiểm tra.',
    correct: 'Đúng rồi!',
    wrong: 'Chưa đúng.',
    correctAnswer: 'Đáp án đúng: :answer',
    rightAnswerMark: 'Đáp án đúng',
    yourAnswerMark: 'Bạn chọn',
    score: 'Bạn trả lời đúng :score trên :total câu.',
    passed: 'Bạn đã đạt.',
    notPassed: 'Bạn chưa đạt.',
    retry: 'Làm lại',
    noQuestions: 'Hoạt động này chưa có câu hỏi.'
  };
  var DEFAULT_PASS_PERCENTAGE = 80;
  var INTERACTION = 'http://adlnet.gov/expapi/activities/cmi.interaction';
  var instanceCount = 0;

  function plain(value) {
    return typeof value === 'string' ? value.trim() : '';
  }

  /** Replaces :number, :total, :score and :answer in one pass, so a value is never scanned again. */
  function fill(template, values) {
    return template.replace(/:(number|total|score|answer)\b/g, function (match, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : match;
    });
  }

  function element(tag, className, content) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (content !== undefined) {
      node.textContent = content;
    }
    return node;
  }

  function languageMap(language, value) {
    var map = {};
    map[language || 'und'] = value;
    return map;
  }

  function mergeL10n(given) {
    var l10n = {};
    Object.keys(DEFAULT_L10N).forEach(function (key) {
      var value = given && typeof given === 'object' ? plain(given[key]) : '';
      l10n[key] = value || DEFAULT_L10N[key];
    });
    return l10n;
  }

  /** Keeps the well-formed questions only: a question, two answers or more, none empty, a right one. */
  function cleanQuestions(raw) {
    if (!Array.isArray(raw)) {
      return [];
    }
    var questions = [];
    raw.forEach(function (item) {
      if (!item || typeof item !== 'object' || !Array.isArray(item.answers)) {
        return;
      }
      var answers = item.answers.map(plain);
      var correct = item.correct;
      if (
        !plain(item.question) ||
        answers.length < 2 ||
        answers.some(function (answer) { return !answer; }) ||
        typeof correct !== 'number' ||
        Math.floor(correct) !== correct ||
        correct < 0 ||
        correct >= answers.length
      ) {
        return;
      }
      questions.push({
        question: plain(item.question),
        answers: answers,
        correct: correct,
        feedback: plain(item.feedback)
      });
    });
    return questions;
  }

  /**
   * One question: an xAPI sub-activity of the quiz. H5P bubbles its events to the quiz (parent) and sends them
   * to H5P.externalDispatcher once.
   */
  function Question(quiz, index, data) {
    EventDispatcher.call(this);
    this.parent = quiz;
    this.contentId = quiz.contentId;
    this.subContentId = 'q' + (index + 1);
    this.index = index;
    this.data = data;
    this.choice = null;
    this.checked = false;
  }

  Question.prototype = Object.create(EventDispatcher.prototype);
  Question.prototype.constructor = Question;

  Question.prototype.getTitle = function () {
    return this.data.question;
  };

  Question.prototype.isRight = function () {
    return this.checked && this.choice === this.data.correct;
  };

  Question.prototype.sendAnswered = function (language) {
    var right = this.choice === this.data.correct;
    this.libraryInfo = this.parent.libraryInfo;
    var event = this.createXAPIEventTemplate('answered');
    var definition = event.data.statement.object.definition;
    definition.name = languageMap(language, this.data.question);
    definition.description = languageMap(language, this.data.question);
    definition.type = INTERACTION;
    definition.interactionType = 'choice';
    definition.choices = this.data.answers.map(function (answer, position) {
      return { id: String(position), description: languageMap(language, answer) };
    });
    definition.correctResponsesPattern = [String(this.data.correct)];
    event.setScoredResult(right ? 1 : 0, 1, this, true, right);
    event.data.statement.result.response = String(this.choice);
    this.trigger(event);
  };

  /**
   * @param {Object} params content.json
   * @param {number|string} contentId
   * @param {Object} [extras] H5P's extras (metadata: title, defaultLanguage)
   */
  function HocVuSoQuiz(params, contentId, extras) {
    var self = this;
    EventDispatcher.call(this);
    params = params && typeof params === 'object' ? params : {};
    this.contentId = contentId;
    this.extras = extras || {};
    var metadata = this.extras.metadata || {};
    this.language = plain(metadata.defaultLanguage) || 'vi';
    this.title = plain(metadata.title);
    this.l10n = mergeL10n(params.l10n);
    var pass = params.behaviour && typeof params.behaviour === 'object' ? params.behaviour.passPercentage : undefined;
    this.passPercentage = typeof pass === 'number' && pass >= 0 && pass <= 100 ? pass : DEFAULT_PASS_PERCENTAGE;
    this.questions = cleanQuestions(params.questions).map(function (data, index) {
      return new Question(self, index, data);
    });
    // what H5P would set, but whole: some hosts drop a minor version of 0 ("H5P.HocVuSoQuiz 1"), which would
    // spoil the library's IRI in the statements' context
    this.libraryInfo = {
      versionedName: 'H5P.HocVuSoQuiz 1.0',
      versionedNameNoSpaces: 'H5P.HocVuSoQuiz-1.0',
      machineName: 'H5P.HocVuSoQuiz',
      majorVersion: 1,
      minorVersion: 0
    };
    instanceCount += 1;
    this.idPrefix = 'h5p-hvsq-' + instanceCount + '-';
    this.root = null;
  }

  HocVuSoQuiz.prototype = Object.create(EventDispatcher.prototype);
  HocVuSoQuiz.prototype.constructor = HocVuSoQuiz;

  HocVuSoQuiz.prototype.getTitle = function () {
    return this.title || (this.questions.length ? this.questions[0].data.question : '');
  };

  /** @param {H5P.jQuery} $container */
  HocVuSoQuiz.prototype.attach = function ($container) {
    var container = $container && typeof $container.get === 'function' ? $container.get(0) : $container;
    if (!this.root) {
      this.root = this.render();
    }
    container.classList.add('h5p-hvsq-container');
    container.appendChild(this.root);
    if (this.questions.length) {
      this.setActivityStarted();
    }
  };

  HocVuSoQuiz.prototype.render = function () {
    var self = this;
    var root = element('div', 'h5p-hvsq');
    root.lang = this.language;
    if (!this.questions.length) {
      root.appendChild(element('p', 'h5p-hvsq-empty', this.l10n.noQuestions));
      return root;
    }
    this.questions.forEach(function (question) {
      root.appendChild(self.renderQuestion(question));
    });
    this.result = element('p', 'h5p-hvsq-result');
    this.result.setAttribute('role', 'status');
    this.result.setAttribute('aria-atomic', 'true');
    root.appendChild(this.result);
    this.retryButton = element('button', 'h5p-hvsq-button h5p-hvsq-retry', this.l10n.retry);
    this.retryButton.type = 'button';
    this.retryButton.hidden = true;
    this.retryButton.addEventListener('click', function () {
      self.resetTask();
      self.questions[0].inputs[0].focus();
    });
    root.appendChild(this.retryButton);
    return root;
  };

  HocVuSoQuiz.prototype.renderQuestion = function (question) {
    var self = this;
    var name = this.idPrefix + question.subContentId;
    var fieldset = element('fieldset', 'h5p-hvsq-question');
    var legend = element('legend', 'h5p-hvsq-legend');
    legend.appendChild(
      element(
        'span',
        'h5p-hvsq-number',
        fill(this.l10n.questionNumber, { number: question.index + 1, total: this.questions.length })
      )
    );
    legend.appendChild(element('span', 'h5p-hvsq-text', question.data.question));
    fieldset.appendChild(legend);

    var answers = element('div', 'h5p-hvsq-answers');
    question.inputs = [];
    question.labels = [];
    question.marks = [];
    question.data.answers.forEach(function (answer, position) {
      // the whole row is the label: a large target for a finger, and one name for the radio
      var label = element('label', 'h5p-hvsq-answer');
      var input = element('input', 'h5p-hvsq-radio');
      input.type = 'radio';
      input.name = name;
      input.value = String(position);
      input.addEventListener('change', function () {
        if (!question.checked && input.checked) {
          question.choice = position;
        }
      });
      var mark = element('span', 'h5p-hvsq-mark');
      mark.hidden = true;
      label.appendChild(input);
      label.appendChild(element('span', 'h5p-hvsq-answer-text', answer));
      label.appendChild(mark);
      answers.appendChild(label);
      question.inputs.push(input);
      question.labels.push(label);
      question.marks.push(mark);
    });
    fieldset.appendChild(answers);

    question.button = element('button', 'h5p-hvsq-button h5p-hvsq-check', this.l10n.check);
    question.button.type = 'button';
    question.button.addEventListener('click', function () {
      self.check(question);
    });
    fieldset.appendChild(question.button);
    question.feedback = element('p', 'h5p-hvsq-feedback');
    question.feedback.setAttribute('role', 'status');
    question.feedback.setAttribute('aria-atomic', 'true');
    fieldset.appendChild(question.feedback);
    return fieldset;
  };

  HocVuSoQuiz.prototype.showMark = function (question, position, text, state) {
    question.labels[position].classList.add('h5p-hvsq-' + state);
    question.marks[position].textContent = text;
    question.marks[position].hidden = false;
  };

  HocVuSoQuiz.prototype.check = function (question) {
    if (question.checked) {
      return;
    }
    var l10n = this.l10n;
    if (question.choice === null) {
      question.feedback.className = 'h5p-hvsq-feedback';
      question.feedback.textContent = l10n.chooseFirst;
      this.trigger('resize');
      return;
    }
    question.checked = true;
    var correct = question.data.correct;
    var right = question.choice === correct;
    question.inputs.forEach(function (input) {
      input.disabled = true;
    });
    this.showMark(question, correct, l10n.rightAnswerMark, 'right');
    if (!right) {
      this.showMark(question, question.choice, l10n.yourAnswerMark, 'wrong');
    }
    // stays focusable, so the keyboard's place is not lost; a second press does nothing
    question.button.textContent = l10n.checked;
    question.button.setAttribute('aria-disabled', 'true');
    var message = right ? l10n.correct : l10n.wrong + ' ' + fill(l10n.correctAnswer, { answer: question.data.answers[correct] });
    if (question.data.feedback) {
      message += ' ' + question.data.feedback;
    }
    question.feedback.className = 'h5p-hvsq-feedback h5p-hvsq-feedback-' + (right ? 'right' : 'wrong');
    question.feedback.textContent = message;
    question.sendAnswered(this.language);
    if (this.questions.every(function (item) { return item.checked; })) {
      this.finish();
    }
    this.trigger('resize');
  };

  HocVuSoQuiz.prototype.isPassed = function () {
    var max = this.getMaxScore();
    return max > 0 && this.getScore() * 100 >= this.passPercentage * max;
  };

  HocVuSoQuiz.prototype.finish = function () {
    var score = this.getScore();
    var max = this.getMaxScore();
    var passed = this.isPassed();
    this.result.textContent =
      fill(this.l10n.score, { score: score, total: max }) + ' ' + (passed ? this.l10n.passed : this.l10n.notPassed);
    this.retryButton.hidden = false;
    this.triggerXAPIScored(score, max, 'completed', true, passed);
  };

  /* The H5P question contract, for hosts that use it. */

  HocVuSoQuiz.prototype.getScore = function () {
    return this.questions.filter(function (question) { return question.isRight(); }).length;
  };

  HocVuSoQuiz.prototype.getMaxScore = function () {
    return this.questions.length;
  };

  HocVuSoQuiz.prototype.getAnswerGiven = function () {
    return this.questions.some(function (question) { return question.checked; });
  };

  HocVuSoQuiz.prototype.showSolutions = function () {
    var self = this;
    this.questions.forEach(function (question) {
      if (!question.inputs) {
        return;
      }
      question.inputs.forEach(function (input) {
        input.disabled = true;
      });
      self.showMark(question, question.data.correct, self.l10n.rightAnswerMark, 'right');
    });
    this.trigger('resize');
  };

  HocVuSoQuiz.prototype.resetTask = function () {
    var l10n = this.l10n;
    this.questions.forEach(function (question) {
      question.checked = false;
      question.choice = null;
      if (!question.inputs) {
        return;
      }
      question.inputs.forEach(function (input) {
        input.disabled = false;
        input.checked = false;
      });
      question.labels.forEach(function (label) {
        label.classList.remove('h5p-hvsq-right', 'h5p-hvsq-wrong');
      });
      question.marks.forEach(function (mark) {
        mark.textContent = '';
        mark.hidden = true;
      });
      question.button.textContent = l10n.check;
      question.button.removeAttribute('aria-disabled');
      question.feedback.className = 'h5p-hvsq-feedback';
      question.feedback.textContent = '';
    });
    if (this.result) {
      this.result.textContent = '';
      this.retryButton.hidden = true;
    }
    // a new attempt: "attempted" again, and the next statements' durations count from now
    this.activityStartTime = undefined;
    this.setActivityStarted();
    this.trigger('resize');
  };

  return HocVuSoQuiz;
})(H5P.EventDispatcher);
