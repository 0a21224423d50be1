/* The attempt page, enhanced: autosave (the form's own buttons still work without it), a countdown to the
   server's deadline with calm announcements at 5 and 1 minutes, and a warning when the phone is offline. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-quiz]");
  if (!form || !window.fetch || !window.FormData) return;
  var statusBox = form.querySelector("[data-save-status]");
  var sequence = form.querySelector("[data-sequence]");
  var url = form.getAttribute("data-autosave-url");
  var dirty = false, inFlight = false, timer = null, retryDelay = 2000, stopped = false, pendingSubmit = null;

  function say(text, problem) {
    if (!statusBox) return;
    statusBox.textContent = text;
    statusBox.classList.toggle("is-problem", !!problem);
  }
  function clock(date) {
    var two = function (n) { return (n < 10 ? "0" : "") + n; };
    return two(date.getHours()) + ":" + two(date.getMinutes()) + ":" + two(date.getSeconds());
  }
  function schedule(delay) {
    if (!url || stopped) return;
    clearTimeout(timer);
    timer = setTimeout(save, delay);
  }
  function payload() {
    var data = new FormData(form);
    var drop = [];
    data.forEach(function (value, key) { if (typeof value !== "string") drop.push(key); });
    drop.forEach(function (key) { data.delete(key); });
    return data;
  }
  function finishPending() {
    if (pendingSubmit) {
      var submitter = pendingSubmit;
      pendingSubmit = null;
      if (form.requestSubmit) form.requestSubmit(submitter); else form.submit();
    }
  }
  function save() {
    if (!dirty || inFlight || stopped) return;
    if (navigator.onLine === false) { say(form.getAttribute("data-msg-offline"), true); return; }
    inFlight = true;
    dirty = false;
    say(form.getAttribute("data-msg-saving"));
    fetch(url, { method: "POST", body: payload(), credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) {
        return response.json().then(function (body) { return { status: response.status, body: body }; });
      })
      .then(function (result) {
        inFlight = false;
        var body = result.body || {};
        if (body.ok) {
          sequence.value = body.sequence;
          retryDelay = 2000;
          say(form.getAttribute("data-msg-saved").replace("{time}", clock(new Date(body.saved_at))));
          if (body.open === false) { stopped = true; window.location.reload(); return; }
        } else {
          // the engine refused: say why; a stale or closed page needs a reload, not a retry
          stopped = true;
          say(body.message || "", true);
        }
        finishPending();
      })
      .catch(function () {
        inFlight = false;
        dirty = true;
        say(form.getAttribute(navigator.onLine === false ? "data-msg-offline" : "data-msg-retry"), true);
        schedule(retryDelay);
        retryDelay = Math.min(retryDelay * 2, 30000);
        finishPending();
      });
  }
  function changed(event) {
    if (event.target && event.target.type === "file") { say(form.getAttribute("data-msg-files")); return; }
    dirty = true;
    schedule(event.type === "input" ? 2500 : 600);
  }
  if (url) {
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    setInterval(function () { if (dirty) save(); }, 30000);
    window.addEventListener("online", function () { if (dirty) save(); });
    window.addEventListener("offline", function () { say(form.getAttribute("data-msg-offline"), true); });
    window.addEventListener("pagehide", function () {
      if (dirty && navigator.sendBeacon) navigator.sendBeacon(url, payload());
    });
  }
  form.addEventListener("submit", function (event) {
    clearTimeout(timer);
    if (inFlight) {
      // wait for the autosave, so the buttons send the sequence it returned
      event.preventDefault();
      pendingSubmit = event.submitter || null;
      return;
    }
    dirty = false;
    stopped = true;
  });

  // --- the countdown ---------------------------------------------------------------------------------------------
  var box = document.querySelector("[data-deadline]");
  if (!box) return;
  var deadline = Date.parse(box.getAttribute("data-deadline"));
  var skew = Date.parse(box.getAttribute("data-now")) - Date.now();
  var shown = box.querySelector("[data-countdown]");
  var value = box.querySelector("[data-countdown-value]");
  var announce = box.querySelector("[data-countdown-announce]");
  var told = {};
  if (isNaN(deadline) || !shown) return;
  shown.hidden = false;
  function tick() {
    var left = Math.max(0, Math.round((deadline - (Date.now() + skew)) / 1000));
    var minutes = Math.floor(left / 60), seconds = left % 60;
    value.textContent = minutes + ":" + (seconds < 10 ? "0" : "") + seconds;
    box.classList.toggle("is-short", left <= 300);
    if (left <= 300 && left > 60 && !told.five) { told.five = true; announce.textContent = box.getAttribute("data-msg-five"); }
    if (left <= 60 && left > 0 && !told.one) { told.one = true; announce.textContent = box.getAttribute("data-msg-one"); }
    if (left === 0 && !told.over) {
      told.over = true;
      announce.textContent = box.getAttribute("data-msg-over");
      dirty = true;
      save();
      // the server hands the test in at its deadline; the page then shows the result
      setTimeout(function () { window.location.reload(); }, 7000);
      return;
    }
    setTimeout(tick, 1000 - (Date.now() % 1000));
  }
  tick();
})();
