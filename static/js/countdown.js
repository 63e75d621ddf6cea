/* Contest countdown: fills [data-countdown] (an ISO deadline) with the time left.
   Without JavaScript the element keeps its server-rendered fallback text (the deadline).
   Labels come from data attributes, so the text stays translated. */
(function () {
  "use strict";
  var elements = document.querySelectorAll("[data-countdown]");
  if (!elements.length) { return; }

  function parts(ms) {
    var minutes = Math.floor(ms / 60000);
    return { days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60 };
  }

  function render(element) {
    var deadline = Date.parse(element.getAttribute("data-countdown"));
    if (isNaN(deadline)) { return false; }
    var left = deadline - Date.now();
    var output = element.querySelector("[data-countdown-output]") || element;
    if (left <= 0) {
      output.textContent = element.getAttribute("data-label-closed");
      var button = document.querySelector("[data-submit-button]");
      if (button) { button.classList.add("disabled"); button.setAttribute("aria-disabled", "true"); }
      return false;
    }
    var p = parts(left);
    output.textContent = element.getAttribute("data-label-left")
      .replace("{days}", p.days).replace("{hours}", p.hours).replace("{minutes}", p.minutes);
    return true;
  }

  function tick() {
    var running = false;
    elements.forEach(function (element) { running = render(element) || running; });
    if (running) { window.setTimeout(tick, 30000 - (Date.now() % 30000) + 50); }
  }
  tick();
})();
