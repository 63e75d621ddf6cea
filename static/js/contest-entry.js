// Autosave of the entry form (initiative or slogan): a draft is saved with fetch a moment
// after each change. Files go only with the real "Save draft" or "Submit" (a normal POST).
// Without JavaScript the form still works through its buttons.
(function () {
  "use strict";
  var form = document.getElementById("entry-form");
  if (!form || !window.fetch || !window.FormData) return;
  var url = form.dataset.autosaveUrl;
  var status = document.getElementById("autosave-status");
  var timer = null;
  var submitting = false;

  function show(text, ok) {
    if (!status) return;
    status.textContent = text;
    status.classList.toggle("saved", ok === true);
    status.classList.toggle("error", ok === false);
  }

  function save() {
    if (submitting) return;
    var data = new FormData(form);
    data.delete("images");
    data.delete("documents");
    data.delete("action");
    fetch(url, { method: "POST", body: data, credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(function (response) { return response.json(); })
      .then(function (json) {
        show(json.message || "", !!json.ok);
        // The draft exists now: a reload reopens it, and the buttons post to it.
        if (json.ok && json.url) {
          if (window.history && location.pathname !== json.url) history.replaceState(null, "", json.url);
          form.setAttribute("action", json.url);
        }
        form.querySelectorAll(".is-invalid").forEach(function (el) { el.classList.remove("is-invalid"); });
        if (!json.ok && json.errors) {
          Object.keys(json.errors).forEach(function (name) {
            var input = form.querySelector('[name="' + name + '"]');
            if (input) input.classList.add("is-invalid");
          });
        }
      })
      .catch(function () { show(form.dataset.offline || "", false); });
  }

  function later(event) {
    if (event && event.target && event.target.type === "file") return;
    clearTimeout(timer);
    timer = setTimeout(save, 1500);
  }
  form.addEventListener("input", later);
  form.addEventListener("change", later);
  form.addEventListener("submit", function (event) {
    // One submit only: a double tap sends nothing more (the server ignores a repeat anyway).
    if (submitting) { event.preventDefault(); return; }
    submitting = true;
    clearTimeout(timer);
  });
})();
