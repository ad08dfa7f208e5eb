/* A participant's phone: votes without leaving the page and polls every two seconds for the
   next card; reloads when the facilitator opens or closes a vote. Without JavaScript the vote
   form posts normally and the "Vernieuwen" link reloads. */
(function () {
  "use strict";
  var root = document.querySelector("[data-participant]");
  if (!root || !window.fetch) { return; }
  var url = root.getAttribute("data-state-url");
  var en = document.documentElement.lang === "en";
  var form = root.querySelector("[data-vote-form]");
  if (form) {
    form.addEventListener("submit", function (event) {
      var button = event.submitter;
      if (!button) { return; }
      event.preventDefault();
      var data = new FormData(form);
      data.set("option", button.value);
      form.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
      fetch(form.action, { method: "POST", body: data, credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.json().catch(function () { return {}; }); })
        .then(function (result) {
          var status = root.querySelector("[data-participant-status]");
          var done = result.counted || result.already;
          status.innerHTML = "";
          var p = document.createElement("p");
          p.className = "utrecht-paragraph";
          if (done) { p.setAttribute("data-voted", ""); }
          p.textContent = done ? (en ? "Your vote has been counted. Look at the screen." : "Uw stem is geteld. Kijk op het scherm.")
                               : (en ? "Voting on this card has closed." : "Het stemmen op deze kaart is gesloten.");
          status.appendChild(p);
        })
        .catch(function () { form.submit(); });
    });
  }
  function poll() {
    if (document.hidden) { return; }
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" }, cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (state) {
        if (!state) { return; }
        if (state.status !== root.getAttribute("data-status") || state.phase !== root.getAttribute("data-phase") ||
            String(state.position) !== root.getAttribute("data-position")) {
          window.location.reload();
        }
      })
      .catch(function () {});
  }
  window.setInterval(poll, 2000);
}());
