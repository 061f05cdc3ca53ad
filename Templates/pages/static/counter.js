// The clerk's console (/counter/{n}). Signs in first (the counter's clerk or an administrator), then
// shows the counter's state, the ticket being called or served, who waits for this counter, and what
// the counter handled today; the buttons call POST /api/v1/counters/{n}/ACTION.
//
// Reads GET /api/v1/queue (the snapshot: counter state, current ticket, waiting tickets),
// GET /api/v1/counters/{n}/tickets (today at this counter), GET /api/v1/services and
// /api/v1/priority-groups (names), and follows /api/v1/events: every ticket.* / counter.* / day.* event
// refetches what it may have changed; each (re)connection refetches everything.
//
// Keyboard: every action has a key, written in the <kbd> of its button and in its data-key (see
// counter.mustache); keys act only when the focus is not in a text field. In the dossier field, Enter
// finishes the ticket and Escape leaves the field. 1–5 choose the rating, M goes to the dossier field.
// The transfer dialog is a modal <dialog>: Tab moves between the targets, Escape closes it.
"use strict";

(function () {
  const EVENT_TYPES = [
    "ticket.issued", "ticket.called", "ticket.recalled", "ticket.serving", "ticket.done", "ticket.no_show",
    "ticket.transferred", "ticket.expired", "counter.opened", "counter.paused", "counter.closed",
    "day.opened", "day.closed",
  ];
  /** Events come in bursts (and the first connection replays the log): one refetch per burst. */
  const REFRESH_MS = 150;

  const $ = (id) => document.getElementById(id);
  const root = $("counter");
  const N = Number(root.dataset.counter);
  const api = (path) => "/api/v1/counters/" + N + "/" + path;

  const ui = {
    loading: $("counter-loading"),
    title: $("counter-title"),
    counterState: $("counter-state"),
    counterServices: $("counter-services"),
    signedInAs: $("signed-in-as"),
    error: $("action-error"),
    status: $("action-status"),
    current: $("current"),
    number: $("current-number"),
    service: $("current-service"),
    state: $("current-state"),
    priority: $("current-priority"),
    meta: $("current-meta"),
    dossier: $("dossier-code"),
    ratings: Array.from(document.querySelectorAll("button.rating")),
    waitingTotal: $("waiting-total"),
    waiting: $("waiting-list"),
    servedCounts: $("served-counts"),
    served: $("served-today"),
    servedNone: $("served-none"),
    dialog: $("transfer-dialog"),
    transferError: $("transfer-error"),
  };
  const buttons = {};
  for (const button of document.querySelectorAll("button[data-action]")) buttons[button.dataset.action] = button;

  /** Shortcut key → the button (or field) it works. */
  const keys = {};
  for (const node of document.querySelectorAll("[data-key]")) keys[node.dataset.key.toLowerCase()] = node;

  const model = {
    me: null,
    services: [],        // GET /api/v1/services
    groups: {},          // priority group code → group
    queue: null,         // GET /api/v1/queue
    counter: null,       // this counter in the snapshot
    history: null,       // GET /api/v1/counters/{n}/tickets
    currentId: null,     // the ticket the dossier field and rating belong to
    rating: null,
    busy: false,
  };

  // MARK: Texts

  function serviceName(code, fallback) {
    const service = model.services.find((s) => s.code === code);
    if (!service) return fallback || code;
    return MC.lang === "en" && service.name_en ? service.name_en : service.name;
  }

  function groupName(code) {
    const group = model.groups[code];
    if (!group) return code;
    return MC.lang === "en" && group.name_en ? group.name_en : group.name;
  }

  function ticketState(state) {
    return MC.t("common.ticket_" + state);
  }

  function counterState(state) {
    return MC.t("common.counter_" + state);
  }

  // MARK: Messages

  /** Shows what went wrong (or, as a notice, what did not happen) until the next action. */
  function showError(text, notice) {
    ui.error.textContent = text;
    ui.error.hidden = !text;
    ui.error.classList.toggle("is-notice", !!notice);
  }

  function announce(text) {
    ui.status.textContent = text || "";
  }

  // MARK: Loading

  let snapshotRequest = 0;
  let snapshotApplied = 0;
  let historyRequest = 0;
  let historyApplied = 0;

  async function loadSnapshot() {
    const id = ++snapshotRequest;
    const queue = await MC.api("GET", "/api/v1/queue");
    if (id < snapshotApplied) return;
    snapshotApplied = id;
    model.queue = queue;
    model.counter = queue.counters.find((c) => c.id === N) || null;
    render();
  }

  async function loadHistory() {
    const id = ++historyRequest;
    let history;
    try {
      history = await MC.api("GET", api("tickets"));
    } catch (e) {
      if (e.status === 401) return signInAgain();
      throw e;
    }
    if (id < historyApplied) return;
    historyApplied = id;
    model.history = history;
    renderHistory();
  }

  async function loadNames() {
    const [services, groups] = await Promise.all([
      MC.api("GET", "/api/v1/services"),
      MC.api("GET", "/api/v1/priority-groups").catch(() => []),
    ]);
    model.services = services;
    model.groups = {};
    for (const group of groups) model.groups[group.code] = group;
  }

  async function loadAll() {
    try {
      await Promise.all([loadNames(), loadSnapshot(), loadHistory()]);
      render();
      renderHistory();
    } catch (e) {
      showError(MC.errorText(e));
    }
  }

  /** Runs `task` at most once per REFRESH_MS, and once more if asked while it ran. */
  function throttled(task) {
    let timer = null;
    let running = false;
    let again = false;
    const run = async () => {
      timer = null;
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        await task();
      } catch (e) {
        // The connection banner says when the server is away; the next event or reconnection retries.
      } finally {
        running = false;
        if (again) {
          again = false;
          schedule();
        }
      }
    };
    const schedule = () => {
      if (!timer) timer = setTimeout(run, REFRESH_MS);
    };
    return schedule;
  }
  const refreshSnapshot = throttled(loadSnapshot);
  const refreshHistory = throttled(loadHistory);

  // MARK: Rendering

  function render() {
    const counter = model.counter;
    const state = counter ? counter.state : null;
    const ticket = counter ? counter.current : null;
    const ticketStateNow = ticket ? ticket.state : null;

    ui.counterState.textContent = state ? counterState(state) : "…";
    ui.counterState.dataset.state = state || "";
    ui.counterServices.textContent = counter
      ? MC.t("counter.counter_services", { list: counter.services.map((code) => serviceName(code)).join(", ") })
      : "";
    ui.counterServices.title = ui.counterServices.textContent;

    // Which buttons make sense now; the server still has the last word.
    const allowed = {
      open: state !== null && state !== "open",
      pause: state === "open",
      close: state !== null && state !== "closed" && !ticket,
      next: state === "open" && !ticket,
      recall: ticketStateNow === "called",
      start: ticketStateNow === "called",
      "no-show": ticketStateNow === "called",
      transfer: !!ticket,
      done: !!ticket,
    };
    for (const [action, button] of Object.entries(buttons)) button.disabled = !allowed[action];
    ui.dossier.disabled = !ticket;
    for (const button of ui.ratings) button.disabled = !ticket;

    if (!ticket || ticket.id !== model.currentId) {
      // A new ticket (or none): the finishing form starts empty.
      model.currentId = ticket ? ticket.id : null;
      resetFinish();
    }

    ui.current.dataset.state = ticketStateNow || "none";
    ui.state.dataset.state = ticketStateNow || "none";
    if (ticket) {
      ui.number.textContent = ticket.number;
      ui.service.textContent = serviceName(ticket.service, ticket.service_name);
      ui.state.textContent = ticketState(ticket.state);
      ui.priority.hidden = !ticket.priority;
      ui.priority.textContent = ticket.priority ? MC.t("common.priority") + ": " + groupName(ticket.priority) : "";
      const meta = [MC.t(ticket.call_count === 1 ? "counter.calls_one" : "counter.calls", { n: ticket.call_count })];
      if (ticket.called_at) meta.push(MC.t("counter.called_at", { time: MC.time(ticket.called_at) }));
      if (ticket.served_at) meta.push(MC.t("counter.served_since", { time: MC.time(ticket.served_at) }));
      meta.push(MC.t("counter.issued_at", { time: MC.time(ticket.issued_at) }));
      ui.meta.textContent = meta.join(" · ");
    } else {
      ui.number.textContent = "—";
      ui.service.textContent = "";
      ui.state.textContent = MC.t("counter.no_current");
      ui.priority.hidden = true;
      ui.meta.textContent = state ? MC.t("counter.no_current_hint_" + state) : "";
    }
    renderWaiting();
    keepFocus();
  }

  function renderWaiting() {
    const queue = model.queue;
    const counter = model.counter;
    ui.waiting.replaceChildren();
    if (!queue || !counter) return;
    let total = 0;
    const group = (title, tickets, extraClass) => {
      total += tickets.length;
      const list = MC.el("ol", { class: "waiting-tickets" }, tickets.map((t) =>
        MC.el("li", {
          class: "waiting-ticket" + (t.priority ? " is-priority" : "") + (t.state === "transferred" ? " is-transferred" : ""),
          dataset: { number: t.number },
          title: MC.t("counter.issued_at", { time: MC.time(t.issued_at) }),
        }, [
          MC.el("strong", { text: t.number }),
          t.priority ? MC.el("span", { class: "ticket-tag", text: groupName(t.priority) }) : null,
          t.state === "transferred" ? MC.el("span", { class: "ticket-tag tag-transfer", text: MC.t("counter.transferred_mark") }) : null,
        ])));
      return MC.el("section", { class: "waiting-group" + (extraClass || "") }, [
        MC.el("h3", { class: "waiting-group-title" }, [
          MC.el("span", { text: title }),
          MC.el("span", { class: "waiting-group-count", text: String(tickets.length) }),
        ]),
        tickets.length ? list : MC.el("p", { class: "waiting-empty", text: MC.t("counter.waiting_none") }),
      ]);
    };
    const groups = [];
    if (counter.transferred && counter.transferred.length) {
      groups.push(group(MC.t("counter.waiting_transferred"), counter.transferred, " is-targeted"));
    }
    for (const code of counter.services) {
      const service = queue.services.find((s) => s.code === code);
      if (service) groups.push(group(code + " · " + serviceName(code, service.name), service.tickets || []));
    }
    ui.waiting.append(...groups);
    ui.waiting.dataset.count = String(total);
    ui.waitingTotal.textContent = total ? MC.t("counter.waiting_total", { n: total }) : MC.t("counter.waiting_none");
  }

  function ratingText(rating) {
    return rating ? MC.t("counter.rating_" + rating) : "";
  }

  function renderHistory() {
    const history = model.history;
    const body = ui.served.tBodies[0];
    body.replaceChildren();
    if (!history) return;
    ui.servedCounts.replaceChildren(
      MC.el("span", { class: "count count-done", text: MC.t("counter.count_done", { n: history.done }) }),
      MC.el("span", { class: "count count-no-show", text: MC.t("counter.count_no_show", { n: history.no_show }) }),
      MC.el("span", { class: "count count-transferred", text: MC.t("counter.count_transferred", { n: history.transferred }) }),
    );
    for (const t of history.tickets) {
      const where = t.transferred_to_service
        ? MC.t("counter.to_service", { service: t.transferred_to_service })
        : t.transferred_to_counter ? MC.t("counter.to_counter", { n: t.transferred_to_counter }) : null;
      const times = MC.time(t.called_at) + (t.finished_at ? "–" + MC.time(t.finished_at) : "");
      body.append(MC.el("tr", { class: "served-row", dataset: { id: t.id, number: t.number, state: t.state } }, [
        MC.el("th", { scope: "row", text: t.number }),
        MC.el("td", { title: serviceName(t.service, t.service_name), text: t.service }),
        MC.el("td", {}, [
          MC.el("span", { class: "state-badge", dataset: { state: t.state }, text: ticketState(t.state) }),
          where ? MC.el("span", { class: "served-where", text: " " + where }) : null,
        ]),
        MC.el("td", { class: "time", text: times }),
        MC.el("td", { class: "dossier", text: t.dossier || "" }),
        MC.el("td", { class: "rating-cell", dataset: { rating: t.rating || "" } }, t.rating ? [
          MC.el("span", { class: "stars", role: "img", title: ratingText(t.rating), "aria-label": ratingText(t.rating),
            text: "★".repeat(t.rating) + "☆".repeat(5 - t.rating) }),
        ] : []),
      ]));
    }
    ui.servedNone.hidden = history.tickets.length > 0;
  }

  // MARK: Focus

  /** The button the next step most likely is, for the focus after an action. */
  function primaryButton() {
    const order = ["start", "done", "next", "open"];
    for (const action of order) if (!buttons[action].disabled) return buttons[action];
    return null;
  }

  let moveFocus = false;
  /** After the clerk's own action, or when the focused control was just disabled, the focus goes to
   * the likely next step, so that Tab and Enter go on from there rather than from the page's top. */
  function keepFocus() {
    if (ui.dialog.open || document.querySelector(".signin-overlay") || root.hidden) return;
    const active = document.activeElement;
    const lost = !active || active === document.body || active.disabled;
    if (!(lost && (moveFocus || (active && active.disabled)))) {
      moveFocus = false;
      return;
    }
    moveFocus = false;
    const target = primaryButton();
    if (target) target.focus();
  }

  // MARK: Actions

  function resetFinish() {
    ui.dossier.value = "";
    ui.dossier.removeAttribute("aria-invalid");
    setRating(null);
  }

  function setRating(value) {
    model.rating = value;
    for (const button of ui.ratings) button.setAttribute("aria-pressed", String(Number(button.dataset.rating) === value));
  }

  const done = {
    next: (t) => (t ? MC.t("counter.called_number", { number: t.number }) : MC.t("counter.nobody_waiting")),
    recall: (t) => MC.t("counter.recalled_number", { number: t.number }),
    start: (t) => MC.t("counter.started_number", { number: t.number }),
    done: (t) => MC.t("counter.done_number", { number: t.number }),
    "no-show": (t) => MC.t("counter.no_show_number", { number: t.number }),
    transfer: (t) => MC.t("counter.transferred_number", { number: t.number }),
    open: (c) => MC.t("counter.counter_now", { state: counterState(c.state) }),
    pause: (c) => MC.t("counter.counter_now", { state: counterState(c.state) }),
    close: (c) => MC.t("counter.counter_now", { state: counterState(c.state) }),
  };

  /** Sends one action; true when the server took it. */
  async function act(action, body) {
    if (model.busy) return false;
    model.busy = true;
    root.setAttribute("aria-busy", "true");
    showError("");
    announce("");
    let ok = false;
    try {
      const answer = await MC.api("POST", api(action), body);
      ok = true;
      announce(done[action](answer));
      if (action === "next" && !answer) showError(MC.t("counter.nobody_waiting"), true);
      if (action === "done") resetFinish();
    } catch (e) {
      if (e.status === 401) {
        await signInAgain();
      } else {
        const text = MC.errorText(e);
        if (action === "transfer" && ui.dialog.open) {
          ui.transferError.textContent = text;
          ui.transferError.hidden = false;
        } else {
          showError(text);
        }
        if (e.code === "bad_code") {
          ui.dossier.setAttribute("aria-invalid", "true");
          ui.dossier.focus();
          ui.dossier.select();
        }
      }
    } finally {
      model.busy = false;
      root.removeAttribute("aria-busy");
    }
    moveFocus = ok;
    try {
      await Promise.all([loadSnapshot(), loadHistory()]);
    } catch (e) {
      if (ok) showError(MC.errorText(e));
    }
    return ok;
  }

  function finish() {
    if (buttons.done.disabled) return;
    const body = {};
    const code = ui.dossier.value.normalize("NFC").trim().toUpperCase();
    if (code) body.dossier = code;
    if (model.rating) body.rating = model.rating;
    act("done", body);
  }

  for (const [action, button] of Object.entries(buttons)) {
    button.addEventListener("click", () => {
      if (button.disabled) return;
      if (action === "done") finish();
      else if (action === "transfer") openTransfer();
      else act(action);
    });
  }
  for (const button of ui.ratings) {
    button.addEventListener("click", () => {
      const value = Number(button.dataset.rating);
      setRating(model.rating === value ? null : value);
    });
  }
  ui.dossier.addEventListener("input", () => ui.dossier.removeAttribute("aria-invalid"));
  ui.dossier.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.isComposing) {
      event.preventDefault();
      if (!event.repeat) finish();
    } else if (event.key === "Escape") {
      event.preventDefault();
      (buttons.done.disabled ? primaryButton() || document.body : buttons.done).focus();
    }
  });

  // MARK: Transfer

  function openTransfer() {
    const ticket = model.counter && model.counter.current;
    if (!ticket) return;
    $("transfer-title").textContent = MC.t("counter.transfer_title", { number: ticket.number });
    ui.transferError.hidden = true;
    ui.transferError.textContent = "";
    const target = (attributes, label, note) =>
      MC.el("button", Object.assign({ type: "button", class: "button transfer-target" }, attributes), [
        MC.el("strong", { text: label }), note ? MC.el("span", { class: "transfer-note", text: note }) : null,
      ]);
    $("transfer-services").replaceChildren(...model.services.map((s) => {
      const current = s.code === ticket.service;
      return target({
        dataset: { service: s.code }, disabled: current, onclick: () => transfer({ service: s.code }),
      }, s.code + " · " + serviceName(s.code, s.name), current ? MC.t("counter.transfer_current_service") : null);
    }));
    const counters = (model.queue ? model.queue.counters : []).filter((c) => c.id !== N);
    $("transfer-counters").replaceChildren(...counters.map((c) => target({
      dataset: { counter: String(c.id) }, onclick: () => transfer({ counter: c.id }),
    }, MC.t("common.counter_label", { n: c.id }), counterState(c.state) + " · " + c.services.join(", "))));
    ui.dialog.showModal();
    const first = ui.dialog.querySelector(".transfer-target:not(:disabled)");
    if (first) first.focus();
  }

  async function transfer(body) {
    if (await act("transfer", body)) ui.dialog.close();
  }

  $("transfer-cancel").addEventListener("click", () => ui.dialog.close());
  ui.dialog.addEventListener("close", () => {
    const back = buttons.transfer.disabled ? primaryButton() : buttons.transfer;
    if (back) back.focus();
  });

  // MARK: Keyboard

  function isTextField(node) {
    if (!node || !node.tagName) return false;
    const tag = node.tagName.toLowerCase();
    return tag === "textarea" || tag === "select" || node.isContentEditable
      || (tag === "input" && !["button", "checkbox", "radio", "submit", "reset"].includes(node.type));
  }

  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || event.isComposing) return;
    if (root.hidden || ui.dialog.open || document.querySelector(".signin-overlay")) return;
    if (isTextField(event.target)) return;
    let key = event.key && event.key.length === 1 ? event.key.toLowerCase() : null;
    if (!keys[key]) {
      // Another keyboard layout: the physical key.
      const physical = /^(?:Key([A-Z])|Digit([0-9])|Numpad([0-9]))$/.exec(event.code || "");
      key = physical ? (physical[1] || physical[2] || physical[3]).toLowerCase() : null;
    }
    const node = key && keys[key];
    if (!node) return;
    event.preventDefault();
    if (event.repeat || node.disabled) return;
    if (node === ui.dossier) node.focus();
    else node.click();
  });

  // MARK: Signing in

  function mayWork(me) {
    return me.role === "admin" || me.counter === null || me.counter === undefined || me.counter === N;
  }

  function showAccount(me) {
    model.me = me;
    const role = me.role === "admin" ? MC.t("counter.role_admin") : MC.t("counter.role_clerk");
    ui.signedInAs.textContent = MC.t("counter.signed_in_as", { name: me.name }) + " (" + role + ")";
  }

  function deny(me) {
    root.hidden = true;
    ui.loading.hidden = true;
    const page = $("access-denied");
    page.hidden = false;
    $("access-denied-title").textContent = MC.t("counter.wrong_counter_title", { n: N });
    $("access-denied-text").textContent = MC.t("counter.wrong_counter_text", { name: me.name, own: me.counter });
    const link = $("access-denied-link");
    link.href = "/counter/" + me.counter;
    link.textContent = MC.t("counter.wrong_counter_link", { own: me.counter });
    link.hidden = false;
    link.focus();
  }

  let signingIn = null;
  /** The session ended (expired, or signed out elsewhere): sign in again, then carry on. */
  function signInAgain() {
    if (!signingIn) {
      showError(MC.t("counter.session_lost"));
      signingIn = MC.signIn().then((me) => {
        signingIn = null;
        if (!mayWork(me)) return deny(me);
        showAccount(me);
        showError("");
        return loadAll();
      });
    }
    return signingIn;
  }

  $("sign-out").addEventListener("click", () => MC.signOut());
  $("access-denied-sign-out").addEventListener("click", () => MC.signOut());

  async function start() {
    ui.title.textContent = MC.t("counter.counter", { n: N });
    document.title = MC.t("counter.page_title", { n: N }) + document.title.slice(document.title.indexOf(" — "));
    let me;
    try {
      me = await MC.signIn();
    } catch (e) {
      // The server is away (restarting, say): say so, and try again shortly.
      ui.loading.textContent = MC.errorText(e);
      setTimeout(start, 3000);
      return;
    }
    if (!mayWork(me)) return deny(me);
    showAccount(me);
    ui.loading.hidden = true;
    root.hidden = false;
    moveFocus = true;
    await loadAll();
    MC.events({
      types: EVENT_TYPES,
      onOpen: () => {
        refreshSnapshot();
        refreshHistory();
      },
      onEvent: (type, event) => {
        refreshSnapshot();
        const data = (event && event.data) || {};
        if (type.startsWith("day.") || data.counter === N || data.from_counter === N) refreshHistory();
      },
    });
  }

  document.addEventListener("DOMContentLoaded", start);
})();
