/* The admin's "Try out" page of an H5P activity: lists each xAPI statement the player reports (through
 * media/h5p_host.js) as "verb — what — score — passed or not". Each item also carries the raw values in
 * data-verb, data-score, data-max and data-success. */
(function () {
  "use strict";

  var list = document.getElementById("h5p-preview-statements");
  var empty = document.getElementById("h5p-preview-empty");
  if (!list) {
    return;
  }

  function firstValue(map) {
    if (!map || typeof map !== "object") {
      return "";
    }
    var keys = Object.keys(map);
    return keys.length ? String(map[keys[0]]) : "";
  }

  document.addEventListener("hocvuso:h5p-xapi", function (event) {
    var statement = event.detail && event.detail.statement;
    if (!statement || typeof statement !== "object") {
      return;
    }
    var verbId = statement.verb && typeof statement.verb.id === "string" ? statement.verb.id : "";
    var verb = verbId.split("/").pop();
    var object = statement.object || {};
    var result = statement.result || {};
    var score = result.score || {};
    var parts = [verb, firstValue(object.definition && object.definition.name)];
    var item = document.createElement("li");
    item.dataset.verb = verb;
    if (typeof score.raw === "number") {
      item.dataset.score = String(score.raw);
      parts.push(typeof score.max === "number" ? score.raw + "/" + score.max : String(score.raw));
      if (typeof score.max === "number") {
        item.dataset.max = String(score.max);
      }
    }
    if (typeof result.success === "boolean") {
      item.dataset.success = String(result.success);
      parts.push(result.success ? list.dataset.labelSuccess : list.dataset.labelFailure);
    }
    item.textContent = parts.filter(Boolean).join(" — ");
    list.appendChild(item);
    if (empty) {
      empty.hidden = true;
    }
  });
})();
