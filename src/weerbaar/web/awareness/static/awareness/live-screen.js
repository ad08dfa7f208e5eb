/* The projector screen: polls the session's state every second and updates the vote count and
   the distribution in place; reloads the page when the facilitator (or another tab) moves the
   session to another card or phase. State lives in the database, so this works behind any
   number of server processes. */
(function () {
  "use strict";
  var root = document.querySelector("[data-live-screen]");
  if (!root || !window.fetch) { return; }
  var url = root.getAttribute("data-state-url");
  var en = document.documentElement.lang === "en";
  var busy = false;

  function text(n, one, many) { return n + " " + (n === 1 ? one : many); }

  function render(state) {
    var participants = root.querySelector("[data-participants]");
    if (participants) { participants.textContent = en ? text(state.participants, "participant", "participants") : text(state.participants, "deelnemer", "deelnemers"); }
    var count = root.querySelector("[data-vote-count]");
    if (count && typeof state.votes === "number") {
      var line = en ? text(state.votes, "vote", "votes") : text(state.votes, "stem", "stemmen");
      if (!state.shown) {
        line += en ? " · the distribution appears after " + text(state.missing, "more vote", "more votes")
                   : " · de verdeling verschijnt na nog " + text(state.missing, "stem", "stemmen");
      }
      count.textContent = line;
    }
    var bars = root.querySelector("[data-bars]");
    if (bars) {
      bars.hidden = !state.shown;
      (state.shares || []).forEach(function (share) {
        var item = bars.querySelector('[data-option="' + share.option + '"]');
        if (!item) { return; }
        item.querySelector("meter").value = share.percent;
        item.querySelector("[data-percent]").textContent = share.percent + "%";
      });
    }
  }

  function poll() {
    if (busy || document.hidden) { return; }
    busy = true;
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" }, cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (state) {
        if (!state) { return; }
        if (state.status !== root.getAttribute("data-status") || state.phase !== root.getAttribute("data-phase") ||
            String(state.position) !== root.getAttribute("data-position")) {
          window.location.reload();
          return;
        }
        render(state);
      })
      .catch(function () { /* the next poll tries again */ })
      .then(function () { busy = false; });
  }
  window.setInterval(poll, 1000);
}());
