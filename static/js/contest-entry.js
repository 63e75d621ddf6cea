// Autosave of the entry form, initiative or slogan (autosave.js): a draft is saved with fetch a
// moment after each change. Files go only with the real "Save draft" or "Submit" (a normal POST).
// Without JavaScript the form still works through its buttons.
(function () {
  "use strict";
  var form = document.getElementById("entry-form");
  if (!form || !window.Autosave || !Autosave.supported) return;
  Autosave.draft(form, {
    url: form.dataset.autosaveUrl,
    omit: ["images", "documents", "action"],
    status: document.getElementById("autosave-status"),
    classes: { saved: "saved", failed: "error", offline: "error" },
    saved: function (json) {
      // The draft exists now: a reload reopens it, and the buttons post to it.
      if (!json.url) return;
      if (window.history && location.pathname !== json.url) history.replaceState(null, "", json.url);
      form.setAttribute("action", json.url);
    },
  });
})();
