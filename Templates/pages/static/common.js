// motcua: what every page shares. Plain browser JavaScript, no build step, no other origin.
// The pages' own scripts use the global `MC`:
//   MC.lang, MC.t("kiosk.title", {n: 3})     texts of Templates/pages/strings/LANG/*.json
//   MC.api("POST", "/api/v1/tickets", body)  JSON API; throws MC.ApiError {status, code, message}
//   MC.errorText(err)                         the error in the page's language
//   MC.events({types, onOpen, onEvent, onDown, after})  Server-Sent Events that reconnect by themselves
//   MC.el("div", {class: "x"}, [children])    DOM building (text is always set as text)
//   MC.time(iso), MC.date(), MC.wait(seconds) formatting in Vietnam's time zone
//   MC.chime()                                the call chime (Web Audio)
//   MC.signIn({counter})                      the login / password-change dialog; resolves to the account
"use strict";

(function () {
  const stringsNode = document.getElementById("motcua-strings");
  const strings = stringsNode ? JSON.parse(stringsNode.textContent) : {};
  const lang = document.documentElement.lang || "vi";
  const locale = lang === "vi" ? "vi-VN" : "en-GB";
  const timeZone = "Asia/Ho_Chi_Minh";

  /** A text by "file.key", with {name} placeholders filled; the key itself when missing. */
  function t(path, values) {
    const dot = path.indexOf(".");
    const table = strings[path.slice(0, dot)] || {};
    let text = table[path.slice(dot + 1)];
    if (text === undefined) return path;
    if (values) {
      text = text.replace(/\{(\w+)\}/g, (whole, name) => (values[name] !== undefined ? String(values[name]) : whole));
    }
    return text;
  }

  /** An answer of the API that is not a success. */
  class ApiError extends Error {
    constructor(status, code, message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }

  /** Calls the JSON API. Resolves to the parsed body (null for 204); throws ApiError otherwise. */
  async function api(method, path, body, options) {
    const init = { method, headers: { Accept: "application/json" }, credentials: "same-origin", cache: "no-store" };
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    let controller;
    if (options && options.timeoutMs) {
      controller = new AbortController();
      init.signal = controller.signal;
      setTimeout(() => controller.abort(), options.timeoutMs);
    }
    let response;
    try {
      response = await fetch(path, init);
    } catch (e) {
      throw new ApiError(0, "network", t("errors.network"));
    }
    if (response.status === 204) return null;
    let data = null;
    try {
      data = await response.json();
    } catch (e) {
      data = null;
    }
    if (!response.ok) {
      const error = (data && data.error) || {};
      throw new ApiError(response.status, error.code || "http_" + response.status, error.message || t("common.error_generic"));
    }
    return data;
  }

  /** The text to show for an error: the page's own words for the code, else the server's message. */
  function errorText(error) {
    if (error && error.code) {
      const own = (strings.errors || {})[error.code];
      if (own) return own;
    }
    return (error && error.message) || t("common.error_generic");
  }

  /**
   * Listens to /api/v1/events. EventSource resumes by itself with Last-Event-ID; when the server was
   * away (restart, network) it is opened again after a short, growing pause. `onOpen` runs on every
   * (re)connection, so a page reloads its snapshot and shows nothing stale; `onDown` when it is lost.
   */
  function events(handlers) {
    const types = handlers.types || [];
    let source = null;
    let delay = 500;
    // Without a cursor the server starts from now; `after` (a snapshot's seq) resumes from there.
    let lastId = handlers.after !== undefined && handlers.after !== null ? String(handlers.after) : null;
    let stopped = false;
    function open() {
      if (stopped) return;
      const url = "/api/v1/events" + (lastId ? "?after=" + encodeURIComponent(lastId) : "");
      source = new EventSource(url);
      source.onopen = () => {
        delay = 500;
        banner(false);
        if (handlers.onOpen) handlers.onOpen();
      };
      source.onerror = () => {
        banner(true);
        if (handlers.onDown) handlers.onDown();
        if (source.readyState === EventSource.CLOSED) {
          retry();
        } else {
          // The browser retries on its own, but a restarted server may have answered 503 first:
          // start again from a fresh source after a pause, resuming after the last event seen.
          source.close();
          retry();
        }
      };
      const deliver = (message) => {
        if (message.lastEventId) lastId = message.lastEventId;
        let data = null;
        try {
          data = JSON.parse(message.data);
        } catch (e) {
          return;
        }
        if (handlers.onEvent) handlers.onEvent(message.type, data);
      };
      for (const type of types) source.addEventListener(type, deliver);
      source.onmessage = deliver;
    }
    function retry() {
      setTimeout(open, delay);
      delay = Math.min(delay * 2, 5000);
    }
    open();
    return {
      stop() {
        stopped = true;
        if (source) source.close();
      },
    };
  }

  /** Shows or hides the "lost connection" banner, if the page has one. */
  function banner(down) {
    const node = document.getElementById("connection-banner");
    if (node) node.hidden = !down;
    document.body.classList.toggle("is-offline", down);
  }

  /** Builds an element; attributes starting with "on" are listeners; strings become text nodes. */
  function el(tag, attributes, children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (name.startsWith("on") && typeof value === "function") node.addEventListener(name.slice(2), value);
      else if (name === "text") node.textContent = value;
      else if (name === "dataset") Object.assign(node.dataset, value);
      else node.setAttribute(name, value === true ? "" : value);
    }
    for (const child of [].concat(children || [])) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  /** "08:05" in Vietnam's time from an RFC 3339 time. */
  function time(iso, withSeconds) {
    const options = { hour: "2-digit", minute: "2-digit", hour12: false, timeZone };
    if (withSeconds) options.second = "2-digit";
    return new Intl.DateTimeFormat(locale, options).format(iso ? new Date(iso) : new Date());
  }

  /** "Chủ nhật, 29/11/2026" in Vietnam's time. */
  function date(iso) {
    const when = iso ? new Date(iso) : new Date();
    const weekday = new Intl.DateTimeFormat(locale, { weekday: "long", timeZone }).format(when);
    const day = new Intl.DateTimeFormat("en-GB", { day: "2-digit", month: "2-digit", year: "numeric", timeZone }).format(when);
    return weekday.charAt(0).toUpperCase() + weekday.slice(1) + ", " + day;
  }

  /** An estimated wait for people: "khoảng 15 phút", "dưới 1 phút", or "chưa ước tính được". */
  function wait(seconds) {
    if (seconds === null || seconds === undefined) return t("common.wait_unknown");
    if (seconds < 60) return t("common.under_a_minute");
    return t("common.about_minutes", { n: Math.round(seconds / 60) });
  }

  /** Keeps every [data-clock] element showing the time and date. */
  function startClocks() {
    const nodes = document.querySelectorAll("[data-clock]");
    if (!nodes.length) return;
    const tick = () => {
      for (const node of nodes) {
        const withDate = node.hasAttribute("data-clock-date");
        node.textContent = withDate ? time(null) + " · " + date(null) : time(null);
      }
    };
    tick();
    setInterval(tick, 1000);
  }

  let audio = null;
  /** The call chime: two soft tones. Needs a page that may play sound (a kiosk browser started with
   * --autoplay-policy=no-user-gesture-required, or one tap on the page). */
  function chime() {
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      if (audio.state === "suspended") audio.resume();
      const start = audio.currentTime + 0.02;
      [[880, 0], [660, 0.45]].forEach(([frequency, offset]) => {
        const tone = audio.createOscillator();
        const gain = audio.createGain();
        tone.type = "sine";
        tone.frequency.value = frequency;
        gain.gain.setValueAtTime(0.0001, start + offset);
        gain.gain.exponentialRampToValueAtTime(0.35, start + offset + 0.03);
        gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.8);
        tone.connect(gain).connect(audio.destination);
        tone.start(start + offset);
        tone.stop(start + offset + 0.85);
      });
      document.body.dataset.chimes = String(Number(document.body.dataset.chimes || 0) + 1);
    } catch (e) {
      // No sound output: the call still shows on screen.
    }
  }

  /** Whether the page may play sound without a tap first. */
  function soundAllowed() {
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      return audio.state !== "suspended";
    } catch (e) {
      return false;
    }
  }

  /**
   * The clerk's and administrator's sign-in. Resolves to the account (GET /api/v1/me) once signed in
   * with a usable password; shows the login form, and the password change a new account needs first.
   */
  async function signIn() {
    try {
      const me = await api("GET", "/api/v1/me");
      if (!me.must_change_password) return me;
      await passwordDialog(me);
    } catch (e) {
      if (e.status !== 401) throw e;
    }
    for (;;) {
      const me = await loginDialog();
      if (!me.must_change_password) return me;
      await passwordDialog(me);
    }
  }

  function dialog(titleText, fields, submitText, hint) {
    const error = el("p", { class: "form-error", role: "alert", "data-role": "form-error" });
    const inputs = {};
    const rows = fields.map((field) => {
      const input = el("input", {
        id: "signin-" + field.name, name: field.name, type: field.type || "text",
        autocomplete: field.autocomplete || "off", required: true,
      });
      inputs[field.name] = input;
      return el("label", { class: "form-row", for: input.id }, [el("span", { text: field.label }), input]);
    });
    const submit = el("button", { type: "submit", class: "button button-primary", id: "signin-submit", text: submitText });
    const form = el("form", { class: "signin-form", id: "signin-form" }, [
      el("h2", { text: titleText }), hint ? el("p", { class: "form-hint", text: hint }) : null, ...rows, error, submit,
    ]);
    const overlay = el("div", { class: "signin-overlay" }, [form]);
    document.body.append(overlay);
    setTimeout(() => rows.length && inputs[fields[0].name].focus(), 0);
    return { overlay, form, inputs, error, submit };
  }

  function loginDialog() {
    return new Promise((resolve) => {
      const d = dialog(t("common.login_title"), [
        { name: "name", label: t("common.login_name"), autocomplete: "username" },
        { name: "password", label: t("common.login_password"), type: "password", autocomplete: "current-password" },
      ], t("common.login_submit"));
      d.form.addEventListener("submit", async (event) => {
        event.preventDefault();
        d.submit.disabled = true;
        d.error.textContent = "";
        try {
          const answer = await api("POST", "/api/v1/login", {
            name: d.inputs.name.value.normalize("NFC").trim(), password: d.inputs.password.value,
          });
          d.overlay.remove();
          // The note asking to sign in again has served its purpose.
          const note = document.getElementById("password-changed-note");
          if (note) note.remove();
          resolve(answer.user);
        } catch (e) {
          d.error.textContent = errorText(e);
          d.inputs.password.value = "";
          d.inputs.password.focus();
        } finally {
          d.submit.disabled = false;
        }
      });
    });
  }

  function passwordDialog() {
    return new Promise((resolve) => {
      const d = dialog(t("common.password_title"), [
        { name: "current", label: t("common.password_current"), type: "password", autocomplete: "current-password" },
        { name: "new", label: t("common.password_new"), type: "password", autocomplete: "new-password" },
        { name: "repeat", label: t("common.password_repeat"), type: "password", autocomplete: "new-password" },
      ], t("common.password_submit"), t("common.password_hint"));
      d.form.addEventListener("submit", async (event) => {
        event.preventDefault();
        d.error.textContent = "";
        if (d.inputs.new.value !== d.inputs.repeat.value) {
          d.error.textContent = t("common.password_mismatch");
          return;
        }
        d.submit.disabled = true;
        try {
          await api("POST", "/api/v1/password", { current: d.inputs.current.value, new: d.inputs.new.value });
          d.overlay.remove();
          // Changing the password ends the account's sessions: sign in again with the new one.
          const note = el("p", { class: "form-note", role: "status", id: "password-changed-note", text: t("common.password_changed") });
          document.body.append(note);
          setTimeout(() => note.remove(), 8000);
          resolve();
        } catch (e) {
          d.error.textContent = errorText(e);
        } finally {
          d.submit.disabled = false;
        }
      });
    });
  }

  /** Signs out and shows the sign-in again. */
  async function signOut() {
    try {
      await api("POST", "/api/v1/logout");
    } catch (e) {
      // Already signed out.
    }
    location.reload();
  }

  window.MC = { lang, strings, t, api, ApiError, errorText, events, el, time, date, wait, chime, soundAllowed, signIn, signOut, timeZone };
  document.addEventListener("DOMContentLoaded", startClocks);
})();
