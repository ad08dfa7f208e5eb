/* "Copy" button for a respondent's one-time link (hidden without JavaScript). */
(function () {
  "use strict";
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    var input = document.getElementById(button.getAttribute("data-copy"));
    var state = document.querySelector("[data-copy-state]");
    if (!input || !navigator.clipboard) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(input.value).then(function () {
        if (state) { state.textContent = document.documentElement.lang === "en" ? "Copied" : "Gekopieerd"; }
      });
    });
  });
}());
