/*
 * Wagtail's inline initialisations, run from a file (issue 12.11: no inline script).
 *
 * Wagtail 8 writes a few widgets and panels with an inline <script> right after their
 * markup (date and time choosers, choosers, InlinePanel, MultipleChooserPanel). The
 * content security policy allows no inline script, so cms/templates/wagtailadmin/ and
 * cms/admin_csp.py leave a marker instead:
 *
 *   <span hidden data-vestnik-init="initDateChooser" data-vestnik-for="id_date"
 *         data-vestnik-config="{...}"></span>
 *
 * and this file makes the same call Wagtail's inline script made, for the markers in
 * the page once it is parsed (after the form's own media scripts) and for markers that
 * arrive later (a child form InlinePanel adds from its template, a modal's HTML).
 */
(() => {
  "use strict";

  const json = (text) => (text ? JSON.parse(text) : {});
  // The same lists as cms/admin_csp.py.
  const CHOOSER_CONSTRUCTORS = new Set([
    "Chooser",
    "PageChooser",
    "ImageChooser",
    "DocumentChooser",
    "SnippetChooser",
  ]);
  const CHOOSER_FUNCTIONS = new Set(["createTaskChooser"]);

  // The date and time pickers (jQuery xdsoft datetimepicker) open 100 ms after the
  // field gets focus, without asking whether it still has it: focus that passes
  // through quickly (Tab, a filled-in field, a click on the next field within the
  // 100 ms) opened the picker over the fields below — in the approve dialog over its
  // submit button — with no outside click left to close it. A picker opens only for
  // the field that has the focus now.
  const onlyWhileFocused = (config) => ({
    ...config,
    onShow: (_current, $input) => {
      const input = $input && $input[0];
      return !input || input.ownerDocument.activeElement === input;
    },
  });
  // It closes on a click outside or Tab only: focus moved on otherwise (a click on
  // a label, a script, the browser's autofill) left it open too, so it closes when
  // the focus goes anywhere but into the picker.
  const closeWhenFocusLeaves = (id) => {
    const input = document.getElementById(id);
    if (!input || !window.jQuery) return;
    input.addEventListener("focusout", (event) => {
      const next = event.relatedTarget;
      if (next && next.closest(".xdsoft_datetimepicker")) return;
      window.jQuery(input).datetimepicker("hide");
    });
  };
  const picker = (name) => (marker) => {
    const id = marker.dataset.vestnikFor;
    window[name](id, onlyWhileFocused(json(marker.dataset.vestnikConfig)));
    closeWhenFocusLeaves(id);
  };

  const initialisers = {
    initDateChooser: picker("initDateChooser"),
    initTimeChooser: picker("initTimeChooser"),
    initDateTimeChooser: picker("initDateTimeChooser"),
    // Choosers (cms/admin_csp.py): a constructor or function from these lists only,
    // so markup injected into a page cannot call whatever it names.
    chooser: (marker) => {
      const call = json(marker.dataset.vestnikCall);
      const id = marker.dataset.vestnikFor;
      if (CHOOSER_CONSTRUCTORS.has(call.construct)) {
        new window[call.construct](id, call.options || {});
      } else if (CHOOSER_FUNCTIONS.has(call.function)) {
        window[call.function](id);
      } else {
        throw new Error(`not an allowed chooser: ${marker.dataset.vestnikCall}`);
      }
    },
    InlinePanel: (marker) => new window.InlinePanel(json(marker.dataset.vestnikOptions)),
    MultipleChooserPanel: (marker) =>
      new window.MultipleChooserPanel(json(marker.dataset.vestnikOptions)),
  };

  const SELECTOR = "[data-vestnik-init]";

  function initialise(marker) {
    if (marker.vestnikInitialised) return;
    const init = initialisers[marker.dataset.vestnikInit];
    if (!init) {
      console.error(`inline-init: unknown initialiser ${marker.dataset.vestnikInit}`);
      return;
    }
    marker.vestnikInitialised = true;
    try {
      init(marker);
    } catch (error) {
      // One broken widget must not stop the others on the page.
      console.error("inline-init:", marker.dataset.vestnikInit, error);
    }
  }

  function initialiseWithin(node) {
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    if (node.matches(SELECTOR)) initialise(node);
    node.querySelectorAll(SELECTOR).forEach(initialise);
  }

  function start() {
    // Document order, as the inline scripts ran: a panel's child widgets first.
    document.querySelectorAll(SELECTOR).forEach(initialise);
    new MutationObserver((mutations) => {
      mutations.forEach((mutation) => mutation.addedNodes.forEach(initialiseWithin));
    }).observe(document.documentElement, { childList: true, subtree: true });
  }

  // Wait for the whole page: the widgets' media scripts come after this file.
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start, { once: true });
  } else {
    start();
  }
})();
