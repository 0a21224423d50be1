/* The lesson page: reports study evidence to the server and plays H5P activities on demand.
 *
 * What it sends is evidence, never a verdict: time the page was in view, video segments really played, the
 * xAPI statements of H5P activities. The server bounds all of it by its own clock and decides when the lesson
 * is done. Nothing is lost offline: unsent evidence waits (also across a reload, in localStorage) and goes
 * out when the connection is back.
 */
(function () {
  "use strict";
  var configNode = document.getElementById("lesson-config");
  if (!configNode) return;
  var config = JSON.parse(configNode.textContent);
  if (config.preview) return;

  var IDLE_AFTER_MS = 2 * 60 * 1000;
  var storageKey = "hocvuso:lesson:" + config.heartbeatUrl;
  var csrf = (document.cookie.match(/(?:^|; )csrftoken=([^;]+)/) || [])[1] || "";
  var visibleMs = 0;
  var lastTick = Date.now();
  var lastActivity = Date.now();
  var seq = 0;
  var sending = false;
  var pendingVideo = {}; // block id -> {duration, segments: [[a, b], ...]} not yet acknowledged
  var playing = 0;

  function post(url, body) {
    var headers = { "Content-Type": "application/json", "X-CSRFToken": decodeURIComponent(csrf) };
    return fetch(url, { method: "POST", headers: headers, body: JSON.stringify(body), credentials: "same-origin", keepalive: true })
      .then(function (response) {
        return response.json().then(function (data) { return { ok: response.ok, status: response.status, data: data }; });
      });
  }

  function showOffline(offline) {
    var note = document.querySelector("[data-status-offline]");
    if (note) note.hidden = !offline;
  }

  function applyState(state) {
    if (!state || !state.missing) return;
    var list = document.querySelector("[data-status-list]");
    if (list) {
      list.querySelectorAll("[data-need]").forEach(function (item) {
        item.className = state.missing.indexOf(item.getAttribute("data-need")) === -1 ? "ok" : "todo";
      });
      list.hidden = state.completed;
    }
    var done = document.querySelector("[data-status-done]");
    if (done) done.hidden = !state.completed;
    if (state.completed) {
      var locked = document.querySelector("[data-next-locked]");
      var next = document.querySelector("[data-next-link]");
      if (locked) locked.hidden = true;
      if (next) next.hidden = false;
    }
    (state.activities_done || []).forEach(function (blockId) {
      var note = document.querySelector('[data-h5p-block="' + blockId + '"] [data-h5p-done]');
      if (note) note.hidden = false;
    });
    Object.keys(state.video_percent || {}).forEach(function (blockId) {
      var note = document.querySelector('[data-video-block="' + blockId + '"] [data-video-progress]');
      if (note) {
        note.hidden = false;
        note.textContent = note.getAttribute("data-template") ? note.getAttribute("data-template").replace("%s", state.video_percent[blockId]) : state.video_percent[blockId] + "%";
      }
    });
  }

  // --- time in view ------------------------------------------------------------------------------------
  function tick() {
    var now = Date.now();
    var active = document.visibilityState === "visible" && (now - lastActivity < IDLE_AFTER_MS || playing > 0);
    if (active) visibleMs += Math.min(now - lastTick, 5000);
    lastTick = now;
  }
  ["scroll", "keydown", "pointerdown", "pointermove", "touchstart", "wheel"].forEach(function (name) {
    window.addEventListener(name, function () { lastActivity = Date.now(); }, { passive: true });
  });

  // --- video segments really played ---------------------------------------------------------------------
  document.querySelectorAll("video[data-block]").forEach(function (video) {
    var blockId = video.getAttribute("data-block");
    var segment = null;
    function close() { segment = null; }
    video.addEventListener("play", function () { playing += 1; });
    video.addEventListener("pause", function () { playing = Math.max(0, playing - 1); close(); });
    video.addEventListener("ended", function () { playing = Math.max(0, playing - 1); close(); });
    video.addEventListener("seeking", close);
    video.addEventListener("timeupdate", function () {
      if (video.paused || video.seeking) return;
      var t = video.currentTime;
      var entry = pendingVideo[blockId] || (pendingVideo[blockId] = { duration: video.duration || 0, segments: [] });
      entry.duration = video.duration || entry.duration;
      if (segment && t >= segment[1] && t - segment[1] < 1.5) {
        segment[1] = t;
      } else {
        segment = [t, t];
        entry.segments.push(segment);
      }
      lastActivity = Date.now();
    });
  });

  // --- heartbeats ----------------------------------------------------------------------------------------
  function snapshot() {
    return { view: config.view, seq: seq + 1, visible_seconds: visibleMs / 1000, video: pendingVideo };
  }

  function remember() {
    try { localStorage.setItem(storageKey, JSON.stringify(snapshot())); } catch (error) { /* private mode */ }
  }

  function beat() {
    tick();
    if (sending) return;
    sending = true;
    var body = snapshot();
    var sentVideo = pendingVideo;
    pendingVideo = {};
    post(config.heartbeatUrl, body).then(function (result) {
      sending = false;
      showOffline(false);
      if (result.ok) {
        seq = body.seq;
        try { localStorage.removeItem(storageKey); } catch (error) { /* ignore */ }
        applyState(result.data);
      } else if (result.status === 409 || result.status === 401) {
        showOffline(false);
      }
    }).catch(function () {
      sending = false;
      // put the unacknowledged segments back: they go out with the next heartbeat
      Object.keys(sentVideo).forEach(function (blockId) {
        var entry = pendingVideo[blockId] || (pendingVideo[blockId] = { duration: sentVideo[blockId].duration, segments: [] });
        entry.segments = sentVideo[blockId].segments.concat(entry.segments);
      });
      showOffline(true);
      remember();
    });
  }

  // evidence left unsent by an earlier opening of this page (closed while offline) goes out first
  try {
    var left = JSON.parse(localStorage.getItem(storageKey) || "null");
    if (left && left.view && left.view !== config.view) {
      post(config.heartbeatUrl, left).then(function () { localStorage.removeItem(storageKey); }).catch(function () {});
    }
  } catch (error) { /* ignore */ }

  setInterval(tick, 1000);
  setInterval(beat, (config.interval || 15) * 1000);
  document.addEventListener("visibilitychange", function () {
    tick();
    if (document.visibilityState === "hidden") { remember(); beat(); }
  });
  window.addEventListener("online", beat);

  // --- H5P activities, loaded only when the learner starts one -------------------------------------------
  // media/h5p_host.js sizes the frames and turns their messages into "hocvuso:h5p-xapi" events (media/api.py)
  document.querySelectorAll("[data-h5p-block]").forEach(function (section) {
    var blockId = section.getAttribute("data-h5p-block");
    var button = section.querySelector("[data-h5p-start]");
    var holder = section.querySelector("[data-h5p-frame-holder]");
    var url = config.players[blockId];
    if (!button || !holder || !url) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var frame = document.createElement("iframe");
      frame.setAttribute("data-h5p-frame", "");
      frame.setAttribute("sandbox", "allow-scripts");
      frame.setAttribute("referrerpolicy", "no-referrer");
      frame.setAttribute("title", section.getAttribute("aria-label") || "H5P");
      frame.className = "h5p-iframe";
      frame.src = url;
      holder.appendChild(frame);
      button.hidden = true;
      frame.focus();
    });
    section.addEventListener("hocvuso:h5p-xapi", function (event) {
      lastActivity = Date.now();
      var body = { block: blockId, statement: event.detail.statement };
      var send = function (attempt) {
        post(config.xapiUrl, body).then(function (result) {
          showOffline(false);
          if (result.ok) applyState(result.data);
        }).catch(function () {
          showOffline(true);
          if (attempt < 20) setTimeout(function () { send(attempt + 1); }, Math.min(60000, 2000 * (attempt + 1)));
        });
      };
      send(0);
    });
  });
})();
