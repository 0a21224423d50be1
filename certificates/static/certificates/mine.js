// "Copy link" buttons on "Chứng nhận của tôi": shown only where the browser can copy; the link itself works without.
(function () {
  "use strict";
  if (!navigator.clipboard || !window.isSecureContext) return;
  document.querySelectorAll(".copy-button[data-copy]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var status = button.closest(".share-box").querySelector(".copy-status");
      navigator.clipboard.writeText(button.dataset.copy).then(function () {
        status.textContent = button.dataset.done;
      }, function () {
        status.textContent = "";
      });
    });
  });
})();
