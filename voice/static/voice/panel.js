// The «Стиль» side panel of the page editor: the style checker's scores and remarks
// for the title, the lead and every text block, refreshed as the editor types.
// Plain JS, no build step. Texts come translated from the server (voice-panel-strings).
(function () {
  "use strict";
  var script = document.currentScript;
  var PAGE_EDITOR = /\/pages\/(\d+\/edit|add\/[^/]+\/[^/]+\/\d+)\/?$/;
  if (!script || !PAGE_EDITOR.test(window.location.pathname)) return;
  var form, titleInput, leadInput;

  var DEBOUNCE_MS = 400;
  var strings = JSON.parse(document.getElementById("voice-panel-strings").textContent);
  var checkUrl = script.dataset.checkUrl;
  var root, toggleCounter, timer, lastBody = null, sequence = 0, lastData = null;
  var leaving = false;  // the form is being submitted: no more checks

  function t(name, values) {
    return strings[name].replace(/%\((\w+)\)s/g, function (_, key) {
      return values && key in values ? values[key] : "";
    });
  }

  function number(value) {
    return Number(value).toLocaleString(document.documentElement.lang || "ru", {
      minimumFractionDigits: 1, maximumFractionDigits: 1,
    });
  }

  // --- mounting: a real Wagtail side panel when the layout has one ------------------

  function fromTemplate(id) {
    var template = document.getElementById(id);
    return template.content.firstElementChild.cloneNode(true);
  }

  function mount(asSidePanel) {
    var panel = fromTemplate("voice-side-panel-template");
    var toggle = fromTemplate("voice-side-panel-toggle-template");
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
    return panel.querySelector("[data-voice-panel]");
  }

  // --- reading the editor's texts ------------------------------------------------------

  function richText(input, editor) {
    try {
      var state = JSON.parse(input.value);
      if (state && state.blocks) {
        return state.blocks.map(function (b) { return b.text; }).join("\n");
      }
    } catch (e) { /* not yet serialised: read what the editor shows */ }
    var content = editor.querySelector("[contenteditable='true']");
    return content ? content.innerText.replace(/\n+$/, "") : "";
  }

  // Names as the server's pages.py names them: body-0, body-3-description.
  function bodyName(name) {
    return name.replace(/-value$/, "").replace(/-value-/, "-");
  }

  function blockNumber(name) {
    var m = name.match(/^body-(\d+)/);
    return m ? Number(m[1]) + 1 : "";
  }

  function collect() {
    var fields = [
      { name: "title", label: t("title"), kind: "input", element: titleInput },
      { name: "lead", label: t("lead"), kind: "input", element: leadInput },
    ];
    var candidates = form.querySelectorAll(
      "input[type=hidden][name^='body-'][name$='-value'], textarea[name^='body-']"
    );
    candidates.forEach(function (element) {
      var label = t("block", { number: blockNumber(element.name) });
      if (element.tagName === "TEXTAREA") {
        fields.push({ name: bodyName(element.name), label: label, kind: "input",
          element: element });
        return;
      }
      var editor = element.parentElement &&
        element.parentElement.querySelector(".Draftail-Editor");
      if (editor) {
        fields.push({ name: bodyName(element.name), label: label, kind: "richtext",
          element: element, editor: editor });
      }
    });
    fields.forEach(function (field) {
      field.text = field.kind === "richtext" ?
        richText(field.element, field.editor) : field.element.value;
    });
    return fields;
  }

  // --- checking -------------------------------------------------------------------------

  function csrfToken() {
    var input = form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function status(text) {
    var line = root.querySelector("[data-voice-status]");
    if (text !== undefined) line.textContent = text;
    return line.textContent;
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  }

  function run() {
    if (leaving) return;
    var fields = collect();
    var payload = { fields: {}, offsets: "utf16" };
    fields.forEach(function (f) { payload.fields[f.name] = f.text; });
    var body = JSON.stringify(payload);
    if (body === lastBody) return;  // a DOM change that did not touch the text
    lastBody = body;
    var mine = ++sequence;
    status(t("checking"));
    fetch(checkUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
      body: body,
    })
      .then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      })
      .then(function (data) {
        if (mine !== sequence) return;  // an answer to an older text
        lastData = data;
        render(data, fields);
        if (status() === t("checking")) status("");
      })
      .catch(function () {
        if (mine !== sequence) return;
        lastBody = null;
        status(t("failed"));
      });
  }

  // --- rendering ------------------------------------------------------------------------

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // The text with every finding marked; overlapping findings split it into segments.
  function highlighted(text, findings, onPick) {
    var cuts = [0, text.length];
    findings.forEach(function (f) { cuts.push(f.start, f.end); });
    cuts = cuts.filter(function (v, i, all) { return all.indexOf(v) === i; })
      .sort(function (a, b) { return a - b; });
    var out = el("p", "voice-panel__text");
    for (var i = 0; i + 1 < cuts.length; i++) {
      var from = cuts[i], to = cuts[i + 1];
      var covering = findings.filter(function (f) { return f.start <= from && to <= f.end; });
      var piece = text.slice(from, to);
      if (!covering.length) {
        out.appendChild(document.createTextNode(piece));
        continue;
      }
      var mark = el("mark", "voice-mark voice-mark--" + covering[0].kind, piece);
      mark.title = covering.map(function (f) { return f.category_name; }).join(", ");
      mark.tabIndex = 0;
      mark.addEventListener("click", onPick.bind(null, covering[0]));
      out.appendChild(mark);
    }
    return out;
  }

  function selectInField(field, finding) {
    if (field.kind === "input") {
      field.element.focus();
      field.element.setSelectionRange(finding.start, finding.end);
      return;
    }
    var content = field.editor.querySelector("[contenteditable='true']");
    var from = domPoint(content, finding.start), to = domPoint(content, finding.end);
    if (!from || !to) return;
    content.focus();
    var range = document.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    window.getSelection().removeAllRanges();
    window.getSelection().addRange(range);
  }

  // --- applying a fix, and taking it back ----------------------------------------------

  // Fixes applied in this editor, newest last, for the «Отменить» button. Ctrl+Z
  // works too: the text goes in through the browser's editing commands, which the
  // field (or Draftail, in a text block) records in its own undo history.
  var applied = [];

  // Put ``text`` in place of start..end of a plain field; setRangeText where the
  // editing command is missing (then only «Отменить» can take it back).
  function putPlain(element, start, end, text, done) {
    element.focus();
    element.setSelectionRange(start, end);
    var expected = element.value.slice(0, start) + text + element.value.slice(end);
    var ok = false;
    try {
      ok = text ? document.execCommand("insertText", false, text) :
        document.execCommand("delete", false);
    } catch (e) { ok = false; }
    if (!ok || element.value !== expected) {
      element.value = expected;
      element.setSelectionRange(start + text.length, start + text.length);
      element.dispatchEvent(new Event("input", { bubbles: true }));
    }
    element.dispatchEvent(new Event("change", { bubbles: true }));
    done(true);
  }

  // Draftail: the text is its blocks, one per line, as the panel sends them.
  function blocksOf(content) {
    return Array.prototype.slice.call(content.querySelectorAll("[data-block='true']"));
  }

  function draftText(content) {
    return blocksOf(content).map(function (b) { return b.textContent; }).join("\n");
  }

  function domPoint(content, offset) {
    var blocks = blocksOf(content);
    for (var b = 0; b < blocks.length; b++) {
      var length = blocks[b].textContent.length;
      if (offset <= length) {
        var walker = document.createTreeWalker(blocks[b], NodeFilter.SHOW_TEXT);
        var node, last = null;
        while ((node = walker.nextNode())) {
          if (offset <= node.data.length) return { node: node, offset: offset };
          offset -= node.data.length;
          last = node;
        }
        return last ? { node: last, offset: last.data.length } : null;
      }
      offset -= length + 1;
    }
    return null;
  }

  // Select the words in the editor and type over them with the browser's editing
  // command: Draftail handles it as typing, so its own undo (Ctrl+Z) knows it.
  function putDraft(content, start, end, text, done) {
    var before = draftText(content);
    var expected = before.slice(0, start) + text + before.slice(end);
    var from = domPoint(content, start), to = domPoint(content, end);
    if (!from || !to) { done(false); return; }
    content.focus();
    var range = document.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    try {
      document.execCommand(text ? "insertText" : "delete", false, text);
    } catch (e) { /* checked below */ }
    setTimeout(function () { done(draftText(content) === expected); }, 50);
  }

  function surface(field) {
    if (field.kind === "input") {
      var element = field.element;
      return {
        text: function () { return element.value; },
        put: function (start, end, text, done) { putPlain(element, start, end, text, done); },
      };
    }
    var content = field.editor.querySelector("[contenteditable='true']");
    return {
      text: function () { return draftText(content); },
      put: function (start, end, text, done) { putDraft(content, start, end, text, done); },
    };
  }

  function applyFix(field, finding, fix) {
    var target = surface(field);
    if (target.text().slice(fix.start, fix.end) !== fix.replaces) {
      status(t("stale"));
      schedule();
      return;
    }
    target.put(fix.start, fix.end, fix.text, function (ok) {
      if (!ok) {  // the editor did not take it: the text is copied to paste by hand
        copyFix(fix);
        return;
      }
      applied.push({
        target: target, start: fix.start, text: fix.text, replaces: fix.replaces,
        removed: fix.removes ? (fix.removed || finding.text) : "",
        after: target.text(),
      });
      run();
      var message = fix.removes ? t("removed", { old: fix.removed || finding.text }) :
        t("replaced", { old: fix.replaces, new: fix.text });
      showUndo(message);
    });
  }

  function undoLast() {
    var last = applied.pop();
    if (!last) return;
    var end = last.start + last.text.length;
    if (last.target.text() !== last.after) {
      applied = [];
      showUndo(t("cannotUndo"), true);
      return;
    }
    last.target.put(last.start, end, last.replaces, function (ok) {
      if (!ok) {
        applied = [];
        showUndo(t("cannotUndo"), true);
        return;
      }
      run();
      showUndo(t("undone", { text: last.replaces }), !applied.length);
    });
  }

  // The line under the scores that says what the last click did, with «Отменить»
  // while there is a fix to take back.
  function showUndo(message, final) {
    var bar = root.querySelector("[data-voice-undo-bar]");
    var button = bar.querySelector("[data-voice-undo]");
    var last = applied[applied.length - 1];
    bar.hidden = false;
    bar.querySelector("[data-voice-undo-message]").textContent = message;
    button.hidden = Boolean(final) || !last;
    // Say which fix the button takes back: after one undo it is the one before.
    // A removal has no text of its own to name: the button brings the words back.
    if (last) {
      button.textContent = last.removed ? t("undoRemoval", { text: last.removed }) :
        t("undoFix", { text: last.text || last.replaces });
    }
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = el("textarea");
      area.value = text;
      area.style.cssText = "position:fixed;opacity:0";
      document.body.appendChild(area);
      area.select();
      var ok = document.execCommand("copy");
      area.remove();
      (ok ? resolve : reject)();
    });
  }

  function copyFix(fix) {
    copyText(fix.text).then(
      function () { status(t("copied", { text: fix.text, old: fix.replaces })); },
      function () { status(t("copyFailed", { text: fix.text })); }
    );
  }

  // «Заменить на «людям»», or with the words it replaces when they are not just
  // the highlighted ones: «Заменить «В целях» на «Для»».
  function fixLabel(finding, fix) {
    if (fix.removes) return t("remove", { text: fix.removed || finding.text });
    if (fix.replaces !== finding.text) {
      return t("replaceSpan", { old: fix.replaces, text: fix.text });
    }
    return t("replace", { text: fix.text });
  }

  function findingItem(field, finding) {
    var item = el("li", "voice-finding voice-finding--" + finding.kind);
    var head = el("div", "voice-finding__head");
    head.appendChild(el("span", "voice-finding__category", finding.category_name));
    var quote = el("button", "voice-finding__quote", "«" + finding.text + "»");
    quote.type = "button";
    quote.addEventListener("click", function () { selectInField(field, finding); });
    head.appendChild(quote);
    item.appendChild(head);
    item.appendChild(el("p", "voice-finding__hint", finding.hint));
    var actions = el("div", "voice-finding__suggestions");
    if (!finding.fixes.length) {
      actions.appendChild(el("span", "voice-finding__none", t("noSuggestion")));
    }
    finding.fixes.forEach(function (fix) {
      var button = el("button", "button button-small voice-suggestion",
        fixLabel(finding, fix));
      button.type = "button";
      button.dataset.voiceSuggestion = fix.text;
      if (fix.removes) button.dataset.voiceRemoves = "";
      button.addEventListener("click", function () { applyFix(field, finding, fix); });
      actions.appendChild(button);
    });
    item.appendChild(actions);
    return item;
  }

  function fieldSection(field, report) {
    var section = el("section", "voice-field");
    section.dataset.voiceField = field.name;
    var heading = el("h3", "voice-field__heading", field.label);
    heading.appendChild(el("span", "voice-field__scores", t("scores", {
      clarity: number(report.clarity), readability: number(report.readability),
    })));
    section.appendChild(heading);
    var list = el("ul", "voice-field__findings");
    var items = report.findings.map(function (f) {
      var item = findingItem(field, f);
      list.appendChild(item);
      return item;
    });
    section.appendChild(highlighted(field.text, report.findings, function (finding) {
      var item = items[report.findings.indexOf(finding)];
      item.scrollIntoView({ block: "nearest" });
      item.classList.remove("voice-finding--flash");
      void item.offsetWidth;  // restart the animation
      item.classList.add("voice-finding--flash");
    }));
    if (report.findings.length) section.appendChild(list);
    else section.appendChild(el("p", "voice-field__clean", t("clean")));
    return section;
  }

  function render(data, fields) {
    root.querySelector("[data-voice-clarity]").textContent = number(data.clarity);
    root.querySelector("[data-voice-readability]").textContent = number(data.readability);
    var warning = root.querySelector("[data-voice-warning]");
    warning.hidden = !data.warn;
    warning.textContent = data.warn ?
      t("warning", { clarity: number(data.clarity), threshold: number(data.warn_below) }) : "";
    var container = root.querySelector("[data-voice-fields]");
    container.replaceChildren();
    var total = 0;
    fields.forEach(function (field) {
      var report = data.fields[field.name];
      if (!report || !field.text.trim()) return;
      total += report.findings.length;
      container.appendChild(fieldSection(field, report));
    });
    if (!container.children.length) container.appendChild(el("p", "", t("empty")));
    else if (!total) container.prepend(el("p", "voice-field__clean", t("noRemarks")));
    if (toggleCounter) {
      toggleCounter.textContent = total;
      toggleCounter.hidden = total === 0;
    }
  }

  // --- warning (never blocking) before submitting for approval ---------------------------

  function confirmSubmit(event) {
    var button = event.target.closest && event.target.closest("button[name='action-submit']");
    if (!button || !lastData || !lastData.warn) return;
    var question = t("confirmSubmit", {
      clarity: number(lastData.clarity), threshold: number(lastData.warn_below),
    });
    if (!window.confirm(question)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }

  function start(asSidePanel) {
    form = document.querySelector("form[data-edit-form]") ||
      document.getElementById("page-edit-form");
    titleInput = document.getElementById("id_title");
    leadInput = document.getElementById("id_lead");
    if (!form || !titleInput || !leadInput) return;  // news pieces only
    root = mount(asSidePanel);
    root.querySelector("[data-voice-undo]").addEventListener("click", undoLast);
    form.addEventListener("input", schedule, true);
    form.addEventListener("change", schedule, true);
    // Blocks added, removed or moved change the texts without an input event.
    new MutationObserver(schedule).observe(form, { childList: true, subtree: true });
    document.addEventListener("click", confirmSubmit, true);
    form.addEventListener("submit", function () {
      leaving = true;
      clearTimeout(timer);
    });
    schedule();
  }

  // Wagtail's admin scripts run before the page body is parsed and bind the side
  // panel toggles on DOMContentLoaded. "interactive" comes just before that event,
  // so the panel is in place when Wagtail looks for panels.
  if (document.readyState === "loading") {
    document.addEventListener("readystatechange", function onState() {
      document.removeEventListener("readystatechange", onState);
      start(true);
    });
  } else {
    start(false);  // too late to be a side panel: show it under the form
  }
})();
