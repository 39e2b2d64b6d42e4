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

  /* "Add news" takes seconds (the first page after a start, half a minute): say it is working
     and keep the button from sending the form twice. */
  function showProgress() {
    var form = document.getElementById("add-form");
    var note = document.getElementById("add-progress");
    if (!form || !note) { return; }
    form.addEventListener("submit", function () {
      note.hidden = false;
      var button = form.querySelector("button[type=submit]");
      if (button) {
        window.setTimeout(function () { button.disabled = true; button.textContent = "Adding…"; }, 0);
      }
    });
  }

  /* "new" on the feed's cards whose reports arrived after the last visit. The time of the last
     visit is kept in a cookie (a year, this site only); the tab remembers the one it started
     from, so reloading keeps the same cards marked until the tab is closed. */
  var LAST_VISIT = "sujet_last_visit";
  var BASELINE = "sujet.visitBaseline";

  function lastVisit() {
    var found = document.cookie.split("; ").filter(function (c) {
      return c.indexOf(LAST_VISIT + "=") === 0;
    })[0];
    return found ? decodeURIComponent(found.slice(LAST_VISIT.length + 1)) : "";
  }

  function markNew() {
    var cards = document.querySelectorAll("[data-added]");
    var tab = storage();
    if (!tab || !document.querySelector(".event-card")) { return; }
    var baseline = tab.getItem(BASELINE);
    if (baseline === null) {
      baseline = lastVisit();
      tab.setItem(BASELINE, baseline);
    }
    var since = baseline ? Date.parse(baseline) : NaN;
    if (!isNaN(since)) {
      Array.prototype.forEach.call(cards, function (card) {
        var added = Date.parse(card.getAttribute("data-added"));
        var badge = card.querySelector(".new-badge");
        if (badge && !isNaN(added) && added > since) {
          badge.hidden = false;
          card.classList.add("is-new");
        }
      });
    }
    document.cookie = LAST_VISIT + "=" + encodeURIComponent(new Date().toISOString()) +
      "; max-age=31536000; path=/; SameSite=Lax";
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpTokenFields();
    focusOutcome();
    showProgress();
    markNew();
  });
})();
