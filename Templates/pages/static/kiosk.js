// The ticket kiosk (/kiosk). A citizen taps a service, or first a priority group and then a service,
// and gets a queue number on screen. Reads GET /api/v1/services and /api/v1/priority-groups, takes the
// ticket with POST /api/v1/tickets, follows /api/v1/events to keep the counts on the buttons live.
// Nothing personal is asked or shown.
//
// Settings (attributes of <main id="kiosk"> in kiosk.mustache, each overridable in the address):
//   data-return-seconds / ?return=N   how long a ticket or an error stays on screen (default 15)
//   data-idle-seconds   / ?idle=N     how long a half-made choice waits for a tap (default 30)
//   data-home-lang      / ?home=LANG  the language the kiosk returns to for the next citizen ("" = stay)
//   data-kiosk          / ?kiosk=ID   the kiosk's id, sent with each ticket
"use strict";

(function () {
  const EVENT_TYPES = [
    "ticket.issued", "ticket.called", "ticket.recalled", "ticket.serving", "ticket.done", "ticket.no_show",
    "ticket.transferred", "ticket.expired", "counter.opened", "counter.closed", "day.opened", "day.closed",
  ];
  /** Events come in bursts (a clerk calls, a citizen takes a number): one refetch for a burst. */
  const REFRESH_DELAY_MS = 300;
  /** The counts are refetched this often even when no event comes. */
  const POLL_MS = 30000;
  /** After a failed request, the kiosk tries again this often until the server answers. */
  const RETRY_MS = 3000;
  /** A second tap of a double tap must not dismiss the ticket it just took. */
  const DONE_GUARD_MS = 1200;
  const REQUEST_TIMEOUT_MS = 15000;

  const $ = (id) => document.getElementById(id);
  const root = $("kiosk");
  const params = new URLSearchParams(location.search);
  const isEnglish = MC.lang === "en";

  function secondsSetting(param, attribute, fallback) {
    for (const text of [params.get(param), root.dataset[attribute]]) {
      const value = Number(text);
      if (text !== null && text !== undefined && text !== "" && Number.isFinite(value) && value >= 1 && value <= 3600) return value;
    }
    return fallback;
  }

  function kioskId() {
    const text = params.get("kiosk");
    if (text && /^[A-Za-z0-9._-]{1,64}$/.test(text)) return text;
    return root.dataset.kiosk || "kiosk-1";
  }

  const settings = {
    kiosk: kioskId(),
    returnSeconds: secondsSetting("return", "returnSeconds", 15),
    idleSeconds: secondsSetting("idle", "idleSeconds", 30),
    homeLang: params.has("home") ? params.get("home") : (root.dataset.homeLang || ""),
  };

  const state = {
    services: [],
    /** code → {service, button, name, badge, info, note} */
    buttons: new Map(),
    groups: [],
    groupsLoaded: false,
    /** The chosen priority group's code, or null. */
    priority: null,
    /** A ticket request is on its way. */
    busy: false,
    /** The event stream is down / the last request could not reach the server. */
    streamDown: false,
    requestDown: false,
    screen: "start",
    loaded: false,
    ticketShownAt: 0,
  };

  const nodes = {
    start: $("start"),
    prompt: $("kiosk-prompt"),
    priorityBar: $("priority-bar"),
    chips: $("priority-chips"),
    services: $("services"),
    message: $("services-message"),
    ticket: $("ticket"),
    error: $("kiosk-error"),
    banner: $("connection-banner"),
  };

  // ---- Services ----------------------------------------------------------------------------------

  function serviceName(service) {
    return (isEnglish && service && service.name_en) || (service && service.name) || "";
  }

  function groupName(group) {
    return (isEnglish && group.name_en) || group.name;
  }

  function hoursText(windows) {
    return windows.map((w) => w.replace("-", "–")).join(", ");
  }

  function makeButton(service) {
    const parts = {
      name: MC.el("span", { class: "service-name" }),
      badge: MC.el("span", { class: "service-badge" }),
      info: MC.el("span", { class: "service-info" }),
      note: MC.el("span", { class: "service-note" }),
    };
    const button = MC.el("button", {
      type: "button", class: "service", dataset: { code: service.code },
      onclick: () => take(service.code, button),
    }, [parts.name, parts.badge, parts.info, parts.note]);
    return Object.assign({ button }, parts);
  }

  /** Updates a button in place (a tap in progress is not lost to a rebuilt button). */
  function fillButton(entry, service) {
    entry.service = service;
    const { button } = entry;
    button.dataset.status = service.status;
    entry.name.textContent = serviceName(service);
    const open = service.open && service.status === "open";
    if (open) {
      entry.badge.hidden = true;
      entry.info.hidden = false;
      // With nobody waiting an estimate says nothing more: "Không có ai chờ" alone.
      const lines = [MC.el("span", { class: "service-waiting", text: service.waiting > 0
        ? MC.t("common.waiting_count", { n: service.waiting }) : MC.t("common.nobody_waiting") })];
      if (service.waiting > 0) {
        lines.push(MC.el("span", { class: "service-wait" }, [
          MC.el("span", { class: "service-wait-label", text: MC.t("kiosk.wait_label") + " " }),
          MC.el("span", { class: "service-wait-label-short", text: MC.t("kiosk.wait_label_short") + " " }),
          MC.el("span", { class: "service-wait-value", text: MC.wait(service.estimated_wait_s) }),
        ]));
      }
      entry.info.replaceChildren(...lines);
      entry.note.hidden = true;
      entry.note.textContent = "";
    } else {
      entry.badge.hidden = false;
      entry.badge.textContent = MC.t("common.service_" + service.status);
      entry.info.hidden = true;
      entry.info.replaceChildren();
      let note = "";
      if (service.status === "outside_hours" && service.windows && service.windows.length) {
        note = MC.t("kiosk.hours", { hours: hoursText(service.windows) });
      } else if (service.status === "quota_reached") {
        note = MC.t("kiosk.quota_note");
      } else if (service.status === "service_closed") {
        note = MC.t("kiosk.closed_note");
      }
      entry.note.textContent = note;
      entry.note.hidden = !note;
    }
    button.classList.toggle("is-open", open);
    button.classList.toggle("is-closed", !open);
  }

  /** Columns and rows so that every service fits the screen without scrolling. */
  function layout(count) {
    const columns = count <= 2 ? Math.max(1, count) : count <= 4 ? 2 : count <= 6 ? 3 : count <= 8 ? 4
      : count === 9 ? 3 : count <= 12 ? 4 : 5;
    const rows = Math.max(1, Math.ceil(count / columns));
    nodes.services.style.setProperty("--columns", String(columns));
    nodes.services.style.setProperty("--rows", String(rows));
    nodes.services.dataset.rows = String(rows);
    if (columns >= 4 || rows >= 3) nodes.services.dataset.compact = "";
    else delete nodes.services.dataset.compact;
  }

  /** Makes the type smaller, step by step, until no button's text overflows it (long names of a site). */
  function fit() {
    const buttons = [...state.buttons.values()].map((entry) => entry.button);
    const overflows = () => buttons.some((b) => b.scrollHeight > b.clientHeight + 1 || b.scrollWidth > b.clientWidth + 1);
    let scale = 1;
    nodes.services.style.setProperty("--fit", "1");
    while (scale > 0.6 && overflows()) {
      scale = Math.round((scale - 0.05) * 100) / 100;
      nodes.services.style.setProperty("--fit", String(scale));
    }
  }

  function renderServices(list) {
    state.services = list;
    const codes = list.map((s) => s.code).join(",");
    if (codes !== nodes.services.dataset.codes) {
      state.buttons.clear();
      const buttons = list.map((service) => {
        const entry = makeButton(service);
        state.buttons.set(service.code, entry);
        return entry.button;
      });
      nodes.services.replaceChildren(...buttons);
      nodes.services.dataset.codes = codes;
      if (!list.length) {
        nodes.services.replaceChildren(MC.el("p", { class: "kiosk-message", text: MC.t("kiosk.no_services") }));
      }
      layout(list.length);
    }
    for (const service of list) fillButton(state.buttons.get(service.code), service);
    applyEnabled();
    if (state.screen === "start") fit();
  }

  /** Whether taps can be taken now; buttons of closed services are never tappable. */
  function applyEnabled() {
    const offline = state.streamDown || state.requestDown;
    if (nodes.banner) nodes.banner.hidden = !offline;
    document.body.classList.toggle("is-offline", offline);
    document.body.classList.toggle("is-busy", state.busy);
    for (const entry of state.buttons.values()) {
      const open = entry.service.open && entry.service.status === "open";
      entry.button.disabled = !open || offline || state.busy;
    }
    for (const chip of nodes.chips.querySelectorAll("button.priority")) chip.disabled = offline || state.busy;
  }

  let refreshTimer = null;
  let retryTimer = null;

  /** Fetches the services now. */
  async function refresh() {
    clearTimeout(refreshTimer);
    refreshTimer = null;
    try {
      const list = await MC.api("GET", "/api/v1/services", undefined, { timeoutMs: REQUEST_TIMEOUT_MS });
      state.loaded = true;
      reachable(true);
      renderServices(list);
    } catch (e) {
      if (e.status === 0) reachable(false);
      if (!state.loaded) nodes.message.textContent = MC.errorText(e);
      retrySoon();
    }
  }

  /** One refetch for a burst of events. */
  function refreshSoon() {
    if (refreshTimer === null) refreshTimer = setTimeout(refresh, REFRESH_DELAY_MS);
  }

  function retrySoon() {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      if (state.requestDown || !state.loaded) {
        refresh();
        if (!state.groupsLoaded) loadGroups();
      }
    }, RETRY_MS);
  }

  function reachable(yes) {
    if (state.requestDown === !yes) return;
    state.requestDown = !yes;
    applyEnabled();
  }

  // ---- Priority groups ---------------------------------------------------------------------------

  async function loadGroups() {
    try {
      const groups = await MC.api("GET", "/api/v1/priority-groups", undefined, { timeoutMs: REQUEST_TIMEOUT_MS });
      state.groupsLoaded = true;
      renderGroups(groups);
    } catch (e) {
      if (e.status === 0) reachable(false);
      retrySoon();
    }
  }

  function renderGroups(groups) {
    const codes = groups.map((g) => g.code).join(",");
    state.groups = groups;
    if (codes !== nodes.chips.dataset.codes) {
      nodes.chips.replaceChildren(...groups.map((group) => MC.el("button", {
        type: "button", class: "priority", "aria-pressed": "false", dataset: { code: group.code },
        onclick: () => choosePriority(group.code),
      }, [MC.el("span", { class: "priority-check", "aria-hidden": "true" }), MC.el("span", { class: "priority-name", text: groupName(group) })])));
      nodes.chips.dataset.codes = codes;
      if (state.priority && !groups.some((g) => g.code === state.priority)) state.priority = null;
    }
    nodes.priorityBar.hidden = groups.length === 0;
    showPriority();
    applyEnabled();
  }

  function choosePriority(code) {
    if (state.busy || state.screen !== "start") return;
    state.priority = state.priority === code ? null : code;
    showPriority();
    armIdle();
  }

  function showPriority() {
    for (const chip of nodes.chips.querySelectorAll("button.priority")) {
      const on = chip.dataset.code === state.priority;
      chip.setAttribute("aria-pressed", on ? "true" : "false");
      chip.title = on ? MC.t("kiosk.priority_unselect") : "";
    }
    const group = state.groups.find((g) => g.code === state.priority);
    nodes.prompt.textContent = group ? MC.t("kiosk.prompt_priority", { name: groupName(group) }) : MC.t("kiosk.prompt");
    nodes.start.classList.toggle("has-priority", Boolean(group));
  }

  // ---- Taking a ticket ---------------------------------------------------------------------------

  async function take(code, button) {
    const entry = state.buttons.get(code);
    if (state.busy || state.screen !== "start" || state.streamDown || state.requestDown) return;
    if (!entry || !entry.service.open || entry.service.status !== "open") return;
    // Disabled at once, before anything is awaited: a double tap takes one number.
    state.busy = true;
    button.classList.add("is-taking");
    entry.info.replaceChildren(MC.el("span", { class: "service-taking", text: MC.t("kiosk.taking") }));
    applyEnabled();
    clearTimeout(idleTimer);
    const body = { service: code, kiosk: settings.kiosk };
    if (state.priority) body.priority = state.priority;
    try {
      const ticket = await MC.api("POST", "/api/v1/tickets", body, { timeoutMs: REQUEST_TIMEOUT_MS });
      reachable(true);
      showTicket(ticket);
    } catch (e) {
      if (e.status === 0) {
        reachable(false);
        retrySoon();
      }
      showError(e);
    } finally {
      state.busy = false;
      button.classList.remove("is-taking");
      fillButton(entry, entry.service);
      applyEnabled();
      refreshSoon();
    }
  }

  function showScreen(name) {
    state.screen = name;
    nodes.start.hidden = name !== "start";
    nodes.ticket.hidden = name !== "ticket";
    nodes.error.hidden = name !== "error";
    // No language switch over a ticket: the reload would take the number off the screen.
    document.body.dataset.screen = name;
    if (name === "start") fit();
  }

  function showTicket(ticket) {
    const service = state.services.find((s) => s.code === ticket.service);
    const group = state.groups.find((g) => g.code === ticket.priority);
    $("ticket-number").textContent = ticket.number;
    $("ticket-service").textContent = service ? serviceName(service) : ticket.service_name;
    const priority = $("ticket-priority");
    priority.hidden = !ticket.priority;
    priority.textContent = ticket.priority ? MC.t("kiosk.ticket_priority", { name: group ? groupName(group) : ticket.priority }) : "";
    const ahead = ticket.ahead || 0;
    $("ticket-ahead").textContent = ahead === 0 ? MC.t("kiosk.ticket_ahead_none")
      : ahead === 1 ? MC.t("kiosk.ticket_ahead_one") : MC.t("kiosk.ticket_ahead", { n: ahead });
    $("ticket-wait").textContent = MC.t("kiosk.ticket_wait", { wait: MC.wait(ticket.estimated_wait_s) });
    $("ticket-issued").textContent = MC.t("kiosk.ticket_issued", { time: MC.time(ticket.issued_at), date: MC.date(ticket.issued_at) });
    const qr = $("ticket-qr");
    $("ticket-qr-box").hidden = false;
    qr.src = "/api/v1/tickets/" + encodeURIComponent(ticket.id) + "/qr.svg";
    $("ticket-unprinted").hidden = Boolean(ticket.printed);
    $("ticket-printed").hidden = !ticket.printed;
    nodes.ticket.dataset.ticketId = ticket.id;
    state.ticketShownAt = Date.now();
    showScreen("ticket");
    countdown($("ticket-countdown"));
  }

  /** The error in a citizen's words: the kiosk's own text for a code when it has one (the shared
   * texts of errors.json speak to staff for some codes), else the shared one. */
  function citizenErrorText(error) {
    const key = "kiosk.error_" + ((error && error.code) || "");
    const own = MC.t(key);
    return own !== key ? own : MC.errorText(error);
  }

  function showError(error) {
    $("kiosk-error-message").textContent = citizenErrorText(error);
    nodes.error.dataset.code = (error && error.code) || "";
    showScreen("error");
    countdown($("error-countdown"));
  }

  // ---- Going back to the start -------------------------------------------------------------------

  let countdownTimer = null;
  let idleTimer = null;

  /** Shows "returning in N s" on `label` and returns to the start when it reaches zero. */
  function countdown(label) {
    clearInterval(countdownTimer);
    let left = settings.returnSeconds;
    const show = () => {
      const n = Math.ceil(left);
      label.textContent = n === 1 ? MC.t("kiosk.auto_return_one") : MC.t("kiosk.auto_return", { n });
    };
    show();
    countdownTimer = setInterval(() => {
      left -= 1;
      if (left <= 0) goStart();
      else show();
    }, 1000);
  }

  function awayFromHome() {
    return Boolean(settings.homeLang) && settings.homeLang !== MC.lang && /^[a-z]{2}$/.test(settings.homeLang);
  }

  /** Whether the start screen holds something the next citizen should not find. */
  function partial() {
    return state.priority !== null || awayFromHome();
  }

  function armIdle() {
    clearTimeout(idleTimer);
    idleTimer = null;
    if (state.screen === "start" && partial()) idleTimer = setTimeout(goStart, settings.idleSeconds * 1000);
  }

  function goStart() {
    clearInterval(countdownTimer);
    countdownTimer = null;
    clearTimeout(idleTimer);
    idleTimer = null;
    state.priority = null;
    showPriority();
    showScreen("start");
    const qr = $("ticket-qr");
    qr.removeAttribute("src");
    if (awayFromHome()) {
      goHomeLanguage();
      return;
    }
    refresh();
  }

  /** The next citizen finds the kiosk in its own language again (the choice is kept in a cookie). */
  async function goHomeLanguage() {
    const next = new URLSearchParams(location.search);
    next.set("lang", settings.homeLang);
    const url = location.pathname + "?" + next.toString();
    try {
      // Only leave the page when the server answers: a failed load would leave an error page on the kiosk.
      const response = await fetch(url, { cache: "no-store", credentials: "same-origin" });
      if (response.ok) {
        location.replace(url);
        return;
      }
    } catch (e) {
      // Stay; try again when the kiosk is idle next time.
    }
    refresh();
    armIdle();
  }

  // ---- Wiring ------------------------------------------------------------------------------------

  /** The language switch keeps the kiosk's own settings (?kiosk=, ?return=, …). */
  function keepSettingsOnLanguageSwitch() {
    const link = document.querySelector(".lang-switch");
    if (!link) return;
    const next = new URLSearchParams(location.search);
    next.set("lang", link.getAttribute("lang") || "vi");
    link.setAttribute("href", "?" + next.toString());
  }

  function start() {
    keepSettingsOnLanguageSwitch();
    $("ticket-done").addEventListener("click", () => {
      if (Date.now() - state.ticketShownAt < DONE_GUARD_MS) return;
      goStart();
    });
    $("error-back").addEventListener("click", goStart);
    $("ticket-qr").addEventListener("error", () => {
      if ($("ticket-qr").getAttribute("src")) $("ticket-qr-box").hidden = true;
    });
    // Any tap keeps a half-made choice alive; a long press opens no menu on a touch screen.
    document.addEventListener("pointerdown", () => { if (idleTimer !== null) armIdle(); }, true);
    document.addEventListener("contextmenu", (event) => event.preventDefault());

    window.addEventListener("resize", () => { if (state.screen === "start") fit(); });

    showScreen("start");
    refresh();
    loadGroups();
    armIdle();
    setInterval(() => { if (!state.busy) refresh(); }, POLL_MS);
    MC.events({
      types: EVENT_TYPES,
      onOpen() {
        state.streamDown = false;
        applyEnabled();
        refresh();
        loadGroups();
      },
      onEvent() {
        refreshSoon();
      },
      onDown() {
        state.streamDown = true;
        applyEnabled();
      },
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
