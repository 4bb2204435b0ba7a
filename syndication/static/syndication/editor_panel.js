// The «Соцсети» side panel of the page editor: each chosen account's post as the
// network will show it, rendered on the server from the editor's current (unsaved)
// form, half-filled blocks and all, refreshed as the editor types. One tab per
// account. Plain JS, no build step; texts come translated in the script's data.
(function () {
  "use strict";
  var script = document.currentScript;
  var EDIT = /\/pages\/(\d+)\/edit\/?$/;
  var ADD = /\/pages\/add\/([\w-]+)\/([\w-]+)\/(\d+)\/?$/;
  if (!script) return;
  var path = window.location.pathname;
  var edit = path.match(EDIT), add = path.match(ADD);
  if (!edit && !add) return;
  var data = script.dataset;
  var placeholder = data.placeholder;
  var previewUrl = edit ?
    data.previewUrl.replace(placeholder, edit[1]) :
    data.newPreviewUrl.replace("/app/model/" + placeholder + "/",
      "/" + add[1] + "/" + add[2] + "/" + add[3] + "/");
  var DEBOUNCE_MS = 700;
  var form, root, panel, toggleCounter, timer, sequence = 0, lastBody = null;
  var leaving = false, chosenTab = "all";

  function fromTemplate(id) {
    return document.getElementById(id).content.firstElementChild.cloneNode(true);
  }

  function mount(asSidePanel) {
    panel = fromTemplate("syndication-side-panel-template");
    var toggle = fromTemplate("syndication-side-panel-toggle-template");
    var toggles = document.querySelectorAll("[data-side-panel-toggle]");
    var side = document.querySelector("[data-form-side]");
    if (asSidePanel && side && toggles.length) {
      var last = toggles[toggles.length - 1];
      last.parentNode.insertBefore(toggle, last.nextSibling);
      side.appendChild(panel);
      toggleCounter = toggle.querySelector("[data-side-panel-toggle-counter]");
    } else {
      // No side panel area: show the panel under the form instead.
      panel.hidden = false;
      form.parentNode.insertBefore(panel, form.nextSibling);
    }
    var settings = panel.querySelector("[data-syn-settings]");
    if (edit) {
      settings.href = data.panelUrl.replace(placeholder, edit[1]);
      settings.hidden = false;
    }
    return panel.querySelector("[data-syn-panel]");
  }

  function visible() {
    return !panel.hidden;
  }

  function status(text) {
    root.querySelector("[data-syn-status]").textContent = text || "";
  }

  function formBody() {
    var body = new FormData(form);
    body.append("fragment", "1");
    return body;
  }

  // The same form sent twice gives the same cards: skip the request.
  function fingerprint(body) {
    var parts = [];
    body.forEach(function (value, key) {
      parts.push(key + "=" + (typeof value === "string" ? value : value.name));
    });
    return parts.join("&");
  }

  function schedule() {
    if (leaving) return;
    clearTimeout(timer);
    if (visible()) timer = setTimeout(refresh, DEBOUNCE_MS);
  }

  function refresh() {
    if (leaving || !visible()) return;
    // Wagtail builds the body's inputs with its own scripts; until then the form
    // would describe a page without a body.
    if (!form.querySelector("input[name='body-count']") && form.querySelector("[id$='body-section'], [data-contentpath='body']")) {
      timer = setTimeout(refresh, 200);
      return;
    }
    var body = formBody();
    var print = fingerprint(body);
    if (print === lastBody) return;  // a DOM change that did not touch the form
    lastBody = print;
    var mine = ++sequence;
    status(data.updating);
    fetch(previewUrl, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-Requested-With": "XMLHttpRequest" },
    })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.text();
      })
      .then(function (html) {
        if (mine !== sequence) return;  // a newer request is on its way
        show(html);
        status("");
      })
      .catch(function () {
        if (mine !== sequence) return;
        lastBody = null;  // try again on the next change
        status(data.failed);
      });
  }

  function show(html) {
    var cards = root.querySelector("[data-syn-cards]");
    cards.innerHTML = html;
    var articles = cards.querySelectorAll("article.sp-card");
    var tabs = root.querySelector("[data-syn-tabs]");
    tabs.textContent = "";
    var keys = ["all"];
    tabs.appendChild(tabButton("all", data.all));
    articles.forEach(function (article) {
      var key = article.dataset.spTab;
      keys.push(key);
      var label = article.dataset.spNetwork;
      var button = tabButton(key, label);
      button.title = article.dataset.spAccount;
      if (article.querySelector(".sp-error, .sp-counter.is-over")) {
        button.classList.add("is-problem");
      }
      tabs.appendChild(button);
    });
    if (keys.indexOf(chosenTab) === -1) chosenTab = "all";
    select(chosenTab);
    if (toggleCounter) {
      var problems = cards.querySelectorAll(".sp-unfinished li, .sp-error").length;
      toggleCounter.textContent = problems;
      toggleCounter.hidden = problems === 0;
    }
  }

  function tabButton(key, label) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "syn-panel__tab";
    button.setAttribute("role", "tab");
    button.dataset.synTab = key;
    button.textContent = label;
    button.addEventListener("click", function () { select(key); });
    return button;
  }

  function select(key) {
    chosenTab = key;
    root.querySelectorAll("[data-syn-tab]").forEach(function (button) {
      var on = button.dataset.synTab === key;
      button.classList.toggle("is-active", on);
      button.setAttribute("aria-selected", on ? "true" : "false");
    });
    root.querySelectorAll("[data-syn-cards] article.sp-card").forEach(function (article) {
      article.hidden = key !== "all" && article.dataset.spTab !== key;
    });
  }

  function start(asSidePanel) {
    form = document.querySelector("form[data-edit-form]") ||
      document.getElementById("page-edit-form");
    // News pieces only: the other page types are not sent to the networks.
    if (!form || !document.getElementById("id_lead")) return;
    root = mount(asSidePanel);
    form.addEventListener("input", schedule, true);
    form.addEventListener("change", schedule, true);
    // Blocks added, removed, moved or given an image change the form without typing.
    new MutationObserver(function (records) {
      var inside = records.some(function (r) { return panel.contains(r.target); });
      if (!inside) schedule();
    }).observe(form, { childList: true, subtree: true });
    // Opening the panel shows what changed while it was closed.
    new MutationObserver(function () {
      if (visible()) { clearTimeout(timer); timer = setTimeout(refresh, 50); }
    }).observe(panel, { attributes: true, attributeFilter: ["hidden"] });
    form.addEventListener("submit", function () {
      leaving = true;
      clearTimeout(timer);
    });
    if (visible()) schedule();
    sendAtFollowsTheMode();
  }

  // The «Соцсети» tab: the time field only when «в заданное время» is chosen.
  function sendAtFollowsTheMode() {
    var choice = document.querySelector("[data-syndication-choice]");
    if (!choice) return;
    var field = choice.querySelector("[data-syndication-send-at]");
    function update() {
      var checked = choice.querySelector("input[name$='schedule_mode']:checked");
      field.hidden = !checked || checked.value !== "at";
    }
    choice.addEventListener("change", update);
    update();
  }

  // Wagtail's admin scripts bind the side panel toggles on DOMContentLoaded;
  // "interactive" comes just before that event, so the panel is in place by then.
  if (document.readyState === "loading") {
    document.addEventListener("readystatechange", function onState() {
      document.removeEventListener("readystatechange", onState);
      start(true);
    });
  } else {
    start(false);  // too late to be a side panel: show it under the form
  }
})();
