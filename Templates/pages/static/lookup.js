// The dossier lookup kiosk (/lookup): a citizen enters the dossier code on the on-screen keyboard, or a
// barcode / QR scanner types it (a scanner is a keyboard that types fast and ends with Enter). The page
// asks GET /api/v1/dossiers/{code} and shows the masked status; after a while without use it returns to
// the empty start, so the next person sees nothing of the previous one.
"use strict";

(function () {
  // DOMAIN.md: the lenient form of a dossier code. The client checks the shape only; whether the date
  // exists is the server's word (400 bad_code).
  const CODE = /^(?<agency>[A-Z0-9]{1,4}(?:\.[A-Z0-9]{1,4}){1,3})-(?<ymd>\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))-(?<seq>\d{4,6})$/;
  // The same, inside whatever else a QR code may carry (a link, a label).
  const CODE_INSIDE = /(?<![A-Z0-9.])[A-Z0-9]{1,4}(?:\.[A-Z0-9]{1,4}){1,3}-\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])-\d{4,6}(?![0-9])/;
  // A procedure code such as 1.011442.000.00.00.H38: people often type it by mistake.
  const PROCEDURE = /^\d\.\d{6}(?:\.[A-Z0-9]{1,4})+$/;
  const ALLOWED = /^[A-Z0-9.-]$/;
  const MAX_LENGTH = 40;
  // A scanner types a key every few milliseconds; a person, every 100 ms or more.
  const SCAN_GAP_MS = 60;
  const SCAN_MIN_KEYS = 8;
  const REQUEST_TIMEOUT_MS = 15000;
  const STATUS_CODES = 10;
  const EXAMPLE = "000.00.19.H47-260105-0001";

  let field, errorBox, busyBox, entry, result, autoNote;
  let returnSeconds = 60;
  let idleTimer = null;
  // Every change of the code starts a new "generation": an answer for an older one is dropped.
  let generation = 0;
  let busy = false;
  const burst = { raw: "", keys: 0, last: 0 };

  const t = (key, values) => MC.t("lookup." + key, values);

  document.addEventListener("DOMContentLoaded", () => {
    field = document.getElementById("code");
    errorBox = document.getElementById("lookup-error");
    busyBox = document.getElementById("lookup-busy");
    entry = document.getElementById("lookup-entry");
    result = document.getElementById("result");
    autoNote = document.getElementById("result-auto");

    returnSeconds = Number(document.body.dataset.returnSeconds) || 60;
    const asked = new URLSearchParams(location.search).get("return");
    if (asked && /^\d{1,4}$/.test(asked) && Number(asked) >= 1) returnSeconds = Number(asked);

    for (const key of document.querySelectorAll("button.key[data-key]")) {
      key.addEventListener("click", () => {
        endBurst();
        type(key.dataset.key);
      });
    }
    document.getElementById("key-backspace").addEventListener("click", () => {
      endBurst();
      backspace();
    });
    document.getElementById("key-clear").addEventListener("click", () => {
      endBurst();
      setCode("");
    });
    document.getElementById("lookup-submit").addEventListener("click", () => {
      endBurst();
      lookUp();
    });
    document.getElementById("result-back").addEventListener("click", () => startOver());
    // Keys keep the focus on the code, so the caret stays where the text goes.
    document.getElementById("keyboard").addEventListener("mousedown", (event) => event.preventDefault());

    document.addEventListener("keydown", onKey, true);
    field.addEventListener("paste", (event) => {
      event.preventDefault();
      const text = (event.clipboardData && event.clipboardData.getData("text")) || "";
      setCode(extractCode(text));
    });
    // Anything that still reaches the field (an input method, autofill) is brought back to the rules.
    field.addEventListener("input", () => setCode(field.value));
    for (const type of ["pointerdown", "keydown", "wheel", "touchstart"]) {
      document.addEventListener(type, stillHere, { passive: true, capture: true });
    }
    startOver();
    followScanner(new URLSearchParams(location.search).get("kiosk"));
  });

  /**
   * A scanner the daemon holds for this kiosk (`scanners[]` in its configuration, `?kiosk=ID` here): each
   * code it scans arrives as a `scan` event and is looked up at once, as if typed and confirmed.
   */
  function followScanner(kiosk) {
    if (!kiosk || !/^[A-Za-z0-9._-]{1,64}$/.test(kiosk) || !window.EventSource) return;
    const source = new EventSource("/api/v1/kiosks/" + encodeURIComponent(kiosk) + "/scans");
    source.addEventListener("scan", (event) => {
      let scanned;
      try {
        scanned = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      endBurst();
      stillHere();
      field.dataset.source = "scanner";
      setCode(extractCode(scanned.code || ""), true);
      lookUp();
    });
    // A kiosk with no scanner configured gets 404 and the page goes on without one; after a daemon
    // restart the browser reconnects by itself.
  }

  /** Keys typed anywhere on the page go into the code; Enter looks it up. */
  function onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    const key = event.key;
    const isChar = key.length === 1;
    if (!isChar && !["Enter", "Backspace", "Escape", "Delete"].includes(key)) return; // Shift, Tab, arrows…
    event.preventDefault();
    const now = performance.now();
    const fast = now - burst.last <= SCAN_GAP_MS;
    burst.last = now;
    if (!fast) {
      burst.raw = "";
      burst.keys = 0;
    }
    if (key === "Enter") {
      // A fast burst ending in Enter is a scan: the scanned code replaces what was in the field.
      if (fast && burst.keys >= SCAN_MIN_KEYS) {
        field.dataset.source = "scanner";
        setCode(extractCode(burst.raw), true);
      } else {
        field.dataset.source = "keyboard";
      }
      endBurst();
      lookUp();
      return;
    }
    if (key === "Backspace") {
      endBurst();
      backspace();
    } else if (key === "Escape" || key === "Delete") {
      endBurst();
      setCode("");
    } else {
      burst.raw += key;
      burst.keys += 1;
      type(key);
    }
  }

  function endBurst() {
    burst.raw = "";
    burst.keys = 0;
    burst.last = 0;
  }

  /** The dossier code in what a scanner or a paste gave: the code itself, or one inside a link. */
  function extractCode(text) {
    const upper = String(text).normalize("NFC").toUpperCase();
    const inside = upper.match(CODE_INSIDE);
    return inside ? inside[0] : upper;
  }

  function type(character) {
    const c = character.toUpperCase();
    if (!ALLOWED.test(c)) return;
    if (!result.hidden) setCode(""); // a new code after a result: start a new lookup
    setCode(field.value + c);
  }

  function backspace() {
    setCode(field.value.slice(0, -1));
  }

  /** Sets the code (uppercased, only A–Z 0–9 . -) and forgets any answer for the old one. */
  function setCode(text, keepSource) {
    const clean = String(text).toUpperCase().split("").filter((c) => ALLOWED.test(c)).join("").slice(0, MAX_LENGTH);
    if (!keepSource && clean === "") delete field.dataset.source;
    generation += 1;
    busy = false;
    field.value = clean;
    try {
      field.setSelectionRange(clean.length, clean.length);
    } catch (e) {
      // Not focusable yet.
    }
    showEntry();
    hideMessages();
    setState(clean ? "typing" : "start");
  }

  async function lookUp() {
    if (busy) return;
    const code = field.value;
    if (!code) return showError(t("empty"));
    if (PROCEDURE.test(code)) return showError(t("procedure_code", { code }));
    if (!CODE.test(code)) return showError(t("bad_format", { code }));
    const mine = ++generation;
    busy = true;
    hideMessages();
    busyBox.hidden = false;
    setState("busy");
    try {
      const dossier = await MC.api("GET", "/api/v1/dossiers/" + encodeURIComponent(code), undefined, { timeoutMs: REQUEST_TIMEOUT_MS });
      if (mine !== generation) return;
      busy = false;
      showResult(dossier || {}, code);
    } catch (error) {
      if (mine !== generation) return;
      busy = false;
      showError(errorFor(error, code));
    }
  }

  /** The words for a failed lookup; never the server's own text, which may be in the other language. */
  function errorFor(error, code) {
    switch (error && error.code) {
      case "bad_code": return t("bad_format", { code });
      case "not_found": return t("not_found", { code });
      case "rate_limited": return t("rate_limited");
      case "workflow_unavailable": return t("unavailable");
      case "network": return t("network");
      default: return error && error.status === 503 ? t("unavailable") : t("error_generic");
    }
  }

  function showError(text) {
    busyBox.hidden = true;
    // Codes in the message are never broken across lines at their dashes.
    const codes = [EXAMPLE, field.value].filter((code) => code.length > 3);
    const parts = codes.length ? text.split(new RegExp("(" + codes.map(escapeRegExp).join("|") + ")")) : [text];
    errorBox.replaceChildren(...parts.map((part) => (codes.includes(part) ? MC.el("span", { class: "code-text", text: part }) : part)));
    errorBox.hidden = false;
    showEntry();
    setState("error");
    stillHere();
  }

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
  }

  function hideMessages() {
    errorBox.hidden = true;
    errorBox.textContent = "";
    busyBox.hidden = true;
  }

  function showEntry() {
    if (!result.hidden) clearResult();
    entry.hidden = false;
  }

  // ---- The answer ----

  /** Shows the masked status: only the fields a public kiosk may show (DOMAIN.md, privacy). */
  function showResult(d, code) {
    clearResult();
    setText("result-code", d.code || code);
    setText("result-procedure", d.procedure);
    setText("result-unit", d.unit);
    setText("result-applicant", d.applicant_masked);
    setText("result-received", dateTime(d.received_at));
    // A dossier submitted online and not yet looked at (1), or refused at intake (3), was never received:
    // its date is the day it was handed in.
    document.getElementById("result-received-label").textContent =
      d.status_code === 1 || d.status_code === 3 ? t("submitted") : t("received");
    const statusNode = document.getElementById("result-status");
    statusNode.textContent = statusName(d.status_code, d.status);
    result.dataset.statusCode = Number.isInteger(d.status_code) ? String(d.status_code) : "";

    // No appointment yet (1) or none at all (3): no "due" row, rather than an empty one.
    const due = dateTime(d.due_at);
    if (due) {
      setText("result-due", due);
      document.getElementById("result-due-row").hidden = false;
    }
    if (d.returned_at) {
      setText("result-returned", dateTime(d.returned_at));
      document.getElementById("result-returned-row").hidden = false;
    }
    const fee = feeText(d.fee_due);
    if (fee) {
      setText("result-fee", fee);
      document.getElementById("result-fee-row").hidden = false;
    }
    const items = Array.isArray(d.supplement) ? d.supplement.filter((item) => typeof item === "string" && item.trim()) : [];
    if (items.length) {
      const list = document.getElementById("result-supplement");
      for (const item of items) list.append(MC.el("li", { text: item }));
      document.getElementById("result-supplement-row").hidden = false;
    }
    if (d.stale === true) {
      const when = d.as_of || d.updated_at;
      const stale = document.getElementById("result-stale");
      stale.textContent = when ? t("stale", { time: MC.time(when), date: day(when) }) : t("stale_unknown");
      stale.hidden = false;
    }
    autoNote.textContent = t("auto_return", { n: returnSeconds });
    hideMessages();
    entry.hidden = true;
    result.hidden = false;
    setState("result");
    stillHere();
  }

  /** Empties the answer's fields (not only hides them): what the last person saw is gone. */
  function clearResult() {
    result.hidden = true;
    delete result.dataset.statusCode;
    for (const id of ["result-code", "result-procedure", "result-unit", "result-applicant", "result-received",
      "result-due", "result-status", "result-returned", "result-fee", "result-supplement", "result-stale"]) {
      document.getElementById(id).textContent = "";
    }
    document.getElementById("result-received-label").textContent = t("received");
    for (const id of ["result-due-row", "result-returned-row", "result-fee-row", "result-supplement-row", "result-stale"]) {
      document.getElementById(id).hidden = true;
    }
  }

  function setText(id, value) {
    document.getElementById(id).textContent = value === undefined || value === null || value === "" ? "—" : String(value);
  }

  function statusName(code, fallback) {
    if (Number.isInteger(code) && code >= 1 && code <= STATUS_CODES) return t("status_" + code);
    return fallback || t("status_unknown");
  }

  /** "Thứ Hai, 12/01/2026 lúc 15:30" in Vietnam's time. */
  function dateTime(iso) {
    if (!iso || Number.isNaN(Date.parse(iso))) return null;
    return t("date_time", { date: MC.date(iso), time: MC.time(iso) });
  }

  /** "05/01/2026" in Vietnam's time. */
  function day(iso) {
    return new Intl.DateTimeFormat("en-GB", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: MC.timeZone }).format(new Date(iso));
  }

  /** "1.250.000 đồng"; nothing when no fee is due. */
  function feeText(value) {
    if (value === undefined || value === null || value === "") return null;
    const amount = typeof value === "number" ? value : /^\d+$/.test(String(value)) ? Number(value) : null;
    if (amount === null) return String(value);
    if (amount <= 0) return null;
    const grouped = new Intl.NumberFormat(MC.lang === "vi" ? "vi-VN" : "en-GB", { maximumFractionDigits: 0 }).format(amount);
    return t("fee_amount", { amount: grouped });
  }

  // ---- Idle return ----

  /** Someone is using the kiosk: the return to the start waits again. */
  function stillHere() {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(startOver, returnSeconds * 1000);
  }

  /** The empty start: no code, no answer, no message. */
  function startOver() {
    endBurst();
    setCode("");
    clearResult();
    entry.hidden = false;
    field.focus({ preventScroll: true });
    clearTimeout(idleTimer);
  }

  function setState(state) {
    document.body.dataset.state = state;
    if (state !== "start") stillHere();
  }
})();
