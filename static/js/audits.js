// Autosave of the audit-day form: a draft is saved with fetch a moment after each change.
// Without JavaScript the form still works through its "Save draft" and "Submit" buttons.
(function () {
  "use strict";
  var form = document.getElementById("day-form");
  if (!form || !window.fetch || !window.FormData) return;
  var url = form.dataset.autosaveUrl;
  var status = document.getElementById("autosave-status");
  var timer = null;
  var submitting = false;

  function show(text) { if (status) status.textContent = text; }

  function save() {
    if (submitting) return;
    var data = new FormData(form);
    data.delete("photo"); // photos go with the real submit
    fetch(url, { method: "POST", body: data, credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(function (response) { return response.json(); })
      .then(function (json) {
        show(json.message || "");
        // The draft exists now: reloading the page must reopen it, not start another day.
        if (json.ok && json.url && window.history && location.pathname !== json.url) {
          history.replaceState(null, "", json.url);
        }
        form.querySelectorAll(".is-invalid").forEach(function (el) { el.classList.remove("is-invalid"); });
        if (!json.ok && json.errors) {
          Object.keys(json.errors).forEach(function (name) {
            var input = form.querySelector('[name="' + name + '"]');
            if (input) input.classList.add("is-invalid");
          });
        }
      })
      .catch(function () { show(form.dataset.offline || ""); });
  }

  form.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(save, 1500);
  });
  form.addEventListener("submit", function (event) {
    // One submit only: a double tap sends nothing more (and the server ignores a repeat anyway).
    if (submitting) { event.preventDefault(); return; }
    submitting = true;
    clearTimeout(timer);
  });
})();
