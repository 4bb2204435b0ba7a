// The «Соцсети» panel of the page editor: posts as each network will show them,
// rendered on the server from the editor's current (unsaved) form data.
(function () {
  "use strict";
  var script = document.currentScript;
  var match = window.location.pathname.match(/\/pages\/(\d+)\/edit\/?$/);
  if (!script || !match) return;  // only the edit view of an existing page
  var pageId = match[1];
  var placeholder = script.dataset.placeholder;
  var previewUrl = script.dataset.previewUrl.replace(placeholder, pageId);
  var panelUrl = script.dataset.panelUrl.replace(placeholder, pageId);

  function build() {
    var form = document.querySelector("form[data-edit-form]") ||
      document.getElementById("page-edit-form");
    if (!form) return;
    var section = document.createElement("section");
    section.className = "syndication-editor-panel";
    section.style.cssText = "margin:2rem 0;padding:1rem;border:1px solid #ccc;border-radius:6px";
    var heading = document.createElement("h2");
    heading.textContent = script.dataset.title;
    var refresh = document.createElement("button");
    refresh.type = "button";
    refresh.className = "button button-small button-secondary";
    refresh.textContent = script.dataset.refresh;
    var settings = document.createElement("a");
    settings.href = panelUrl;
    settings.className = "button button-small button-secondary";
    settings.style.marginLeft = "0.5rem";
    settings.textContent = script.dataset.settings;
    var frame = document.createElement("iframe");
    frame.title = script.dataset.title;
    frame.style.cssText = "width:100%;min-height:640px;border:0;margin-top:1rem";
    section.append(heading, refresh, settings, frame);
    form.parentNode.insertBefore(section, form.nextSibling);

    function load() {
      fetch(previewUrl, {
        method: "POST",
        body: new FormData(form),
        credentials: "same-origin",
        headers: { "X-Requested-With": "XMLHttpRequest" },
      })
        .then(function (r) { return r.text(); })
        .then(function (html) { frame.srcdoc = html; });
    }
    refresh.addEventListener("click", load);
    load();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", build);
  } else {
    build();
  }
})();
