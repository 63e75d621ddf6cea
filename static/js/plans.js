/* Autosave of the action plan's sections: a few seconds after a change, and when leaving.
   Without this script every section still saves with its own button. */
(function () {
  "use strict";
  var DELAY = 3000;
  var statusBox = document.querySelector("[data-autosave-status]");
  var forms = Array.prototype.slice.call(document.querySelectorAll("form[data-autosave]"));
  var lang = document.documentElement.lang || "vi";
  var text = lang.indexOf("en") === 0
    ? { saving: "Saving…", saved: "Draft saved", offline: "Not saved: no connection. Your text stays here; it will be saved again." }
    : { saving: "Đang lưu…", saved: "Đã lưu nháp", offline: "Chưa lưu được: mất kết nối. Nội dung vẫn còn ở đây và sẽ được lưu lại." };
  var stopped = false;

  function show(message, kind) {
    if (!statusBox) return;
    statusBox.textContent = message;
    statusBox.className = "autosave-status small " + (kind || "");
  }

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
    show(text.saving);
    return fetch(form.action, {
      method: "POST", body: new FormData(form), credentials: "same-origin", keepalive: !!leaving,
      headers: { "X-Requested-With": "fetch", "Accept": "application/json" }
    }).then(function (response) {
      return response.json().then(function (data) {
        if (data.ok) {
          setVersion(data.version);
          setChecklist(data.checklist);
          show(text.saved + (data.time ? " · " + data.time : ""), "saved");
        } else {
          if (data.conflict) stopped = true;  // never overwrite another teacher's save
          form.dataset.dirty = data.conflict ? "" : "1";
          show(data.message, "error");
        }
      });
    }).catch(function () {
      form.dataset.dirty = "1";
      show(text.offline, "error");
    });
  }

  function save(form, leaving) {
    queue = queue.then(function () { return send(form, leaving); });
    return queue;
  }

  forms.forEach(function (form) {
    var timer = null;
    function changed() {
      form.dataset.dirty = "1";
      clearTimeout(timer);
      timer = setTimeout(function () { save(form); }, DELAY);
    }
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      form.dataset.dirty = "1";
      clearTimeout(timer);
      save(form);
    });
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
