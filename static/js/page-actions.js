/* Small page actions, in a file so the site's CSP needs no inline script:
   [data-print] buttons print the page; [data-select-all] ticks every .student-check (or
   the boxes its value selects, e.g. data-select-all=".entry-check");
   form[data-confirm] asks its question before it is sent. */
(function () {
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
  var all = document.querySelector("[data-select-all]");
  if (all) {
    var boxes = document.querySelectorAll(all.dataset.selectAll || ".student-check");
    all.hidden = false;
    var label = document.querySelector("label[for=select-all]");
    if (label) { label.hidden = false; }
    all.addEventListener("change", function () {
      boxes.forEach(function (box) { box.checked = all.checked; });
    });
  }
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.dataset.confirm)) { event.preventDefault(); }
    });
  });
})();
