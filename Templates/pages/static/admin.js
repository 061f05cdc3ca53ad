// The administrator's page (/admin): today's figures, services, counters, accounts (with adding one),
// devices and the incident log. Read-only apart from adding an account. Signs in first; an account that
// is not an administrator is told plainly that the page is not for it.
"use strict";

(function () {
  const t = (key, values) => MC.t("admin." + key, values);
  const $ = (id) => document.getElementById(id);
  const NAME_RULE = /^[a-z0-9._-]{2,32}$/;
  const MAX_INCIDENTS = 200;
  const EVENT_TYPES = [
    "ticket.issued", "ticket.called", "ticket.recalled", "ticket.serving", "ticket.done", "ticket.no_show",
    "ticket.transferred", "ticket.expired", "counter.opened", "counter.closed", "day.opened", "day.closed",
    "device.connected", "device.disconnected", "device.fault", "device.recovered",
  ];

  let me = null;
  let services = [];
  let refusedShown = false;
  let queueTimer = null;
  // What each table shows now: an unchanged answer leaves the table alone (no flicker, no lost selection).
  const shownData = new Map();

  /** Whether `data` differs from what `table` shows; remembers it. */
  function changed(table, data) {
    const key = JSON.stringify(data);
    if (shownData.get(table) === key) return false;
    shownData.set(table, key);
    return true;
  }

  document.addEventListener("DOMContentLoaded", start);

  async function start() {
    try {
      me = await MC.signIn();
    } catch (error) {
      $("admin-loading").textContent = MC.errorText(error);
      return;
    }
    if (me.role !== "admin") return refuse();
    $("admin-user").textContent = MC.t("common.logged_in_as", { name: me.name });
    $("admin-signout").addEventListener("click", () => MC.signOut());
    $("admin-refresh").addEventListener("click", () => loadAll());
    $("user-form").addEventListener("submit", addUser);
    $("voice-form").addEventListener("submit", tryVoice);
    $("user-role").addEventListener("change", roleChanged);
    $("user-password-hide").addEventListener("click", hidePassword);
    await loadAll();
    if (refusedShown) return;
    $("admin-loading").hidden = true;
    $("admin-layout").hidden = false;
    document.body.dataset.state = "ready";
    followNav();
    // Today's figures follow the office as it works; a reconnection reloads everything.
    let first = true;
    MC.events({
      types: EVENT_TYPES,
      onOpen: () => {
        if (!first) loadAll();
        first = false;
      },
      onEvent: (type) => {
        if (type.startsWith("device.")) {
          loadDevices();
          loadIncidents();
        } else {
          // A call, a recall or a closed counter also changes what a counter's LED board shows (its
          // notes in the devices table): read the devices again with the queue.
          clearTimeout(queueTimer);
          queueTimer = setTimeout(() => {
            loadQueueSections();
            loadDevices();
            loadVoice();
          }, 400);
        }
      },
    });
  }

  /** The page is for administrators: say so, and offer the counter page or another sign-in. */
  function refuse() {
    if (refusedShown) return;
    refusedShown = true;
    document.body.dataset.state = "refused";
    $("admin-loading").hidden = true;
    $("admin-layout").hidden = true;
    const name = me ? me.name : "";
    $("admin-refused-text").textContent = me && me.role === "clerk"
      ? t("refused_clerk", { name }) : t("refused_text", { name });
    if (me && me.role === "clerk" && me.counter) {
      const link = $("admin-refused-counter");
      link.href = "/counter/" + me.counter;
      link.textContent = t("refused_counter_link", { n: me.counter });
      link.hidden = false;
    }
    $("admin-refused-signout").addEventListener("click", () => MC.signOut());
    $("admin-refused").hidden = false;
  }

  /** A failed request: 403 means the account is not an administrator (any more); 401, signed out. */
  function failed(error, section) {
    if (error && error.status === 403 && error.code !== "password_change_required") {
      refuse();
      return;
    }
    if (error && error.status === 401) {
      location.reload();
      return;
    }
    // A daemon older than this page may not have the list yet.
    const text = error && error.status === 404 ? t("section_missing") : t("section_error", { reason: MC.errorText(error) });
    showSectionError(section, text);
  }

  function showSectionError(section, text) {
    const node = $(section + "-error");
    node.textContent = text;
    node.hidden = !text;
  }

  async function loadAll() {
    await Promise.all([loadQueueSections(), loadUsers(), loadDevices(), loadVoice(), loadIncidents()]);
    $("admin-updated").textContent = t("updated_at", { time: MC.time(null, true) });
  }

  // ---- Today, services, counters ----

  async function loadQueueSections() {
    const [queue, serviceList, counters] = await Promise.allSettled([
      MC.api("GET", "/api/v1/queue"), MC.api("GET", "/api/v1/services"), MC.api("GET", "/api/v1/counters"),
    ]);
    if (serviceList.status === "fulfilled") {
      services = serviceList.value;
      showSectionError("services", "");
      renderServices(services);
    } else {
      failed(serviceList.reason, "services");
    }
    if (queue.status === "fulfilled") {
      showSectionError("today", "");
      renderToday(queue.value, serviceList.status === "fulfilled" ? serviceList.value : null);
    } else {
      failed(queue.reason, "today");
    }
    if (counters.status === "fulfilled") {
      showSectionError("counters", "");
      renderCounters(counters.value, queue.status === "fulfilled" ? queue.value : null);
      fillCounterChoice(counters.value);
    } else {
      failed(counters.reason, "counters");
    }
  }

  function renderToday(queue, serviceList) {
    $("today-day").textContent = queue.day ? MC.date(queue.day + "T12:00:00+07:00") : "";
    $("stat-phase").textContent = MC.t("common.day_" + queue.phase);
    const summary = queue.summary || null;
    const issued = summary && Number.isInteger(summary.issued) ? summary.issued
      : serviceList ? serviceList.reduce((sum, s) => sum + (s.issued_today || 0), 0) : null;
    setNumber("stat-issued", issued);
    setNumber("stat-served", summary ? summary.served : null);
    setNumber("stat-no-show", summary ? summary.no_show : null);
    $("today-note").hidden = Boolean(summary);
    setNumber("stat-waiting", queue.services.reduce((sum, s) => sum + s.waiting, 0));
    const open = queue.counters.filter((c) => c.state === "open").length;
    $("stat-counters-open").textContent = t("counters_open_of", { n: open, total: queue.counters.length });
  }

  function setNumber(id, value) {
    $(id).textContent = Number.isInteger(value) ? String(value) : "—";
  }

  function serviceName(s) {
    return MC.lang === "en" && s.name_en ? s.name_en : s.name;
  }

  function renderServices(list) {
    if (!changed("services", [MC.lang, list])) return;
    const body = $("services-table").tBodies[0];
    body.replaceChildren(...list.map((s) => MC.el("tr", { dataset: { service: s.code } }, [
      MC.el("td", {}, [MC.el("strong", { text: s.code })]),
      MC.el("td", {}, [serviceName(s), MC.lang === "en" && s.name_en ? MC.el("span", { class: "cell-sub", lang: "vi", text: s.name }) : null]),
      MC.el("td", { class: "mono", text: s.prefix }),
      MC.el("td", { class: "nowrap", text: s.windows && s.windows.length ? s.windows.map((w) => w.replace("-", "–")).join(" · ") : t("whole_day") }),
      MC.el("td", { class: "num", text: Number.isInteger(s.daily_quota) ? String(s.daily_quota) : t("no_quota") }),
      MC.el("td", { class: "num", text: String(s.issued_today) }),
      MC.el("td", { class: "num", text: String(s.waiting) }),
      MC.el("td", {}, [badge(MC.t("common.service_" + s.status), s.status === "open" ? "ok" : s.status === "service_closed" ? "off" : "warn")]),
    ])));
    if (!list.length) body.append(emptyRow(8, t("no_services")));
  }

  function renderCounters(list, queue) {
    const transferred = new Map((queue ? queue.counters : []).map((c) => [c.id, (c.transferred || []).length]));
    if (!changed("counters", [list, [...transferred], services.map((s) => s.code)])) return;
    const names = new Map(services.map((s) => [s.code, serviceName(s)]));
    const body = $("counters-table").tBodies[0];
    body.replaceChildren(...list.map((c) => MC.el("tr", { dataset: { counter: String(c.id) } }, [
      MC.el("td", { class: "num", text: String(c.id) }),
      MC.el("td", { text: c.name }),
      MC.el("td", {}, c.services.map((code) => MC.el("span", { class: "chip", title: names.get(code) || code, text: code }))),
      MC.el("td", {}, [badge(MC.t("common.counter_" + c.state), c.state === "open" ? "ok" : c.state === "paused" ? "warn" : "off")]),
      MC.el("td", {}, c.current
        ? [MC.el("strong", { class: "mono", text: c.current.number }), " ", MC.el("span", { class: "cell-sub-inline", text: MC.t("common.ticket_" + c.current.state) })]
        : ["—"]),
      MC.el("td", { class: "num", text: transferred.has(c.id) ? String(transferred.get(c.id)) : "—" }),
    ])));
    if (!list.length) body.append(emptyRow(6, t("no_counters")));
  }

  function fillCounterChoice(list) {
    const select = $("user-counter");
    const chosen = select.value;
    select.replaceChildren(MC.el("option", { value: "", text: t("any_counter") }),
      ...list.map((c) => MC.el("option", { value: String(c.id), text: MC.t("common.counter_label", { n: c.id }) })));
    select.value = list.some((c) => String(c.id) === chosen) ? chosen : "";
  }

  // ---- Accounts ----

  async function loadUsers() {
    try {
      renderUsers(await MC.api("GET", "/api/v1/users"));
      showSectionError("users", "");
    } catch (error) {
      failed(error, "users");
    }
  }

  function renderUsers(list) {
    if (!changed("users", list)) return;
    const body = $("users-table").tBodies[0];
    body.replaceChildren(...list.map((u) => MC.el("tr", { dataset: { user: u.name } }, [
      MC.el("td", {}, [MC.el("strong", { class: "mono", text: u.name }), u.name === me.name ? MC.el("span", { class: "cell-sub-inline", text: " " + t("you") }) : null]),
      MC.el("td", { text: u.role === "admin" ? t("role_admin") : u.role === "clerk" ? t("role_clerk") : u.role }),
      MC.el("td", { text: Number.isInteger(u.counter) ? MC.t("common.counter_label", { n: u.counter }) : u.role === "admin" ? "—" : t("any_counter") }),
      MC.el("td", {}, [u.must_change_password ? badge(t("password_one_time"), "warn") : badge(t("password_own"), "ok")]),
    ])));
    if (!list.length) body.append(emptyRow(4, t("no_users")));
  }

  function roleChanged() {
    const admin = $("user-role").value === "admin";
    $("user-counter").disabled = admin;
    if (admin) $("user-counter").value = "";
  }

  async function addUser(event) {
    event.preventDefault();
    const error = $("user-form-error");
    error.textContent = "";
    const name = $("user-name").value.normalize("NFC").trim();
    if (!NAME_RULE.test(name)) {
      error.textContent = t("bad_name", { name });
      $("user-name").focus();
      return;
    }
    const body = { name, role: $("user-role").value };
    if (body.role === "clerk" && $("user-counter").value) body.counter = Number($("user-counter").value);
    $("user-submit").disabled = true;
    try {
      const made = await MC.api("POST", "/api/v1/users", body);
      showPassword(made);
      $("user-form").reset();
      roleChanged();
      await loadUsers();
    } catch (e) {
      if (e.status === 403 && e.code !== "password_change_required") return refuse();
      if (e.status === 401) return location.reload();
      const own = { bad_name: t("bad_name", { name }), name_taken: t("name_taken", { name }), unknown_counter: t("unknown_counter", { n: body.counter }) }[e.code];
      error.textContent = own || MC.errorText(e);
    } finally {
      $("user-submit").disabled = false;
    }
  }

  /** The one-time password, once: it is not kept anywhere on the page after it is hidden. */
  function showPassword(made) {
    const who = made.role === "admin" ? t("role_admin") : Number.isInteger(made.counter)
      ? t("role_clerk_of", { n: made.counter }) : t("role_clerk");
    $("user-created-text").textContent = t("user_created", { name: made.name, role: who });
    $("user-password").textContent = made.password;
    $("user-created").hidden = false;
    $("user-created").scrollIntoView({ block: "nearest" });
  }

  function hidePassword() {
    $("user-password").textContent = "";
    $("user-created-text").textContent = "";
    $("user-created").hidden = true;
  }

  // ---- Devices and incidents ----

  async function loadDevices() {
    try {
      renderDevices(await MC.api("GET", "/api/v1/devices"));
      showSectionError("devices", "");
    } catch (error) {
      failed(error, "devices");
    }
  }

  function renderDevices(list) {
    if (!changed("devices", list)) return;
    const body = $("devices-table").tBodies[0];
    body.replaceChildren(...list.map((d) => MC.el("tr", { dataset: { device: d.id } }, [
      MC.el("td", {}, [MC.el("strong", { text: d.name }), d.id !== d.name ? MC.el("span", { class: "cell-sub mono", text: d.id }) : null]),
      MC.el("td", { class: "nowrap", text: known("kind_", d.kind) }),
      MC.el("td", { class: "nowrap", text: d.role ? deviceRole(d.role) : "—" }),
      MC.el("td", {}, [badge(known("device_", d.state), { ok: "ok", fault: "bad", disconnected: "bad" }[d.state] || "off")]),
      MC.el("td", { class: "cell-detail", text: d.detail || "" }),
    ])));
    if (!list.length) body.append(emptyRow(5, t("no_devices")));
  }

  function deviceRole(role) {
    if (/^\d+$/.test(role)) return MC.t("common.counter_label", { n: role });
    const counter = /^counter[:\s-]?(\d+)$/.exec(role);
    if (counter) return MC.t("common.counter_label", { n: counter[1] });
    const kiosk = /^kiosk\s+(\S+)$/.exec(role);
    if (kiosk) return t("device_role_kiosk") + " " + kiosk[1];
    // A ticket printer with its kiosks: "ticket (kiosk kiosk-1, kiosk-2)".
    const printer = /^ticket\s+\(kiosk\s+([^)]+)\)$/.exec(role);
    if (printer) return t("device_role_ticket_at", { kiosks: printer[1] });
    return known("device_role_", role);
  }

  /** The page's word for a value of the API, or the value itself when the page does not know it. */
  function known(prefix, value) {
    const key = prefix + value;
    const text = t(key);
    return text === "admin." + key ? String(value) : text;
  }

  // ---- Hall announcements ----

  let voiceTimer = null;

  async function loadVoice() {
    try {
      renderVoice(await MC.api("GET", "/api/v1/announcements"));
      showSectionError("voice", "");
    } catch (error) {
      if (error && error.status === 404 && error.code === "announcer_off") {
        $("voice-state").replaceChildren();
        $("voice-note").textContent = t("voice_off");
        $("voice-note").hidden = false;
        $("voice-table").hidden = true;
        $("voice-form").hidden = true;
        showSectionError("voice", "");
        return;
      }
      failed(error, "voice");
    }
  }

  function renderVoice(state) {
    // A speaker that failed comes back by itself: the badge follows every reading.
    const tone = { ok: "ok", failing: "bad" }[state.sound] || "off";
    const stateNodes = [badge(t("voice_sound_" + state.sound), tone)];
    if (state.sound_error) stateNodes.push(MC.el("span", { class: "cell-sub", text: state.sound_error }));
    $("voice-state").replaceChildren(...stateNodes);
    // While something is spoken or waits, read again shortly: the announcer's progress makes no event.
    clearTimeout(voiceTimer);
    if (state.current || state.pending.length) voiceTimer = setTimeout(loadVoice, 2000);
    $("voice-note").textContent = t("voice_languages", {
      languages: state.languages.join(", "), plays: state.max_plays, player: state.player || "—",
    });
    $("voice-note").hidden = false;
    const rows = [];
    if (state.current) rows.push([state.current, badge(t("voice_now"), "ok"), state.current.requested_at]);
    for (const item of state.pending) rows.push([item, badge(t("voice_waiting"), "off"), item.requested_at]);
    for (const item of state.recent) {
      const words = item.outcome === "played" ? t("voice_played", { times: item.plays }) : known("voice_dropped_", item.reason);
      rows.push([item, badge(words, item.outcome === "played" ? "ok" : "off"), item.ended_at || item.requested_at]);
    }
    if (!changed("voice", rows.map(([item, , at]) => [item.id, item.outcome, item.plays, at, state.sound]))) return;
    const body = $("voice-table").tBodies[0];
    body.replaceChildren(...rows.slice(0, 15).map(([item, status, at]) => MC.el("tr", { dataset: { announcement: String(item.id) } }, [
      MC.el("td", {}, [MC.el("strong", { class: "mono", text: item.ticket })]),
      MC.el("td", { class: "nowrap", text: MC.t("common.counter_label", { n: item.counter }) }),
      MC.el("td", { class: "nowrap", text: known("voice_kind_", item.kind) }),
      MC.el("td", {}, [status]),
      MC.el("td", { class: "nowrap", text: MC.time(at, true) }),
    ])));
    if (!rows.length) body.append(emptyRow(5, t("no_announcements")));
  }

  async function tryVoice(event) {
    event.preventDefault();
    const ticket = $("voice-ticket").value.trim();
    const counter = Number($("voice-counter").value);
    $("voice-form-error").textContent = "";
    $("voice-form-done").textContent = "";
    try {
      const queued = await MC.api("POST", "/api/v1/announcements", { ticket, counter });
      $("voice-form-done").textContent = t("voice_try_done", { ticket: queued.ticket, counter: queued.counter });
      loadVoice();
    } catch (error) {
      if (error && (error.status === 401 || error.status === 403)) return failed(error, "voice");
      // The server says which symbol or number it cannot read: more than the generic words for bad_request.
      $("voice-form-error").textContent = error && error.code === "bad_request" && error.message ? error.message : MC.errorText(error);
    }
  }

  async function loadIncidents() {
    try {
      renderIncidents(await MC.api("GET", "/api/v1/incidents"));
      showSectionError("incidents", "");
    } catch (error) {
      failed(error, "incidents");
    }
  }

  function renderIncidents(list) {
    if (!changed("incidents", list)) return;
    const sorted = [...list].sort((a, b) => Date.parse(b.started_at) - Date.parse(a.started_at));
    const shown = sorted.slice(0, MAX_INCIDENTS);
    const body = $("incidents-table").tBodies[0];
    body.replaceChildren(...shown.map((i) => MC.el("tr", { dataset: { incident: i.id }, class: i.ended_at ? null : "row-ongoing" }, [
      MC.el("td", { text: when(i.started_at) }),
      MC.el("td", {}, i.ended_at ? [when(i.ended_at), MC.el("span", { class: "cell-sub", text: duration(i.started_at, i.ended_at) })]
        : [badge(t("ongoing"), "bad")]),
      MC.el("td", { text: known("incident_", i.kind) }),
      MC.el("td", { text: i.device || "—" }),
      MC.el("td", { class: "cell-detail", text: i.cause }),
    ])));
    if (!list.length) body.append(emptyRow(5, t("no_incidents")));
    const note = $("incidents-note");
    note.hidden = sorted.length <= MAX_INCIDENTS;
    note.textContent = note.hidden ? "" : t("incidents_cut", { n: MAX_INCIDENTS, total: sorted.length });
  }

  /** "08:05 30/11/2026" in Vietnam's time. */
  function when(iso) {
    if (!iso) return "—";
    const day = new Intl.DateTimeFormat("en-GB", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: MC.timeZone }).format(new Date(iso));
    return MC.time(iso) + " " + day;
  }

  function duration(from, to) {
    const minutes = Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 60000));
    if (minutes < 60) return t("duration_minutes", { m: minutes });
    return t("duration_hours", { h: Math.floor(minutes / 60), m: minutes % 60 });
  }

  // ---- Small pieces ----

  function badge(text, tone) {
    return MC.el("span", { class: "badge badge-" + tone, text });
  }

  function emptyRow(columns, text) {
    return MC.el("tr", { class: "row-empty" }, [MC.el("td", { colspan: String(columns), text })]);
  }

  /** Marks the side link of the section in view. */
  function followNav() {
    const links = new Map([...document.querySelectorAll("[data-nav]")].map((a) => [a.dataset.nav, a]));
    if (!("IntersectionObserver" in window)) return;
    const observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        for (const [id, link] of links) link.classList.toggle("is-current", id === entry.target.id);
      }
    }, { rootMargin: "-20% 0px -70% 0px" });
    for (const id of links.keys()) observer.observe($(id));
  }
})();
