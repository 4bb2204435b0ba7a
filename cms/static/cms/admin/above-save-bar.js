/*
 * Keeps the field being filled above Wagtail's save bar.
 *
 * The bar (footer.footer, with its «несохранённые изменения» notice) is fixed to the
 * bottom of the window and the form scrolls inside <main>. When a field sits just
 * behind the bar but still inside the window, the browser does not scroll on focus:
 * after a form came back with errors (the message above pushes the form down), Tab on a
 * 1366×768 laptop put «Внешний идентификатор» under the bar, and a growing textarea
 * («Назначение», «Заметки») hid the line being typed. Here the form is scrolled up by
 * the overlap, once the browser's own focus scroll is done.
 */
(() => {
  "use strict";

  const MARGIN = 16; // pixels of air between the field and the bar

  const barTop = (bar) => {
    let top = Infinity;
    for (const part of [bar, ...bar.querySelectorAll("*")]) {
      const box = part.getBoundingClientRect();
      if (box.height > 0 && box.width > 0) top = Math.min(top, box.top);
    }
    return top;
  };

  const keepAbove = (field) => {
    if (!(field instanceof HTMLElement)) return;
    const scroller = field.closest("main");
    const bar = document.querySelector("footer.footer");
    if (!scroller || !bar || bar.contains(field)) return;
    if (getComputedStyle(bar).position !== "fixed") return;
    requestAnimationFrame(() => {
      const box = field.getBoundingClientRect();
      const overlap = box.bottom + MARGIN - barTop(bar);
      // A field taller than the room left is brought up as far as its own top allows.
      const room = box.top - scroller.getBoundingClientRect().top - 60;
      const by = Math.min(overlap, room);
      if (by > 0) scroller.scrollBy({ top: by, behavior: "instant" });
    });
  };

  document.addEventListener("focusin", (event) => keepAbove(event.target));
  document.addEventListener("input", (event) => {
    if (event.target instanceof HTMLTextAreaElement) keepAbove(event.target);
  });
})();
