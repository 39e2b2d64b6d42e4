/* Small enhancements; every page works without this file. */
(function () {
  "use strict";

  var KEY = "sujet.token";

  function storage() {
    try { return window.sessionStorage; } catch (e) { return null; }
  }

  /* "Remember in this tab": keeps the write token in sessionStorage (never localStorage),
     so it is gone when the tab closes. */
  function setUpTokenFields() {
    var store = storage();
    var boxes = document.querySelectorAll("[data-remember-token]");
    Array.prototype.forEach.call(boxes, function (box) {
      var field = document.getElementById(box.getAttribute("data-remember-token"));
      if (!field || !store) { return; }
      var saved = store.getItem(KEY);
      if (saved && !field.value) {
        field.value = saved;
        box.checked = true;
      }
      box.addEventListener("change", function () {
        if (!box.checked) { store.removeItem(KEY); }
      });
      if (field.form) {
        field.form.addEventListener("submit", function () {
          if (box.checked && field.value) { store.setItem(KEY, field.value); }
          else { store.removeItem(KEY); }
        });
      }
    });
  }

  /* Move focus to the outcome of a form so screen readers announce it. */
  function focusOutcome() {
    var target = document.getElementById("add-error") || document.getElementById("add-report");
    if (target) {
      target.setAttribute("tabindex", "-1");
      target.focus();
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpTokenFields();
    focusOutcome();
  });
})();
