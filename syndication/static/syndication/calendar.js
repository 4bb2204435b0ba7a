// The publication calendar: drag a scheduled card onto another day to move its posts.
// The drop only fills in the card's own «Перенести» form (the same view, its CSRF
// token, validation and history entry) after a confirmation where the time can be
// changed too; «Перенести» stays the keyboard's way. Plain JS, no library.
(function () {
  "use strict";
  const script = document.currentScript;
  const dialog = document.querySelector("[data-move-dialog]");
  if (!dialog || typeof dialog.showModal !== "function") {
    return; // no <dialog>: «Перенести» still works
  }
  const question = dialog.querySelector("[data-move-question]");
  const dayInput = dialog.querySelector("[data-move-day]");
  const timeInput = dialog.querySelector("[data-move-time]");
  let dragged = null;
  let pending = null;

  // The browser's own «Please fill out this field» is in its UI language, not Russian.
  timeInput.addEventListener("invalid", () => {
    timeInput.setCustomValidity(script.dataset.timeMissing);
  });
  timeInput.addEventListener("input", () => timeInput.setCustomValidity(""));

  function clearTargets() {
    document
      .querySelectorAll(".is-drop-target")
      .forEach((cell) => cell.classList.remove("is-drop-target"));
  }

  function toast(text) {
    const note = document.createElement("div");
    note.className = "syndication-toast";
    note.setAttribute("role", "status");
    note.textContent = text;
    document.body.appendChild(note);
  }

  function ask(card, cell) {
    const form = card.querySelector("form");
    if (!form) {
      return;
    }
    pending = { form: form, day: cell.dataset.calendarDay };
    question.textContent = question.dataset.template
      .replace("{title}", card.dataset.title || "")
      .replace("{from}", card.dataset.fromLabel || "");
    dayInput.value = cell.dataset.dayLabel;
    timeInput.value = card.dataset.time;
    dialog.returnValue = "";
    dialog.showModal();
    timeInput.focus();
  }

  dialog.addEventListener("close", () => {
    const move = pending;
    pending = null;
    if (!move || dialog.returnValue !== "move" || !timeInput.value) {
      return;
    }
    const to = move.form.querySelector("input[name=to]");
    const from = move.form.querySelector("input[name=from]");
    to.value = move.day + "T" + timeInput.value.slice(0, 5);
    if (from && from.value === to.value) {
      return; // dropped where it was: nothing to move, nothing to log
    }
    toast(script.dataset.moving);
    move.form.submit();
  });

  document
    .querySelectorAll("[data-syndication-card][draggable=true]")
    .forEach((card) => {
      card.addEventListener("dragstart", (event) => {
        dragged = card;
        card.classList.add("is-dragging");
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", card.dataset.title || "");
      });
      card.addEventListener("dragend", () => {
        card.classList.remove("is-dragging");
        dragged = null;
        clearTargets();
      });
    });

  document.querySelectorAll("[data-calendar-day]").forEach((cell) => {
    cell.addEventListener("dragover", (event) => {
      if (!dragged) {
        return;
      }
      event.preventDefault(); // allows the drop
      event.dataTransfer.dropEffect = "move";
      cell.classList.add("is-drop-target");
    });
    cell.addEventListener("dragleave", (event) => {
      if (!cell.contains(event.relatedTarget)) {
        cell.classList.remove("is-drop-target");
      }
    });
    cell.addEventListener("drop", (event) => {
      if (!dragged) {
        return;
      }
      event.preventDefault();
      const card = dragged;
      clearTargets();
      ask(card, cell);
    });
  });
})();
