// The hall board (/display): the number each counter calls, the newest call large, what waits per
// service, the latest calls, and results ready for collection. A TV shows it all day without anyone
// touching it, so it must mend itself: the snapshot (GET /api/v1/queue) is the truth and is read
// again on every (re)connection and shortly after every event; events only make a call show at once,
// blink and chime. It shows ticket numbers only, never a citizen's name.
"use strict";

(function () {
  /** An event older than this (by the server's clock) is history being replayed: no chime, no blink. */
  const FRESH_MS = 30000;
  /** How long the newest call blinks (the CSS animation runs as long). */
  const HIGHLIGHT_MS = 6000;
  /** Chimes never overlap: the next one waits this long after the previous one started. */
  const CHIME_GAP_MS = 1600;
  /** `/display?voice=on`: a TV with speakers plays each call's announcement (chime and words), fetched
   * from the daemon, one at a time and always to its end; otherwise the page only chimes. */
  const VOICE = new URLSearchParams(location.search).get("voice") === "on";
  /** An announcement still waiting this long after its call is dropped: the screen has shown it. */
  const VOICE_MAX_DELAY_MS = 90000;
  /** Results ready for collection kept in the ticker. */
  const TICKER_KEEP = 5;
  /** Calls in the "just called" list. */
  const RECENT_KEEP = 6;
  /** Ticker speed, in root font units per second (rem scales with the screen). */
  const TICKER_REM_PER_S = 16;
  /** Seconds a new ticker line stands still before it starts to move. */
  const TICKER_PAUSE_S = 2;

  const TYPES = [
    "ticket.issued", "ticket.called", "ticket.recalled", "ticket.serving", "ticket.done", "ticket.no_show",
    "ticket.transferred", "ticket.expired", "counter.opened", "counter.paused", "counter.closed",
    "day.opened", "day.closed", "dossier.ready",
  ];
  const FINISHED = new Set(["done", "no_show", "transferred", "expired"]);

  const model = {
    snapshot: null,
    /** English service names by code (GET /api/v1/services), for the English page. */
    namesEn: {},
    /** Server time minus local time, from the Date header of the snapshot. */
    skewMs: 0,
    /** The call the banner shows: {number, counter, ticketId}. */
    bannerCall: null,
    /** Counters blinking now: counter id → timer. */
    highlights: new Map(),
    /** Results ready for collection: [{id, at, code, name, counter}], newest first. */
    ticker: [],
    seen: new Set(),
    seenOrder: [],
    /** Bumped by every event, so a snapshot asked for before it is not shown over it. */
    generation: 0,
    streamOpen: false,
  };
  const cards = new Map();
  const $ = (id) => document.getElementById(id);

  // ---- texts -------------------------------------------------------------------------------------

  function counterLabel(id) {
    const counter = findCounter(id);
    const name = counter && counter.name;
    // A configured name ("Quầy trả kết quả") is shown as it is; the default "Quầy N" in the page's language.
    if (name && name !== "Quầy " + id) return name;
    return MC.t("common.counter_label", { n: id });
  }

  function serviceName(service) {
    return (MC.lang === "en" && model.namesEn[service.code]) || service.name;
  }

  /** A text with {placeholders} as nodes: the placeholders become emphasised spans. */
  function template(key, parts) {
    const text = MC.t(key);
    const nodes = [];
    let last = 0;
    text.replace(/\{(\w+)\}/g, (whole, name, offset) => {
      if (offset > last) nodes.push(text.slice(last, offset));
      nodes.push(parts[name] !== undefined ? parts[name] : whole);
      last = offset + whole.length;
      return whole;
    });
    if (last < text.length) nodes.push(text.slice(last));
    return nodes;
  }

  /** A masked name from the workflow core ("Nguyễn V** A"); anything that does not look masked is dropped. */
  function maskedName(name) {
    if (typeof name !== "string") return null;
    const trimmed = name.trim();
    return trimmed && trimmed.includes("*") && trimmed.length <= 60 ? trimmed : null;
  }

  // ---- the snapshot ------------------------------------------------------------------------------

  function findCounter(id) {
    const counters = (model.snapshot && model.snapshot.counters) || [];
    return counters.find((c) => c.id === id) || null;
  }

  async function fetchSnapshot() {
    const response = await fetch("/api/v1/queue", {
      headers: { Accept: "application/json" }, cache: "no-store", credentials: "same-origin",
    });
    if (!response.ok) throw new Error("HTTP " + response.status);
    const serverDate = Date.parse(response.headers.get("Date") || "");
    if (!Number.isNaN(serverDate)) model.skewMs = serverDate - Date.now();
    return response.json();
  }

  let reloadTimer = null;
  let reloading = false;
  let reloadAgain = false;
  let discarded = 0;

  function scheduleReload(delay) {
    clearTimeout(reloadTimer);
    reloadTimer = setTimeout(reload, delay);
  }

  async function reload() {
    if (reloading) {
      reloadAgain = true;
      return;
    }
    reloading = true;
    const generation = model.generation;
    try {
      const snapshot = await fetchSnapshot();
      // An event came while it was on its way: it may be older than what shows. Ask again (a few
      // times at most, so a busy hall still gets a fresh snapshot).
      if (generation !== model.generation && discarded < 3) {
        discarded += 1;
        reloadAgain = true;
      } else {
        discarded = 0;
        model.snapshot = snapshot;
        settleBanner();
        render();
        if (model.streamOpen) document.body.dataset.connected = "true";
      }
    } catch (e) {
      // The server is away: the event stream's reconnection brings a reload.
      if (model.streamOpen) setTimeout(() => scheduleReload(0), 2000);
    } finally {
      reloading = false;
      if (reloadAgain) {
        reloadAgain = false;
        scheduleReload(150);
      }
    }
  }

  async function loadNames() {
    if (MC.lang !== "en") return;
    try {
      const services = await MC.api("GET", "/api/v1/services");
      for (const s of services) if (s.name_en) model.namesEn[s.code] = s.name_en;
      render();
    } catch (e) {
      // Vietnamese names until the next connection.
    }
  }

  // ---- events ------------------------------------------------------------------------------------

  function isFresh(at) {
    const when = Date.parse(at || "");
    if (Number.isNaN(when)) return false;
    return Date.now() + model.skewMs - when < FRESH_MS;
  }

  function alreadySeen(id) {
    if (!id) return false;
    if (model.seen.has(id)) return true;
    model.seen.add(id);
    model.seenOrder.push(id);
    if (model.seenOrder.length > 5000) model.seen.delete(model.seenOrder.shift());
    return false;
  }

  function onEvent(type, event) {
    if (!event || typeof event !== "object" || alreadySeen(event.id)) return;
    const data = event.data || {};
    if (type === "dossier.ready") {
      addResult(event);
      return;
    }
    model.generation += 1;
    // Every event may change what shows; the snapshot says exactly how, a moment later.
    scheduleReload(200);
    if (!model.snapshot || !isFresh(event.at)) return;
    const ticket = data.ticket;
    const counterId = data.counter !== undefined && data.counter !== null ? data.counter : ticket && ticket.counter;
    switch (type) {
      case "ticket.called":
      case "ticket.recalled":
        if (ticket && counterId) call(ticket, counterId, type === "ticket.recalled");
        break;
      case "ticket.serving":
      case "ticket.done":
      case "ticket.no_show":
      case "ticket.transferred":
      case "ticket.expired": {
        const counter = findCounter(counterId);
        if (ticket && counter && counter.current && counter.current.id === ticket.id) {
          counter.current = FINISHED.has(ticket.state) ? null : ticket;
        }
        if (ticket && model.bannerCall && model.bannerCall.ticketId === ticket.id && ticket.state !== "called") {
          model.bannerCall = null;
          settleBanner();
        }
        break;
      }
      case "counter.opened":
      case "counter.paused":
      case "counter.closed": {
        const counter = findCounter(counterId);
        if (counter && data.counter_state) counter.state = data.counter_state;
        break;
      }
      case "day.closed":
        model.snapshot.phase = "closed";
        break;
      default:
        break;
    }
    render();
  }

  /** A call or a recall: the card shows it at once, it blinks, the banner says it, the chime sounds. */
  function call(ticket, counterId, recall) {
    const counter = findCounter(counterId);
    if (counter) {
      counter.current = ticket;
      if (counter.state === "closed") counter.state = "open";
    }
    const recent = model.snapshot.recent_calls || (model.snapshot.recent_calls = []);
    if (!recall || !recent.length || recent[0].number !== ticket.number) {
      const entry = { number: ticket.number, counter: counterId, service: ticket.service, state: "called", called_at: ticket.called_at };
      model.snapshot.recent_calls = [entry].concat(recent.filter((c) => c.number !== ticket.number)).slice(0, 10);
    }
    model.bannerCall = { number: ticket.number, counter: counterId, ticketId: ticket.id };
    render();
    highlight(counterId);
    if (VOICE) speak(ticket.number, counterId);
    else chime();
  }

  // ---- announcements played by the page (voice=on) -------------------------------------------------

  const voice = { queue: [], playing: false };
  /** What the page played, for whoever checks it: [{ticket, counter, started, ended, ok}]. */
  window.motcuaVoiceLog = [];

  /** Queues a call's announcement; one for the same ticket and counter already waiting is enough. */
  function speak(number, counterId) {
    if (voice.queue.some((item) => item.number === number && item.counter === counterId)) return;
    voice.queue.push({ number, counter: counterId, at: Date.now() });
    showSoundButton();
    if (!voice.playing) playNext();
  }

  function playNext() {
    while (voice.queue.length && Date.now() - voice.queue[0].at > VOICE_MAX_DELAY_MS) voice.queue.shift();
    const item = voice.queue.shift();
    if (!item) {
      voice.playing = false;
      return;
    }
    voice.playing = true;
    const entry = { ticket: item.number, counter: item.counter, started: Date.now(), ended: null, ok: false };
    window.motcuaVoiceLog.push(entry);
    const url = "/api/v1/announcements/audio?ticket=" + encodeURIComponent(item.number) + "&counter=" + encodeURIComponent(item.counter);
    const player = new Audio(url);
    let finished = false;
    const done = (ok) => {
      if (finished) return;
      finished = true;
      entry.ended = Date.now();
      entry.ok = ok;
      document.body.dataset.spoken = String(window.motcuaVoiceLog.filter((e) => e.ok).length);
      // No sound from the daemon (or the page may not play yet): the hall still hears the chime.
      if (!ok) MC.chime();
      playNext();
    };
    player.addEventListener("ended", () => done(true));
    player.addEventListener("error", () => done(false));
    const started = player.play();
    if (started && started.catch) started.catch(() => done(false));
  }

  /** Only the newest call blinks: an earlier one still blinking stops. */
  function highlight(counterId) {
    for (const [id, timer] of model.highlights) {
      clearTimeout(timer);
      const card = cards.get(id);
      if (card && id !== counterId) card.classList.remove("is-new");
    }
    model.highlights.clear();
    model.highlights.set(counterId, setTimeout(() => {
      model.highlights.delete(counterId);
      const card = cards.get(counterId);
      if (card) card.classList.remove("is-new");
      if (!model.highlights.size) $("call-banner").classList.remove("is-new");
    }, HIGHLIGHT_MS));
    // Restart the blink, also when the card is blinking already (a recall).
    for (const node of [cards.get(counterId), $("call-banner")]) {
      if (!node) continue;
      node.classList.remove("is-new");
      void node.offsetWidth;
      node.classList.add("is-new");
    }
  }

  let nextChimeAt = 0;
  function chime() {
    const now = Date.now();
    const at = Math.max(now, nextChimeAt);
    if (at - now > 10000) return; // a burst: the screen shows them all, the hall need not hear ten chimes
    nextChimeAt = at + CHIME_GAP_MS;
    if (at === now) MC.chime();
    else setTimeout(() => MC.chime(), at - now);
    showSoundButton();
  }

  // ---- results ready for collection (dossier.ready, from the workflow core) -------------------------

  function vietnamDay(when) {
    return new Intl.DateTimeFormat("en-CA", { timeZone: MC.timeZone, year: "numeric", month: "2-digit", day: "2-digit" })
      .format(when);
  }

  function addResult(event) {
    const data = event.data || {};
    if (typeof data.code !== "string" || !data.code) return;
    const at = Date.parse(event.at || "");
    // Only today's: the replay after a (re)connection brings older days too.
    if (!Number.isNaN(at) && vietnamDay(new Date(at)) !== vietnamDay(new Date(Date.now() + model.skewMs))) return;
    const entry = {
      id: event.id, at: Number.isNaN(at) ? Date.now() : at, code: data.code,
      name: maskedName(data.applicant_masked), counter: Number.isInteger(data.counter) ? data.counter : null,
    };
    model.ticker = [entry].concat(model.ticker.filter((e) => e.code !== entry.code))
      .sort((a, b) => b.at - a.at).slice(0, TICKER_KEEP);
    renderTicker();
  }

  function resultText(entry) {
    const values = { code: entry.code, name: entry.name, counter: entry.counter ? counterLabel(entry.counter) : "" };
    const key = "display.ticker_item" + (entry.name ? "" : "_noname") + (entry.counter ? "_counter" : "");
    return MC.t(key, values);
  }

  let tickerText = "";
  function renderTicker() {
    const ticker = $("ticker");
    const track = $("ticker-track");
    // A new day starts with an empty ticker.
    const today = vietnamDay(new Date(Date.now() + model.skewMs));
    model.ticker = model.ticker.filter((e) => vietnamDay(new Date(e.at)) === today);
    const texts = model.ticker.map(resultText);
    ticker.hidden = texts.length === 0;
    const text = texts.join("   •   ");
    if (text === tickerText) return;
    tickerText = text;
    track.replaceChildren(...texts.flatMap((t, i) => [i ? MC.el("span", { class: "ticker-sep", text: "•" }) : null, MC.el("span", { class: "ticker-item", text: t })]).filter(Boolean));
    if (!texts.length) return;
    // At a steady speed: first from where it stands (readable at once, after a pause), then over and
    // over from the right edge until the whole line has left on the left.
    const speed = TICKER_REM_PER_S * (parseFloat(getComputedStyle(document.documentElement).fontSize) || 10);
    const viewport = track.parentElement.clientWidth;
    const width = track.scrollWidth;
    const first = width / speed;
    track.style.setProperty("--ticker-from", viewport + "px");
    track.style.setProperty("--ticker-to", -width + "px");
    track.style.animationDuration = first + "s, " + (viewport + width) / speed + "s";
    track.style.animationDelay = TICKER_PAUSE_S + "s, " + (TICKER_PAUSE_S + first) + "s";
    track.classList.remove("is-running");
    void track.offsetWidth;
    track.classList.add("is-running");
  }

  // ---- drawing -----------------------------------------------------------------------------------

  /** Chooses what the banner shows when no fresh call chose it: the latest call still waiting for its citizen. */
  function settleBanner() {
    const counters = (model.snapshot && model.snapshot.counters) || [];
    const called = counters.filter((c) => c.current && c.current.state === "called");
    const current = model.bannerCall && called.find((c) => c.id === model.bannerCall.counter && c.current.id === model.bannerCall.ticketId);
    if (current) return;
    called.sort((a, b) => String(b.current.called_at || "").localeCompare(String(a.current.called_at || "")));
    model.bannerCall = called.length ? { number: called[0].current.number, counter: called[0].id, ticketId: called[0].current.id } : null;
  }

  function render() {
    const snapshot = model.snapshot;
    if (!snapshot) return;
    document.body.dataset.phase = snapshot.phase;
    const open = snapshot.phase === "open";
    $("board").hidden = !open;
    $("call-banner").hidden = !open;
    $("day-state").hidden = open;
    if (!open) {
      const closed = snapshot.phase === "closed";
      $("day-state-title").textContent = MC.t(closed ? "common.day_closed" : "common.day_not_opened");
      $("day-state-note").textContent = MC.t(closed ? "display.closed_note" : "display.not_opened_note");
    }
    renderBanner();
    renderCounters(snapshot.counters || []);
    renderWaiting(snapshot.services || []);
    renderRecent(snapshot.recent_calls || []);
    renderTicker();
    fitRecent();
  }

  function renderBanner() {
    const banner = $("call-banner");
    const call = model.bannerCall;
    const key = call ? call.number + "@" + call.counter + "@" + MC.lang : "";
    if (banner.dataset.key === key && banner.childNodes.length) return;
    banner.dataset.key = key;
    banner.classList.toggle("is-idle", !call);
    if (!call) {
      banner.replaceChildren(MC.el("span", { class: "call-banner-idle", text: MC.t("display.banner_idle") }));
      return;
    }
    banner.replaceChildren(MC.el("span", { class: "call-banner-text" }, template("display.banner", {
      number: MC.el("strong", { class: "call-banner-number", text: call.number }),
      counter: MC.el("strong", { class: "call-banner-counter", text: counterLabel(call.counter) }),
    })));
  }

  function counterColumns(n) {
    if (n <= 3) return Math.max(n, 1);
    if (n === 4) return 2;
    if (n <= 6) return 3;
    if (n <= 12) return 4;
    return Math.ceil(Math.sqrt(n * 1.6));
  }

  function renderCounters(counters) {
    const grid = $("counters");
    const ids = counters.map((c) => c.id).join(",");
    if (grid.dataset.ids !== ids) {
      grid.dataset.ids = ids;
      cards.clear();
      grid.replaceChildren(...counters.map((c) => {
        const card = MC.el("article", { class: "counter-card", dataset: { counter: String(c.id) } }, [
          MC.el("div", { class: "counter-name" }),
          MC.el("div", { class: "counter-number" }),
          MC.el("div", { class: "counter-status" }),
        ]);
        cards.set(c.id, card);
        return card;
      }));
      const columns = counterColumns(counters.length);
      grid.style.setProperty("--columns", String(columns));
      grid.style.setProperty("--rows", String(Math.max(1, Math.ceil(counters.length / columns))));
    }
    for (const c of counters) {
      const card = cards.get(c.id);
      const current = c.current && !FINISHED.has(c.current.state) ? c.current : null;
      const number = current ? current.number : "—";
      let status = "";
      if (c.state === "closed") status = MC.t("common.counter_closed");
      else if (c.state === "paused") status = MC.t("common.counter_paused");
      else if (current) status = MC.t(current.state === "serving" ? "common.ticket_serving" : "common.ticket_called");
      else status = MC.t("display.counter_idle");
      setText(card.children[0], counterLabel(c.id));
      setText(card.children[1], number);
      card.children[1].dataset.len = String(Math.min(number.length, 6));
      setText(card.children[2], status);
      card.dataset.state = c.state;
      card.classList.toggle("is-closed", c.state === "closed");
      card.classList.toggle("is-paused", c.state === "paused");
      card.classList.toggle("is-empty", !current);
      card.classList.toggle("is-serving", !!current && current.state === "serving");
      if (!model.highlights.has(c.id)) card.classList.remove("is-new");
    }
  }

  function renderWaiting(services) {
    const list = $("waiting-list");
    const codes = services.map((s) => s.code).join(",") + "|" + MC.lang + "|" + Object.keys(model.namesEn).length;
    if (list.dataset.codes !== codes) {
      list.dataset.codes = codes;
      list.dataset.count = String(services.length);
      list.replaceChildren(...services.map((s) => MC.el("li", { class: "service-waiting", dataset: { code: s.code } }, [
        MC.el("span", { class: "name", text: serviceName(s) }),
        MC.el("span", { class: "count" }),
      ])));
    }
    for (const s of services) {
      const row = list.querySelector('.service-waiting[data-code="' + CSS.escape(s.code) + '"]');
      setText(row.querySelector(".count"), String(s.waiting));
      row.classList.toggle("is-none", s.waiting === 0);
    }
  }

  function renderRecent(calls) {
    const list = $("recent-list");
    const shown = calls.slice(0, RECENT_KEEP);
    const key = shown.map((c) => c.number + "@" + c.counter).join(",") + "|" + MC.lang;
    if (list.dataset.key === key) return;
    list.dataset.key = key;
    if (!shown.length) {
      list.replaceChildren(MC.el("li", { class: "recent-empty", text: MC.t("display.recent_empty") }));
      return;
    }
    list.replaceChildren(...shown.map((c) => MC.el("li", { class: "recent-call", dataset: { counter: String(c.counter) } }, [
      MC.el("span", { class: "recent-number", text: c.number }),
      MC.el("span", { class: "recent-arrow", text: "→" }),
      MC.el("span", { class: "recent-counter", text: counterLabel(c.counter) }),
    ])));
  }

  /** Keeps as many of the latest calls as the line has room for: none is cut in half. */
  function fitRecent() {
    const list = $("recent-list");
    const items = Array.from(list.children);
    for (const item of items) item.hidden = false;
    const right = list.getBoundingClientRect().right;
    let full = false;
    for (const item of items.slice(1)) {
      full = full || item.getBoundingClientRect().right > right + 1;
      item.hidden = full;
    }
  }

  function setText(node, text) {
    if (node.textContent !== text) node.textContent = text;
  }

  // ---- clock and sound ---------------------------------------------------------------------------

  function tick() {
    setText($("board-time"), MC.time(null));
    setText($("board-date"), MC.date());
  }

  function showSoundButton() {
    $("sound-unlock").hidden = MC.soundAllowed();
  }

  function unlockSound() {
    MC.chime(); // within the tap: lets the page play sound, and lets the hall hear that it works
    $("sound-unlock").hidden = true;
    setTimeout(showSoundButton, 1000);
  }

  // ---- start -------------------------------------------------------------------------------------

  document.addEventListener("DOMContentLoaded", () => {
    tick();
    setInterval(tick, 1000);
    $("sound-unlock").addEventListener("click", unlockSound);
    showSoundButton();
    window.addEventListener("resize", () => {
      tickerText = "";
      renderTicker();
      if (model.snapshot) fitRecent();
    });
    MC.events({
      types: TYPES,
      onOpen() {
        model.streamOpen = true;
        scheduleReload(0);
        loadNames();
      },
      onEvent,
      onDown() {
        model.streamOpen = false;
        document.body.dataset.connected = "false";
      },
    });
  });

  // Lets a test, or a site's own script, hand the board an event as the stream would.
  window.MCDisplay = { handle: onEvent };
})();
