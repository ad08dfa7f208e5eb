/* Long-running forms (uploads, plan calculation): once submitted, say that the work is under
   way and block a second submit. The status element is in the page from the start (an empty
   role="status" region), so screen readers announce the text when it is filled in. */
(function () {
  "use strict";
  var forms = document.querySelectorAll("form[data-busy-message]");
  Array.prototype.forEach.call(forms, function (form) {
    var status = form.querySelector("[data-busy-status]");
    var busy = false;
    form.addEventListener("submit", function (event) {
      if (busy) { event.preventDefault(); return; }
      busy = true;
      form.setAttribute("aria-busy", "true");
      if (status) { status.textContent = form.getAttribute("data-busy-message"); }
      Array.prototype.forEach.call(form.querySelectorAll("button[type=submit]"), function (button) {
        button.setAttribute("aria-disabled", "true");
      });
    });
    /* Back/forward cache: a page restored after navigating away is usable again. */
    window.addEventListener("pageshow", function (event) {
      if (!event.persisted) { return; }
      busy = false;
      form.removeAttribute("aria-busy");
      if (status) { status.textContent = ""; }
      Array.prototype.forEach.call(form.querySelectorAll("button[type=submit]"), function (button) {
        button.removeAttribute("aria-disabled");
      });
    });
  });
}());
