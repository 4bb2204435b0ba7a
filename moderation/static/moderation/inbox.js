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

  function notice(text, kind) {
    const el = document.querySelector("[data-mod-notice]");
    if (!el || !text) return;
    el.textContent = text;
    el.classList.toggle("mod-notice--done", kind === "done");
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
      row.querySelectorAll(".mod-row__status").forEach((el) => { el.textContent = label; });
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
      changed(answer.results.map((r) => r.item));
    }).catch(function () { delete toast.dataset.sending; });
  }

  /* Something happened to these items (sent, undone): the list and the pane beside it
     ask the server what they look like now. */
  function changed(ids) {
    document.dispatchEvent(new CustomEvent("mod:changed", { detail: { items: ids || [] } }));
  }

  function undoToast(toast) {
    if (toast.dataset.sending) return;
    toast.dataset.sending = "1";
    const box = toast.closest("[data-mod-toasts]");
    post(toast.action, new FormData(toast)).then(function (answer) {
      toast.remove();
      answer.items.forEach((id) => setRowStatus(id, "", ""));
      notice(answer.undone.length ? box.dataset.textUndone : box.dataset.textTooLate,
             answer.undone.length ? "done" : "");
      changed(answer.items);
      if (answer.items.length) {
        document.dispatchEvent(new CustomEvent("mod:undone", { detail: { items: answer.items } }));
      }
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

  /* -- one item: on its own page or in the pane beside the list ------------------- */
  /* Binds the item's controls and answers the keys that belong to it (saved replies
     1-9, actions, r); true when the key was the item's. */
  function bindItem(root) {
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

    return function key(event) {
      if (/^[1-9]$/.test(event.key) && saved.length) {
        insertSaved(saved[Number(event.key) - 1]);
        return true;
      }
      const action = ACTION_BY_KEY[event.key];
      const why = refusalsOf(root)[action || (event.key === "r" ? "reply" : "")];
      if (why) notice(why);
      else if (action) root.querySelector("[data-mod-action=" + action + "]")?.click();
      else if (event.key === "r") root.querySelector("[data-mod-reply]")?.focus();
      else return false;
      return true;
    };
  }

  function setupItem(root) {
    const key = bindItem(root);
    document.addEventListener("keydown", function (event) {
      if (typing(event) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (key(event)) { event.preventDefault(); return; }
      if (event.key === "j" || event.key === "k") {
        /* The queue beside the item: the next or the previous open item. */
        const links = Array.from(root.querySelectorAll("[data-mod-queue-link]"));
        const here = links.findIndex((a) => a.hasAttribute("aria-current"));
        const target = links[here + (event.key === "j" ? 1 : -1)] || (here < 0 ? links[0] : null);
        if (target) window.location = target.href;
      } else if (event.key === "u") undoLatest();
      else return;
      event.preventDefault();
    });
    if (window.location.hash === "#mod-reply-text") root.querySelector("[data-mod-reply]")?.focus();
  }

  /* -- the list, and the item open beside it (split view) ------------------------ */
  /* From 75em (1200 px) the item opens in a pane to the right of the list; narrower
     screens keep the item's own page. The address names the open item (?item=), so a
     reload or the back button shows the same list with the same item. */
  const SPLIT = window.matchMedia("(min-width: 75em)");

  function fromHtml(html) {
    const template = document.createElement("template");
    template.innerHTML = html;  // server-rendered, escaped
    return template.content;
  }

  function listQuery() {
    /* The list's filters, without the open item and the page. */
    const query = new URLSearchParams(window.location.search);
    query.delete("item");
    query.delete("page");
    return query;
  }

  function setupInbox(root) {
    const body = document.getElementById("mod-rows");
    const split = root.querySelector("[data-mod-split]");
    const pane = root.querySelector("[data-mod-pane]");
    const paneBody = pane.querySelector("[data-mod-pane-body]");
    const paneEmpty = pane.querySelector("[data-mod-pane-empty]");
    const rows = () => Array.from(root.querySelectorAll("tr.mod-row"));
    const liveRows = root.dataset.order === "newest" && root.dataset.page === "1";
    let current = -1;
    let paneKey = null;
    let loading = 0;
    let wanted = null;  // the item being fetched into the pane, if any

    function focusRow(index) {
      const all = rows();
      if (!all.length) return;
      current = Math.max(0, Math.min(index, all.length - 1));
      all.forEach((row, i) => row.classList.toggle("is-current", i === current));
      all[current].scrollIntoView({ block: "nearest" });
    }

    function currentRow() { return rows()[current]; }

    /* -- the pane ------------------------------------------------------------------ */
    function paneItem() { return paneBody.querySelector("[data-mod-pane-item]"); }
    function paneId() { const el = paneItem(); return el ? el.dataset.itemId : ""; }

    function addressOf(id) {
      const query = new URLSearchParams(window.location.search);
      if (id) query.set("item", id); else query.delete("item");
      const search = query.toString();
      return window.location.pathname + (search ? "?" + search : "");
    }

    function markOpenRow() {
      const id = paneId();
      rows().forEach(function (row, i) {
        const open = row.dataset.id === id;
        row.classList.toggle("is-open", open);
        if (open) row.setAttribute("aria-current", "true"); else row.removeAttribute("aria-current");
        if (open && current !== i) { current = i; focusRow(i); }
      });
    }

    function showPane(html) {
      const reply = paneItem()?.querySelector("[data-mod-reply]");
      const keep = reply && reply.value.trim() ? { id: paneId(), text: reply.value } : null;
      paneBody.replaceChildren(fromHtml(html));
      paneEmpty.hidden = true;
      split.classList.add("has-pane");
      const item = paneItem();
      paneKey = item ? bindItem(item) : null;
      /* A reply being typed survives the pane being refreshed under it. */
      const fresh = item?.querySelector("[data-mod-reply]");
      if (keep && fresh && keep.id === paneId()) fresh.value = keep.text;
      markOpenRow();
      updateTimers();
    }

    function openItem(id, history) {
      const ticket = ++loading;
      wanted = String(id);
      const url = root.dataset.paneUrl.replace("/0/", "/" + id + "/");
      return fetch(url, { credentials: "same-origin", headers: { "Accept": "text/html" } })
        .then(function (r) {
          if (!r.ok) throw new Error(r.status);
          return r.text();
        }).then(function (html) {
          if (ticket !== loading) return;  // a later click won
          wanted = null;
          const another = paneId() !== String(id);
          showPane(html);
          if (another) pane.scrollTop = 0;
          if (history === "push") window.history.pushState({ item: String(id) }, "", addressOf(id));
          else if (history === "replace") window.history.replaceState({ item: String(id) }, "", addressOf(id));
        }).catch(function (error) {
          if (ticket === loading) wanted = null;
          throw error;
        });
    }

    function closePane(push) {
      loading++;
      wanted = null;
      paneBody.replaceChildren();
      paneEmpty.hidden = false;
      split.classList.remove("has-pane");
      paneKey = null;
      markOpenRow();
      if (push) window.history.pushState({ item: "" }, "", addressOf(""));
    }

    function open(id, event) {
      /* Beside the list on a wide screen; its own page otherwise. */
      if (!SPLIT.matches) return false;
      if (event) event.preventDefault();
      openItem(id, "push").catch(() => { window.location = root.dataset.paneUrl.replace("/0/pane/", "/" + id + "/"); });
      return true;
    }

    /* An action from the pane: sent without leaving the list; the row and the counters
       follow, the undo toast appears, and the next item opens when that is asked. */
    pane.addEventListener("submit", function (event) {
      const form = event.target.closest("[data-mod-actions], .mod-reply");
      if (!form || !paneItem()) return;
      event.preventDefault();
      const data = new FormData(form);
      if (event.submitter && event.submitter.name) data.append(event.submitter.name, event.submitter.value);
      listQuery().forEach((v, k) => data.append(k, v));
      const id = paneId();
      const advance = data.get("advance") === "1";
      paneItem().classList.add("is-busy");
      /* form.action would be the button named «action» */
      post(form.getAttribute("action"), data).then(function (answer) {
        updateCounts(answer.counts);
        replaceRow(answer.id, answer.row);
        addToasts(answer.toasts);
        if (answer.error) {
          paneItem()?.classList.remove("is-busy");
          notice(answer.error);
          return;
        }
        if (answer.message) notice(answer.message, "done");
        if (advance && answer.next) return openItem(answer.next, "push");
        if (advance) { closePane(true); return; }
        if (event.submitter && event.submitter.value === "reply") form.querySelector("[data-mod-reply]").value = "";
        return openItem(id, "none");
      }).catch(function () { paneItem()?.classList.remove("is-busy"); });
    });

    pane.addEventListener("click", function (event) {
      if (event.target.closest("[data-mod-pane-close]")) { closePane(true); return; }
      const link = event.target.closest("a[data-mod-open]");
      if (link && !event.ctrlKey && !event.metaKey && !event.shiftKey && event.button === 0) open(link.dataset.modOpen, event);
    });

    body.addEventListener("click", function (event) {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      if (event.target.closest("input, label, button, select")) return;
      const row = event.target.closest("tr.mod-row");
      if (!row) return;
      const link = event.target.closest("a");
      if (link && !link.matches("[data-mod-open]")) return;  // an author's profile
      if (open(row.dataset.id, event)) focusRow(rows().indexOf(row));
    });

    window.addEventListener("popstate", function () {
      const id = new URLSearchParams(window.location.search).get("item");
      if (id) openItem(id, "none").catch(() => {});
      else closePane(false);
    });

    /* -- rows ------------------------------------------------------------------------ */
    function replaceRow(id, html) {
      if (!html) return;
      const old = body.querySelector('tr.mod-row[data-id="' + id + '"]');
      if (!old) return;
      const fresh = fromHtml(html).firstElementChild;
      if (!fresh) return;
      fresh.querySelector("input[type=checkbox]").checked = old.querySelector("input[type=checkbox]").checked;
      ["is-current", "is-open", "is-failed"].forEach((c) => fresh.classList.toggle(c, old.classList.contains(c)));
      if (old.hasAttribute("aria-current")) fresh.setAttribute("aria-current", "true");
      old.replaceWith(fresh);
    }

    function seen() {
      const pairs = rows().map((row) => row.dataset.id + ":" + row.dataset.version);
      const item = paneItem();
      if (item) pairs.push(item.dataset.itemId + ":" + item.dataset.version);
      return pairs.join(",");
    }

    function refresh() {
      const sent = { pane: paneId(), version: paneItem()?.dataset.version };
      const url = root.dataset.pollUrl + "&after=" + root.dataset.latestId + "&seen=" + encodeURIComponent(seen());
      return fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then((r) => r.json()).then(function (answer) {
          updateCounts(answer.counts);
          Object.entries(answer.changed || {}).forEach(([id, html]) => replaceRow(id, html));
          /* The open item changed elsewhere (another moderator, a rule, the undo
             window): the pane shows it as it is now, unless it was already reloaded. */
          if (sent.pane && answer.changed && answer.changed[sent.pane] && wanted === null &&
              paneId() === sent.pane && paneItem().dataset.version === sent.version) {
            openItem(sent.pane, "none").catch(() => {});
          }
          if (!liveRows || !answer.rows.length) return;
          body.querySelector(".mod-empty")?.remove();
          body.prepend(fromHtml(answer.rows.join("")));
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
      const help = document.querySelector("[data-mod-help-overlay]");
      if (key === "?") { toggleHelp(); event.preventDefault(); return; }
      if (key === "Escape") {
        if (help && !help.hidden) toggleHelp(false);
        else if (paneItem()) closePane(true);
        return;
      }
      /* With an item open beside the list, its keys act on it. */
      if (paneKey && paneKey(event)) { event.preventDefault(); return; }
      if (key === "j") focusRow(current + 1);
      else if (key === "k") focusRow(current - 1);
      else if (key === "u") undoLatest();
      else if (key === "Enter" && currentRow()) {
        if (!open(currentRow().dataset.id)) window.location = currentRow().dataset.url;
      } else if (key === "x" && currentRow()) {
        const box = currentRow().querySelector("input[type=checkbox]");
        box.checked = !box.checked;
      } else if (key === "r" && currentRow()) {
        const why = refusalsOf(currentRow()).reply;
        if (why) notice(why);
        else if (SPLIT.matches) {
          openItem(currentRow().dataset.id, "push").then(() => paneItem()?.querySelector("[data-mod-reply]")?.focus());
        } else window.location = currentRow().dataset.url + "#mod-reply-text";
      } else if (ACTION_BY_KEY[key]) act(ACTION_BY_KEY[key]);
      else return;
      event.preventDefault();
    });

    root.querySelector("[data-mod-select-all]")?.addEventListener("change", function (e) {
      rows().forEach((row) => { row.querySelector("input[type=checkbox]").checked = e.target.checked; });
    });
    root.querySelector("[data-mod-help]")?.addEventListener("click", () => toggleHelp());
    document.addEventListener("mod:changed", () => refresh().catch(() => {}));
    /* Undoing a delete or a ban brings its item back into the pane, where the next
       item may have opened meanwhile. */
    document.addEventListener("mod:undone", function (event) {
      const id = String(event.detail.items[0]);
      if (SPLIT.matches && paneId() !== id) openItem(id, "push").catch(() => {});
    });

    /* The item the address names was rendered with the page. */
    if (paneItem()) {
      paneKey = bindItem(paneItem());
      window.history.replaceState({ item: paneId() }, "", window.location.href);
      markOpenRow();
    }
    /* New items, and changes to the rows shown, without a reload. */
    setInterval(() => refresh().catch(function () { /* the next poll tries again */ }), 5000);
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
