/* weerbaar autosave: every answer is POSTed the moment it is given (progressive enhancement).
 * Without JavaScript the form's submit button stores the whole page. Texts are saved after a
 * short pause in typing, on leaving the field, and (pending ones) when the page is closed. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave]");
  if (!form || !window.fetch || !window.FormData) { return; }
  var url = form.getAttribute("data-autosave");
  var tokenInput = form.querySelector("input[name=csrfmiddlewaretoken]");
  var lang = document.documentElement.lang === "en" ? "en" : "nl";
  var words = {
    nl: { saving: "Bezig met opslaan…", saved: "Opgeslagen", failed: "Niet opgeslagen: ", offline: "geen verbinding. Probeer het opnieuw.", progress: "{a} van {t} vragen beantwoord" },
    en: { saving: "Saving…", saved: "Saved", failed: "Not saved: ", offline: "no connection. Please try again.", progress: "{a} of {t} questions answered" }
  }[lang];
  var pending = {};
  var timers = {};

  function payload(fieldset) {
    var qid = fieldset.getAttribute("data-question");
    var prefix = "q-" + qid;
    var data = new FormData();
    var checked = fieldset.querySelector("input[name='" + prefix + "-value']:checked");
    if (!checked) { return null; }
    data.append("csrfmiddlewaretoken", tokenInput ? tokenInput.value : "");
    data.append("question_id", qid);
    data.append("value", checked.value);
    data.append("note", (fieldset.querySelector("[name='" + prefix + "-note']") || {}).value || "");
    data.append("evidence", (fieldset.querySelector("[name='" + prefix + "-evidence']") || {}).value || "");
    return data;
  }

  function showState(fieldset, text, isError) {
    var state = fieldset.querySelector("[data-save-state]");
    if (!state) { return; }
    state.textContent = text;
    state.classList.toggle("wb-save-state--error", !!isError);
  }

  function showParts(parts) {
    Object.keys(parts || {}).forEach(function (part) {
      var count = document.querySelector("[data-part-count='" + part + "']");
      if (count) { count.textContent = parts[part][0] + "/" + parts[part][1]; }
    });
  }

  function showProgress(answered, total) {
    var bar = document.querySelector("[data-progress]");
    var text = document.querySelector("[data-progress-text]");
    if (bar) { bar.max = total; bar.value = answered; bar.textContent = answered + " / " + total; }
    if (text) { text.textContent = words.progress.replace("{a}", answered).replace("{t}", total); }
  }

  function save(fieldset) {
    var qid = fieldset.getAttribute("data-question");
    var data = payload(fieldset);
    if (!data) { return; }
    delete pending[qid];
    showState(fieldset, words.saving, false);
    fetch(url, { method: "POST", body: data, credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      })
      .then(function (result) {
        if (result.ok) {
          showState(fieldset, words.saved, false);
          showProgress(result.body.answered, result.body.total);
          showParts(result.body.parts);
        } else {
          showState(fieldset, words.failed + (result.body.error || ""), true);
        }
      })
      .catch(function () { pending[qid] = fieldset; showState(fieldset, words.failed + words.offline, true); });
  }

  form.addEventListener("change", function (event) {
    var fieldset = event.target.closest("[data-question]");
    if (fieldset) { save(fieldset); }
  });
  form.addEventListener("input", function (event) {
    if (event.target.type === "radio") { return; }
    var fieldset = event.target.closest("[data-question]");
    if (!fieldset) { return; }
    var qid = fieldset.getAttribute("data-question");
    pending[qid] = fieldset;
    clearTimeout(timers[qid]);
    timers[qid] = setTimeout(function () { save(fieldset); }, 1000);
  });
  window.addEventListener("pagehide", function () {
    Object.keys(pending).forEach(function (qid) {
      var data = payload(pending[qid]);
      if (data && navigator.sendBeacon) { navigator.sendBeacon(url, data); }
    });
  });
  form.setAttribute("data-autosave-ready", "true");
}());
