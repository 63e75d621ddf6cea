/* The site's one autosave: a form is posted with fetch, a status line says what happened.
   Load it before the page's own script, which keeps that page's behaviour and calls:

     Autosave.supported                 fetch and FormData exist (else the forms post as usual)
     Autosave.post(form, {url, body, keepalive})
                                        -> Promise of {status, json}; rejected when offline or
                                           when the answer is not JSON. Sends X-Requested-With:
                                           fetch (home/fetch.py) and the form's own CSRF token.
     Autosave.status(element, classes)  -> {show(kind, message, time)}, kind one of
                                           saving | saved | failed | offline
     Autosave.watch(form, {delay, changed, save})
                                        -> {cancel()}: save() `delay` ms after the last input or
                                           change (file inputs excepted); changed() at each one
     Autosave.draft(form, {url, omit, status, classes, saved})
                                        the whole autosave of one form (audit day, entry)

   Every word shown comes from the page: the status element's data-saving, data-saved (may
   hold {time}), data-failed and data-offline, rendered with {% translate %}. A failure shows
   the server's (translated) message first; the other kinds the page's words first, then the
   server's message. A kind the page gives no words for shows the server's message or nothing. */
window.Autosave = (function () {
  "use strict";
  var HEADER = "X-Requested-With";
  var VALUE = "fetch";
  var KINDS = ["saving", "saved", "failed", "offline"];

  function post(form, options) {
    options = options || {};
    var headers = { Accept: "application/json" };
    headers[HEADER] = VALUE;
    var token = form.querySelector('input[name="csrfmiddlewaretoken"]');
    if (token) headers["X-CSRFToken"] = token.value;
    return fetch(options.url || form.getAttribute("action"), {
      method: "POST", body: options.body || new FormData(form), credentials: "same-origin",
      keepalive: !!options.keepalive, headers: headers,
    }).then(function (response) {
      return response.json().then(function (json) { return { status: response.status, json: json }; });
    });
  }

  function words(element, kind, message, time) {
    var own = element.getAttribute("data-" + kind);
    if (kind === "failed" && message) return message;
    if (own && own.indexOf("{time}") >= 0) return time ? own.replace("{time}", time) : message || "";
    return own || message || "";
  }

  function status(element, classes) {
    classes = classes || {};
    return {
      show: function (kind, message, time) {
        if (!element) return;
        element.textContent = words(element, kind, message, time);
        KINDS.forEach(function (other) { if (classes[other] && other !== kind) element.classList.remove(classes[other]); });
        if (classes[kind]) element.classList.add(classes[kind]);
      },
    };
  }

  function watch(form, options) {
    var timer = null;
    function later(event) {
      if (event && event.target && event.target.type === "file") return;
      if (options.changed) options.changed();
      clearTimeout(timer);
      timer = setTimeout(options.save, options.delay);
    }
    form.addEventListener("input", later);
    form.addEventListener("change", later);
    return { cancel: function () { clearTimeout(timer); } };
  }

  function markInvalid(form, errors) {
    form.querySelectorAll(".is-invalid").forEach(function (el) { el.classList.remove("is-invalid"); });
    Object.keys(errors || {}).forEach(function (name) {
      var input = form.querySelector('[name="' + name + '"]');
      if (input) input.classList.add("is-invalid");
    });
  }

  // A draft saved 1.5 s after the last change to its own URL, files left for the real submit;
  // once the form is submitted nothing more is autosaved, and a second submit is dropped.
  function draft(form, options) {
    var box = status(options.status, options.classes);
    var submitting = false;
    function save() {
      if (submitting) return;
      var body = new FormData(form);
      (options.omit || []).forEach(function (name) { body.delete(name); });
      post(form, { url: options.url, body: body })
        .then(function (answer) {
          var json = answer.json;
          box.show(json.ok ? "saved" : "failed", json.message);
          if (json.ok && options.saved) options.saved(json);
          markInvalid(form, json.ok ? null : json.errors);
        })
        .catch(function () { box.show("offline"); });
    }
    var watcher = watch(form, { delay: 1500, save: save });
    form.addEventListener("submit", function (event) {
      if (submitting) { event.preventDefault(); return; }
      submitting = true;
      watcher.cancel();
    });
  }

  return { supported: !!(window.fetch && window.FormData), post: post, status: status, watch: watch, draft: draft };
})();
