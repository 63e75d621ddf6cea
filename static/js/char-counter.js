// A live character counter under a text field with a limit (the slogan). The element with
// data-char-counter="<field id>" shows data-text, or data-over-text past data-max, with
// {count}, {max} and {over} filled in; the words come translated from the page. Nothing is
// ever cut: the server refuses a text over the limit and keeps it for shortening.
(function () {
  "use strict";
  function length(text) {
    return Array.from(text.trim()).length; // characters as the server counts them (code points)
  }
  document.querySelectorAll("[data-char-counter]").forEach(function (counter) {
    var field = document.getElementById(counter.dataset.charCounter);
    var max = parseInt(counter.dataset.max, 10);
    if (!field || !max) return;
    function update() {
      var count = length(field.value);
      var over = count > max;
      counter.textContent = (over ? counter.dataset.overText : counter.dataset.text)
        .replace("{count}", count)
        .replace("{max}", max)
        .replace("{over}", count - max);
      counter.classList.toggle("text-danger", over);
      counter.classList.toggle("fw-semibold", over);
      if (over) field.setAttribute("aria-invalid", "true");
      else field.removeAttribute("aria-invalid");
    }
    field.addEventListener("input", update);
    update();
  });
})();
