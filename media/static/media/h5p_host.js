/* On a page that embeds H5P players (media/templates/media/h5p_frame.html): listens to the players' messages
 * (the contract is in media/api.py), only from the frames marked data-h5p-frame, recognised by their window since
 * a sandboxed frame's origin is "null".
 *   "hocvuso:h5p-resize" -> the frame takes the content's height;
 *   "hocvuso:h5p-xapi"   -> a "hocvuso:h5p-xapi" DOM event bubbles from the frame, event.detail.statement being
 *                           the statement (untrusted: the learner's browser wrote it).
 * Loaded once per page however many frames include it.
 */
(function () {
  "use strict";

  if (window.hocvusoH5PHost) {
    return;
  }
  window.hocvusoH5PHost = true;

  var MIN_HEIGHT = 120;
  var MAX_HEIGHT = 20000;

  function frames() {
    return Array.prototype.slice.call(document.querySelectorAll("iframe[data-h5p-frame]"));
  }

  function shape(frame) {
    frame.style.display = "block";
    frame.style.width = "100%";
    frame.style.border = "0";
  }

  function frameOf(source) {
    var found = null;
    frames().forEach(function (frame) {
      if (frame.contentWindow === source) {
        found = frame;
      }
    });
    return found;
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || typeof data !== "object" || typeof data.type !== "string") {
      return;
    }
    var frame = frameOf(event.source);
    if (!frame) {
      return;
    }
    if (data.type === "hocvuso:h5p-resize" && typeof data.height === "number" && isFinite(data.height)) {
      frame.style.height = Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.ceil(data.height))) + "px";
    } else if (data.type === "hocvuso:h5p-xapi" && data.statement && typeof data.statement === "object") {
      frame.dispatchEvent(
        new CustomEvent("hocvuso:h5p-xapi", { bubbles: true, detail: { statement: data.statement } })
      );
    }
  });

  function shapeAll() {
    frames().forEach(shape);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", shapeAll);
  } else {
    shapeAll();
  }
})();
