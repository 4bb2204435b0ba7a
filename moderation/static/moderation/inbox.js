/* The moderation inbox: keyboard shortcuts, live new items, response timers.
   Server-rendered HTML only is inserted (rows come escaped from the _row template);
   text from the network is never put into innerHTML here. */
(function () {
  "use strict";

  const KEYS = { next: "j", prev: "k", open: "Enter", select: "x", del: "d",
    hide: "h", ban: "b", reply: "r", keep: "o", help: "?" };
  const ACTION_BY_KEY = { d: "delete", h: "hide", b: "ban", o: "keep" };

  function typing(event) {
    const el = event.target;
    return el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName));
  }

  function csrfToken() {
    const input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  /* -- timers ------------------------------------------------------------------ */
  function pad(n) { return String(n).padStart(2, "0"); }
  function updateTimers() {
    const now = Date.now();
    document.querySelectorAll("[data-deadline]").forEach(function (el) {
      const left = Math.round((Date.parse(el.dataset.deadline) - now) / 60000);
      const minutes = Math.abs(left);
      el.textContent = (left < 0 ? "−" : "") + Math.floor(minutes / 60) + ":" + pad(minutes % 60);
      el.classList.toggle("is-overdue", left < 0);
      el.title = el.dataset.deadline;
    });
  }

  /* -- help overlay -------------------------------------------------------------- */
  function toggleHelp(force) {
    const overlay = document.querySelector("[data-mod-help-overlay]");
    if (overlay) overlay.hidden = force === undefined ? !overlay.hidden : !force;
  }

  /* -- the list ------------------------------------------------------------------ */
  function setupInbox(root) {
    const rows = () => Array.from(root.querySelectorAll("tr.mod-row"));
    let current = -1;

    function focusRow(index) {
      const all = rows();
      if (!all.length) return;
      current = Math.max(0, Math.min(index, all.length - 1));
      all.forEach((row, i) => row.classList.toggle("is-current", i === current));
      all[current].scrollIntoView({ block: "nearest" });
    }

    function currentRow() { return rows()[current]; }

    function act(action) {
      const row = currentRow();
      if (!row) return;
      const form = document.getElementById("mod-bulk-form");
      const data = new FormData();
      data.append("ids", row.dataset.id);
      data.append("action", action);
      data.append("reason", form.querySelector("[name=reason]").value);
      data.append("days", form.querySelector("[name=days]").value);
      row.classList.add("is-busy");
      fetch(root.dataset.bulkUrl, {
        method: "POST", body: data, credentials: "same-origin",
        headers: { "X-CSRFToken": csrfToken(), "Accept": "application/json" },
      }).then((r) => r.json()).then(function (answer) {
        const result = answer.results[0];
        row.classList.remove("is-busy");
        row.classList.toggle("is-failed", !result.confirmed);
        row.querySelector(".mod-row__status").textContent = result.status_label;
        row.className = row.className.replace(/mod-row--\w+/, "mod-row--" + result.status);
        if (result.confirmed) focusRow(current + 1);
      }).catch(function () { row.classList.remove("is-busy"); row.classList.add("is-failed"); });
    }

    document.addEventListener("keydown", function (event) {
      if (typing(event) || event.ctrlKey || event.metaKey || event.altKey) return;
      const key = event.key;
      if (key === KEYS.help) { toggleHelp(); return; }
      if (key === "Escape") { toggleHelp(false); return; }
      if (key === KEYS.next) focusRow(current + 1);
      else if (key === KEYS.prev) focusRow(current - 1);
      else if (key === KEYS.open && currentRow()) window.location = currentRow().dataset.url;
      else if (key === KEYS.select && currentRow()) {
        const box = currentRow().querySelector("input[type=checkbox]");
        box.checked = !box.checked;
      } else if (key === KEYS.reply && currentRow()) {
        window.location = currentRow().dataset.url + "#mod-reply-text";
      } else if (ACTION_BY_KEY[key]) act(ACTION_BY_KEY[key]);
      else return;
      event.preventDefault();
    });

    root.querySelector("[data-mod-select-all]")?.addEventListener("change", function (e) {
      rows().forEach((row) => { row.querySelector("input[type=checkbox]").checked = e.target.checked; });
    });
    root.querySelector("[data-mod-help]")?.addEventListener("click", () => toggleHelp());

    /* New items without a reload: only on the first page of the newest-first list. */
    if (root.dataset.order === "newest" && root.dataset.page === "1") {
      setInterval(function () {
        const url = root.dataset.pollUrl + "&after=" + root.dataset.latestId;
        fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
          .then((r) => r.json()).then(function (answer) {
            if (!answer.rows.length) return;
            const body = document.getElementById("mod-rows");
            body.querySelector(".mod-empty")?.remove();
            const template = document.createElement("template");
            template.innerHTML = answer.rows.join("");  // server-rendered, escaped rows
            body.prepend(template.content);
            root.dataset.latestId = answer.latest_id;
            if (current >= 0) current += answer.rows.length;
            const open = root.querySelector("[data-count=open]");
            if (open) open.textContent = answer.counts.open;
            const live = root.querySelector("[data-mod-live]");
            if (live) live.textContent = "+" + answer.rows.length;
            updateTimers();
          }).catch(function () { /* the next poll tries again */ });
      }, 5000);
    }
  }

  /* -- one item ------------------------------------------------------------------ */
  function setupItem(root) {
    document.addEventListener("keydown", function (event) {
      if (typing(event) || event.ctrlKey || event.metaKey || event.altKey) return;
      const action = ACTION_BY_KEY[event.key];
      if (action) {
        root.querySelector("[data-mod-action=" + action + "]")?.click();
      } else if (event.key === KEYS.reply) {
        root.querySelector("[data-mod-reply]")?.focus();
      } else return;
      event.preventDefault();
    });
    if (window.location.hash === "#mod-reply-text") root.querySelector("[data-mod-reply]")?.focus();
  }

  document.addEventListener("DOMContentLoaded", function () {
    const inbox = document.getElementById("mod-inbox");
    const item = document.getElementById("mod-item");
    if (inbox) setupInbox(inbox);
    if (item) setupItem(item);
    updateTimers();
    setInterval(updateTimers, 30000);
  });
})();
