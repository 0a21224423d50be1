/* The sandboxed H5P player page (media/templates/media/h5p_player.html).
 *
 * Starts h5p-standalone with the options the page carries (json_script "h5p-player-options") and tells the
 * embedding page, by postMessage (the contract is documented in media/api.py):
 *   {type: "hocvuso:h5p-xapi", statement}  for every xAPI statement the content sends;
 *   {type: "hocvuso:h5p-resize", height}   whenever the content's height (CSS pixels) changes.
 * The page has an opaque origin (sandbox without allow-same-origin), so "*" is the only target origin it can
 * name; a statement holds nothing the embedding page does not know already.
 */
(function () {
  "use strict";

  var root = document.getElementById("h5p-player");
  var content = document.getElementById("h5p-player-content");
  var failed = document.getElementById("h5p-player-failed");

  function tell(message) {
    if (window.parent !== window) {
      window.parent.postMessage(message, "*");
    }
  }

  function fail(error) {
    failed.hidden = false;
    if (window.console) {
      window.console.error("H5P player:", error);
    }
  }

  // The page has an opaque origin, where reading window.localStorage or sessionStorage throws, and parts of H5P
  // core read them unguarded (its offline request queue, its clipboard). A Storage kept in memory for the page's
  // life stands in: nothing H5P keeps there has to outlive the page, and the site's storage stays out of reach.
  function memoryStorage() {
    var items = Object.create(null);
    return {
      get length() {
        return Object.keys(items).length;
      },
      key: function (index) {
        var keys = Object.keys(items);
        return index >= 0 && index < keys.length ? keys[index] : null;
      },
      getItem: function (key) {
        key = String(key);
        return key in items ? items[key] : null;
      },
      setItem: function (key, value) {
        items[String(key)] = String(value);
      },
      removeItem: function (key) {
        delete items[String(key)];
      },
      clear: function () {
        items = Object.create(null);
      }
    };
  }

  function standInForStorage(name) {
    try {
      if (window[name]) {
        return;
      }
    } catch (error) {
      // an opaque origin: replaced below
    }
    try {
      Object.defineProperty(window, name, { configurable: true, enumerable: true, value: memoryStorage() });
    } catch (error) {
      fail(error);
    }
  }

  function reportHeight() {
    var last = -1;
    function report() {
      var height = Math.ceil(root.getBoundingClientRect().height);
      if (height !== last) {
        last = height;
        tell({ type: "hocvuso:h5p-resize", height: height });
      }
    }
    if (typeof window.ResizeObserver === "function") {
      new window.ResizeObserver(report).observe(root);
    } else {
      window.addEventListener("resize", report);
      window.setInterval(report, 1000);
    }
    report();
  }

  function start() {
    var options;
    try {
      options = JSON.parse(document.getElementById("h5p-player-options").textContent);
    } catch (error) {
      fail(error);
      return;
    }
    if (!window.H5PStandalone || typeof window.H5PStandalone.H5P !== "function") {
      fail(new Error("h5p-standalone did not load"));
      return;
    }
    // preventH5PInit is false in the options: h5p-standalone loads everything, then H5P starts here, once the
    // xAPI listener is in place, so even the first statement ("attempted") reaches the embedding page
    new window.H5PStandalone.H5P(content, options)
      .then(function () {
        var H5P = window.H5P;
        H5P.externalDispatcher.on("xAPI", function (event) {
          // a plain copy: what postMessage can always clone
          tell({ type: "hocvuso:h5p-xapi", statement: JSON.parse(JSON.stringify(event.data.statement)) });
        });
        H5P.preventInit = false;
        H5P.init(content);
      })
      .catch(fail);
  }

  standInForStorage("localStorage");
  standInForStorage("sessionStorage");
  reportHeight();
  start();
})();
