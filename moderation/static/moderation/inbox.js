/* The moderation desk: keyboard shortcuts, the undo window, live rows and counters,
   deadlines as time left.
   Server-rendered HTML only is inserted (rows and toasts come escaped from templates);
   text from the network is never put into innerHTML here. Every sentence a moderator
   reads comes from the server (gettext), never from this file. */
(function () {
  "use strict";

  const ACTION_BY_KEY = { t: "take", o: "keep", h: "hide", d: "delete", b: "ban" };

  function typing(event) {
    const el = event.target;
    if (!el) return false;
    if (el.tagName === "INPUT") return !["checkbox", "radio", "button", "submit"].includes(el.type);
    return el.isContentEditable || ["TEXTAREA", "SELECT"].includes(el.tagName);
  }

  function csrfToken() {
    const input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function post(url, data) {
    return fetch(url, {
      method: "POST", body: data, credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken(), "Accept": "application/json" },
    }).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    });
  }

  function notice(text) {
    const el = document.querySelector("[data-mod-notice]");
    if (!el || !text) return;
    el.textContent = text;
    el.hidden = false;
    clearTimeout(notice.timer);
    notice.timer = setTimeout(function () { el.hidden = true; }, 8000);
  }

  function refusalsOf(el) {
    try { return JSON.parse(el.dataset.refusals || "{}"); } catch (e) { return {}; }
  }

  /* -- deadlines as time left ------------------------------------------------------ */
  const plural = new Intl.PluralRules("ru-RU");
  let forms = null;
  function timeLeft(ms) {
    const over = ms < 0;
    const seconds = Math.abs(ms) / 1000;
    let unit = "day", n = Math.floor(seconds / 86400);
    if (seconds < 3600) { unit = "min"; n = Math.floor(seconds / 60); }
    else if (seconds < 86400) { unit = "hour"; n = Math.floor(seconds / 3600); }
    if (n === 0) return over ? forms.just : forms.soon;
    const table = forms[over ? "over" : "left"][unit];
    return (table[plural.select(n)] || table.many).replace("{n}", n);
  }
  function updateTimers() {
    const source = document.getElementById("mod-time-forms");
    if (!source) return;
    forms = forms || JSON.parse(source.textContent);
    const now = Date.now();
    document.querySelectorAll("[data-deadline]").forEach(function (el) {
      const deadline = Date.parse(el.dataset.deadline);
      el.textContent = timeLeft(deadline - now);
      el.classList.toggle("is-overdue", deadline < now);
    });
  }

  /* -- counters ---------------------------------------------------------------------- */
  function updateCounts(counts) {
    if (!counts) return;
    document.querySelectorAll("[data-count]").forEach(function (el) {
      if (counts[el.dataset.count] !== undefined) el.textContent = counts[el.dataset.count];
    });
  }

  /* -- the undo window ---------------------------------------------------------------- */
  const rowsOfItem = (id) => document.querySelectorAll('tr.mod-row[data-id="' + id + '"]');

  function setRowStatus(itemId, status, label) {
    rowsOfItem(itemId).forEach(function (row) {
      row.classList.remove("is-pending", "is-busy");
      if (!status) return;
      row.querySelector(".mod-row__status").textContent = label;
      row.className = row.className.replace(/mod-row--\w+/, "mod-row--" + status);
    });
  }

  function sendToast(toast) {
    if (toast.dataset.sending) return;
    toast.dataset.sending = "1";
    const box = toast.closest("[data-mod-toasts]");
    const data = new FormData();
    toast.querySelectorAll("input[name=ids]").forEach((i) => data.append("ids", i.value));
    post(box.dataset.sendUrl, data).then(function (answer) {
      toast.remove();
      answer.results.forEach(function (r) {
        if (r.item) setRowStatus(r.item, r.status, r.status_label);
        if (r.error) {
          notice(r.error);
          rowsOfItem(r.item).forEach((row) => row.classList.add("is-failed"));
        }
      });
      document.dispatchEvent(new CustomEvent("mod:changed"));
    }).catch(function () { delete toast.dataset.sending; });
  }

  function undoToast(toast) {
    if (toast.dataset.sending) return;
    toast.dataset.sending = "1";
    const box = toast.closest("[data-mod-toasts]");
    post(toast.action, new FormData(toast)).then(function (answer) {
      toast.remove();
      answer.items.forEach((id) => setRowStatus(id, "", ""));
      notice(answer.undone.length ? box.dataset.textUndone : box.dataset.textTooLate);
      document.dispatchEvent(new CustomEvent("mod:changed"));
    }).catch(function () { delete toast.dataset.sending; });
  }

  function tickToasts() {
    const now = Date.now();
    document.querySelectorAll("[data-mod-toast]").forEach(function (toast) {
      const left = Math.ceil((Date.parse(toast.dataset.due) - now) / 1000);
      const countdown = toast.querySelector("[data-mod-countdown]");
      const box = toast.closest("[data-mod-toasts]");
      if (countdown) countdown.textContent = box.dataset.textIn.replace("{n}", Math.max(left, 0));
      if (left <= 0) sendToast(toast);
    });
  }

  function setupToasts() {
    const box = document.querySelector("[data-mod-toasts]");
    if (!box) return;
    box.addEventListener("submit", function (event) {
      const toast = event.target.closest("[data-mod-toast]");
      if (!toast) return;
      event.preventDefault();
      undoToast(toast);
    });
    /* Leaving the page does not lose a pending action: the next page shows it again
       (it is in the database) and the sweep task sends it if no page is open. */
    tickToasts();
    setInterval(tickToasts, 1000);
  }

  function addToasts(html) {
    const box = document.querySelector("[data-mod-toasts]");
    if (!box || !html) return;
    const template = document.createElement("template");
    template.innerHTML = html;  // server-rendered, escaped
    box.append(template.content);
    tickToasts();
  }

  function undoLatest() {
    const toasts = document.querySelectorAll("[data-mod-toast]:not([data-sending])");
    if (toasts.length) undoToast(toasts[toasts.length - 1]);
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

    function refresh() {
      const url = root.dataset.pollUrl + "&after=" + root.dataset.latestId;
      return fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then((r) => r.json()).then(function (answer) {
          updateCounts(answer.counts);
          if (!answer.rows.length) return;
          const body = document.getElementById("mod-rows");
          body.querySelector(".mod-empty")?.remove();
          const template = document.createElement("template");
          template.innerHTML = answer.rows.join("");  // server-rendered, escaped rows
          body.prepend(template.content);
          root.dataset.latestId = answer.latest_id;
          if (current >= 0) current += answer.rows.length;
          const live = root.querySelector("[data-mod-live]");
          if (live) live.textContent = "+" + answer.rows.length;
          updateTimers();
        });
    }

    function act(action) {
      const row = currentRow();
      if (!row) return;
      const why = refusalsOf(row)[action];
      if (why) { notice(why); return; }
      const form = document.getElementById("mod-bulk-form");
      const data = new FormData();
      new URLSearchParams(window.location.search).forEach((v, k) => data.append(k, v));
      data.append("ids", row.dataset.id);
      data.append("action", action);
      data.append("reason", form.querySelector("[name=reason]").value);
      data.append("days", form.querySelector("[name=days]").value);
      row.classList.add("is-busy");
      post(root.dataset.bulkUrl, data).then(function (answer) {
        const result = answer.results[0];
        row.classList.remove("is-busy");
        updateCounts(answer.counts);
        if (result.refused) { notice(result.refused); return; }
        row.classList.toggle("is-failed", !result.confirmed);
        if (result.pending) {
          row.classList.add("is-pending");
          addToasts(answer.toasts);
        } else {
          setRowStatus(row.dataset.id, result.status, result.status_label);
        }
        if (!result.confirmed) notice(result.errors.join("; "));
        else focusRow(current + 1);
      }).catch(function () { row.classList.remove("is-busy"); row.classList.add("is-failed"); });
    }

    document.addEventListener("keydown", function (event) {
      if (typing(event) || event.ctrlKey || event.metaKey || event.altKey) return;
      const key = event.key;
      if (key === "?") { toggleHelp(); return; }
      if (key === "Escape") { toggleHelp(false); return; }
      if (key === "j") focusRow(current + 1);
      else if (key === "k") focusRow(current - 1);
      else if (key === "u") undoLatest();
      else if (key === "Enter" && currentRow()) window.location = currentRow().dataset.url;
      else if (key === "x" && currentRow()) {
        const box = currentRow().querySelector("input[type=checkbox]");
        box.checked = !box.checked;
      } else if (key === "r" && currentRow()) {
        const why = refusalsOf(currentRow()).reply;
        if (why) notice(why);
        else window.location = currentRow().dataset.url + "#mod-reply-text";
      } else if (ACTION_BY_KEY[key]) act(ACTION_BY_KEY[key]);
      else return;
      event.preventDefault();
    });

    root.querySelector("[data-mod-select-all]")?.addEventListener("change", function (e) {
      rows().forEach((row) => { row.querySelector("input[type=checkbox]").checked = e.target.checked; });
    });
    root.querySelector("[data-mod-help]")?.addEventListener("click", () => toggleHelp());
    document.addEventListener("mod:changed", () => refresh().catch(() => {}));

    /* New items without a reload: only on the first page of the newest-first list. */
    if (root.dataset.order === "newest" && root.dataset.page === "1") {
      setInterval(() => refresh().catch(function () { /* the next poll tries again */ }), 5000);
    }
  }

  /* -- one item ------------------------------------------------------------------ */
  function setupItem(root) {
    const advance = root.querySelector("[data-mod-advance]");
    const copy = root.querySelector("[data-mod-advance-copy]");
    function syncAdvance() {
      if (copy) copy.value = advance.checked ? "1" : "";
      localStorage.setItem("moderation.advance", advance.checked ? "1" : "");
    }
    if (advance) {
      advance.checked = localStorage.getItem("moderation.advance") === "1";
      advance.addEventListener("change", syncAdvance);
      syncAdvance();
    }
    /* Saved replies: a button or the keys 1-9 put the filled-in text into the box. */
    const reply = root.querySelector("[data-mod-reply]");
    const saved = Array.from(root.querySelectorAll("[data-mod-saved-text]"));
    function insertSaved(button) {
      if (!reply || !button) return;
      const text = button.dataset.modSavedText;
      reply.value = reply.value.trim() ? reply.value.replace(/\s*$/, "") + "\n\n" + text : text;
      reply.focus();
      reply.setSelectionRange(reply.value.length, reply.value.length);
    }
    saved.forEach((button) => button.addEventListener("click", () => insertSaved(button)));

    document.addEventListener("keydown", function (event) {
      if (typing(event) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (/^[1-9]$/.test(event.key) && saved.length) {
        insertSaved(saved[Number(event.key) - 1]);
        event.preventDefault();
        return;
      }
      const action = ACTION_BY_KEY[event.key];
      const why = refusalsOf(root)[action || (event.key === "r" ? "reply" : "")];
      if (why) notice(why);
      else if (action) root.querySelector("[data-mod-action=" + action + "]")?.click();
      else if (event.key === "j" || event.key === "k") {
        /* The queue beside the item: the next or the previous open item. */
        const links = Array.from(root.querySelectorAll("[data-mod-queue-link]"));
        const here = links.findIndex((a) => a.hasAttribute("aria-current"));
        const target = links[here + (event.key === "j" ? 1 : -1)] || (here < 0 ? links[0] : null);
        if (target) window.location = target.href;
      }
      else if (event.key === "r") root.querySelector("[data-mod-reply]")?.focus();
      else if (event.key === "u") undoLatest();
      else return;
      event.preventDefault();
    });
    if (window.location.hash === "#mod-reply-text") root.querySelector("[data-mod-reply]")?.focus();
  }

  document.addEventListener("DOMContentLoaded", function () {
    const inbox = document.getElementById("mod-inbox");
    const item = document.getElementById("mod-item");
    setupToasts();
    if (inbox) setupInbox(inbox);
    if (item) setupItem(item);
    updateTimers();
    setInterval(updateTimers, 30000);
  });
})();
