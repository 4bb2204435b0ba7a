/* Version for the visually impaired: applied before the first paint (loaded synchronously
   in <head>), remembered in localStorage and mirrored to a cookie so the server renders the
   same class. Without JavaScript the toggle link's ?a11y=1 does the job. */
(function () {
  "use strict";
  var KEY = "a11y";
  var root = document.documentElement;
  var params = new URLSearchParams(window.location.search);
  var stored = null;
  try { stored = window.localStorage.getItem(KEY); } catch (e) { /* private mode */ }

  function remember(on) {
    try { window.localStorage.setItem(KEY, on ? "1" : "0"); } catch (e) { /* ignore */ }
    document.cookie = KEY + "=" + (on ? "1" : "0") + "; path=/; max-age=31536000; SameSite=Lax";
  }

  if (params.has(KEY)) {
    remember(params.get(KEY) === "1");
  } else if (stored !== null) {
    root.classList.toggle("a11y", stored === "1");
  }

  document.addEventListener("DOMContentLoaded", function () {
    var toggles = document.querySelectorAll("[data-a11y-toggle]");
    function render() {
      var on = root.classList.contains("a11y");
      toggles.forEach(function (el) {
        var label = el.querySelector("[data-a11y-label]");
        if (label) { label.textContent = on ? el.dataset.labelOn : el.dataset.labelOff; }
        el.setAttribute("href", "?" + KEY + "=" + (on ? "0" : "1"));
        if (el.hasAttribute("aria-pressed")) { el.setAttribute("aria-pressed", on ? "true" : "false"); }
      });
    }
    toggles.forEach(function (el) {
      el.setAttribute("role", "button");
      el.addEventListener("click", function (event) {
        event.preventDefault();
        var on = !root.classList.contains("a11y");
        root.classList.toggle("a11y", on);
        remember(on);
        render();
      });
      /* role=button: Space must work like Enter does on a link. */
      el.addEventListener("keydown", function (event) {
        if (event.key === " ") { event.preventDefault(); el.click(); }
      });
    });
    render();
  });
})();
