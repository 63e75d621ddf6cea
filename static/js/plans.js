/* Autosave of the action plan's sections (autosave.js): a few seconds after a change, and when
   leaving; one save at a time, per section. The status line's words are on the page
   ([data-autosave-status] data-saving, data-saved, data-offline). Without this script every
   section still saves with its own button. */
(function () {
  "use strict";
  var DELAY = 3000;
  var autosave = window.Autosave && Autosave.supported; // without it: "Add a row" only, plain posts
  var status = autosave && Autosave.status(document.querySelector("[data-autosave-status]"),
    { saved: "saved", failed: "error", offline: "error" });
  var forms = Array.prototype.slice.call(document.querySelectorAll("form[data-autosave]"));
  var stopped = false;

  function setVersion(version) {
    document.querySelectorAll("[data-version]").forEach(function (input) { input.value = version; });
  }

  function setChecklist(checklist) {
    Object.keys(checklist || {}).forEach(function (key) {
      var item = document.querySelector('[data-check="' + key + '"]');
      if (item) item.className = checklist[key] ? "done" : "missing";
    });
  }

  // One save at a time: each carries the version the previous one answered.
  var queue = Promise.resolve();

  function send(form, leaving) {
    if (stopped || !form.dataset.dirty) return Promise.resolve();
    form.dataset.dirty = "";
    status.show("saving");
    return Autosave.post(form, { keepalive: !!leaving }).then(function (answer) {
      var data = answer.json;
      if (data.ok) {
        setVersion(data.version);
        setChecklist(data.checklist);
        status.show("saved", data.message, data.time);
      } else {
        if (data.conflict) stopped = true;  // never overwrite another teacher's save
        form.dataset.dirty = data.conflict ? "" : "1";
        status.show("failed", data.message);
      }
    }).catch(function () {
      form.dataset.dirty = "1";
      status.show("offline");
    });
  }

  function save(form, leaving) {
    queue = queue.then(function () { return send(form, leaving); });
    return queue;
  }

  forms.forEach(function (form) {
    if (autosave) {
      var watcher = Autosave.watch(form, {
        delay: DELAY,
        changed: function () { form.dataset.dirty = "1"; },
        save: function () { save(form); },
      });
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        form.dataset.dirty = "1";
        watcher.cancel();
        save(form);
      });
    }
    var add = form.querySelector("[data-add-row]");
    var template = form.querySelector("template[data-empty-row]");
    var total = form.querySelector('input[name$="-TOTAL_FORMS"]');
    if (add && template && total) {
      add.hidden = false;
      add.addEventListener("click", function () {
        var index = parseInt(total.value, 10);
        var html = template.innerHTML.replace(/__prefix__/g, String(index));
        form.querySelector("[data-rows]").insertAdjacentHTML("beforeend", html);
        total.value = String(index + 1);
        var first = form.querySelector("[data-rows] .plan-row:last-child select, [data-rows] .plan-row:last-child input");
        if (first) first.focus();
      });
    }
  });

  function flush() { forms.forEach(function (form) { save(form, true); }); }
  document.addEventListener("visibilitychange", function () { if (document.visibilityState === "hidden") flush(); });
  window.addEventListener("pagehide", flush);
  // Links and the submit button: save first, then go on.
  document.querySelectorAll("a[href], [data-submit-plan]").forEach(function (el) {
    el.addEventListener("click", function (event) {
      if (!forms.some(function (f) { return f.dataset.dirty; })) return;
      event.preventDefault();
      Promise.all(forms.map(function (f) { return save(f); })).then(function () {
        if (el.tagName === "A") { window.location.href = el.href; } else { el.form.submit(); }
      });
    });
  });
})();
