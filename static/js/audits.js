// Autosave of the audit-day form (autosave.js): a draft is saved with fetch a moment after each
// change; the photo goes with the real submit. Without JavaScript the form still works through
// its "Save draft" and "Submit" buttons.
(function () {
  "use strict";
  var form = document.getElementById("day-form");
  if (!form || !window.Autosave || !Autosave.supported) return;
  Autosave.draft(form, {
    url: form.dataset.autosaveUrl,
    omit: ["photo"],
    status: document.getElementById("autosave-status"),
    saved: function (json) {
      // The draft exists now: reloading the page must reopen it, not start another day.
      if (json.url && window.history && location.pathname !== json.url) history.replaceState(null, "", json.url);
    },
  });
})();
