// Score sheets: steppers (− / +) for each criterion, and a submit that survives a dropped
// connection. The form is sent with fetch (Autosave.post); on a network failure it is sent again
// (every few seconds and when the browser is back online) with the same client_id, so the server
// never stores a second sheet. The status line's words are on #sheet-status (data-saving,
// data-saved, data-offline, data-invalid). While a sheet is being sent its buttons are disabled
// and the pressed one says so; any answer that does not leave the page (a refusal, a draft
// saved, no connection) gives them back their labels, enabled, with the errors shown.
// Without JavaScript the form is a plain POST and the steppers stay hidden.
(function () {
  "use strict";
  var form = document.getElementById("score-form"); // note: form.action is its "action" buttons, not the URL
  if (!form) return;

  function decimals(step) { return step.indexOf(".") >= 0 ? step.split(".")[1].length : 0; }
  form.querySelectorAll(".step-down, .step-up").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var input = document.getElementById(button.dataset.target);
      if (!input) return;
      var min = parseFloat(input.dataset.min), max = parseFloat(input.dataset.max);
      var step = input.dataset.step === "1" ? 1 : 0.5;
      var value = parseFloat((input.value || "").replace(",", "."));
      if (isNaN(value)) value = button.classList.contains("step-up") ? min : max;
      else value += button.classList.contains("step-up") ? step : -step;
      value = Math.min(max, Math.max(min, value));
      input.value = String(Number(value.toFixed(decimals(String(step)))));
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
  });

  if (!window.Autosave || !Autosave.supported) return;
  var status = Autosave.status(document.getElementById("sheet-status"),
    { saving: "text-muted", saved: "text-success", failed: "text-danger", offline: "text-danger" });
  var pending = null; // the FormData being sent until the server answers
  var inFlight = false;
  var retryTimer = null;
  var pressed = null; // the button that sent the pending sheet
  var buttons = Array.prototype.slice.call(form.querySelectorAll("button[type=submit][name=action]"));
  var sheetStatus = document.getElementById("sheet-status");
  buttons.forEach(function (button) { button.dataset.label = button.textContent; });

  function busy() {
    form.classList.add("sending");
    buttons.forEach(function (button) {
      button.disabled = true;
      if (button === pressed && sheetStatus && sheetStatus.dataset.saving) button.textContent = sheetStatus.dataset.saving;
    });
  }

  function ready() {
    form.classList.remove("sending");
    buttons.forEach(function (button) {
      button.disabled = false;
      button.textContent = button.dataset.label;
    });
  }

  function clearErrors() {
    form.querySelectorAll(".is-invalid").forEach(function (el) { el.classList.remove("is-invalid"); });
    form.querySelectorAll(".js-error").forEach(function (el) { el.remove(); });
  }

  function showErrors(json) {
    clearErrors();
    var errors = json.errors || {};
    var shown = false;
    Object.keys(errors).forEach(function (name) {
      var input = form.querySelector('[name="' + name + '"]');
      var messages = errors[name].join ? errors[name].join(" ") : String(errors[name]);
      if (input) {
        input.classList.add("is-invalid");
        var div = document.createElement("div");
        div.className = "invalid-feedback d-block js-error";
        div.textContent = messages;
        (input.closest(".stepper") || input).insertAdjacentElement("afterend", div);
      } else if (name === "__all__") {
        status.show("failed", messages);
        shown = true;
      }
    });
    if (json.message) status.show("failed", json.message);
    else if (!shown) status.show("failed", sheetStatus && sheetStatus.dataset.invalid);
    var first = form.querySelector(".is-invalid");
    if (first) first.focus();
  }

  function send() {
    clearTimeout(retryTimer);
    if (inFlight || !pending) return;
    inFlight = true;
    busy();
    status.show("saving");
    Autosave.post(form, { body: pending }).then(function (answer) {
      var json = answer.json;
      inFlight = false;
      pending = null;
      if (json.ok) {
        status.show("saved", json.message);
        if (json.status !== "draft" && json.next) setTimeout(function () { location.assign(json.next); }, 600);
        else ready();
      } else {
        ready();
        showErrors(json);
      }
    }).catch(function () {
      inFlight = false;
      ready(); // still pending: sent again when back online; a tap meanwhile sends nothing more
      status.show("offline");
      retryTimer = setTimeout(send, 3000);
    });
  }

  window.addEventListener("online", function () { if (pending) send(); });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (pending) return; // a double tap sends nothing more
    var data = new FormData(form);
    var button = event.submitter;
    data.set("action", button && button.value ? button.value : "submit");
    pending = data;
    pressed = button;
    send();
  });
})();
