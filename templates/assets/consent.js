// handout consent: the cookie banner, the preferences dialog and the gate
// that keeps optional scripts, frames and images inert until the visitor
// accepts their category. No dependency; rendered only when site.yaml has
// consent categories. Markup and wording: partials/consent.html, which
// loads this script right after the banner, without defer: the banner is
// shown before the rest of the page is parsed (so nothing shifts), and the
// rest waits for DOMContentLoaded. The words the script writes come from
// the page (data-msg-* on the banner, data-consent-text in the
// placeholder), in the page's language; {0} in them is filled here.
//
// The choice is the first-party cookie handout_consent, path = base path:
// {"version":1,"date":"2026-05-01T09:30:00.000Z","categories":{"analytics":true,...}}
// It lasts expires_days; a record of another version counts as no choice.
// Global Privacy Control refuses every category: no banner, no record.
//
// A gated frame waits behind a placeholder: the page's own (a video's,
// written by the Markdown converter, which links to the video and offers
// "Allow once") or one made from the template. "Allow once" loads that
// frame for this page view and stores nothing; the next choice made in the
// banner or the settings decides again. A frame whose category is
// withdrawn is taken out of the page (its document unloaded) and its
// placeholder shown again.
"use strict";
(() => {
  const d = document;
  const $$ = (sel, root = d) => [...root.querySelectorAll(sel)];
  const conf = d.getElementById("consent-config");
  if (!conf) return;
  const cfg = JSON.parse(conf.textContent);
  const cats = cfg.Categories || [];
  const ids = cats.map((c) => c.ID);
  const base = conf.dataset.path || "/";
  const NAME = "handout_consent";
  const gpc = navigator.globalPrivacyControl === true;
  const banner = d.querySelector("[data-consent-banner]");
  const dialog = d.querySelector("[data-consent-dialog]");
  let record = gpc ? null : read();
  let opener = null;
  // Frames allowed once, and placeholders whose buttons are set up.
  let allowedOnce = new WeakSet();
  const ready = new WeakSet();

  function read() {
    const m = d.cookie.match(/(?:^|; )handout_consent=([^;]*)/);
    if (!m) return null;
    try {
      const r = JSON.parse(decodeURIComponent(m[1]));
      const age = Date.now() - Date.parse(r.date);
      return r.version === cfg.Version && age >= 0 && age < cfg.ExpiresDays * 864e5 ? r : null;
    } catch {
      return null;
    }
  }

  const accepted = () => ids.filter((id) => record && record.categories[id] === true);

  function save(list) {
    record = { version: cfg.Version, date: new Date().toISOString(), categories: {} };
    for (const id of ids) record.categories[id] = list.includes(id);
    d.cookie = NAME + "=" + encodeURIComponent(JSON.stringify(record)) + ";path=" + base +
      ";max-age=" + cfg.ExpiresDays * 86400 + ";samesite=lax" + (location.protocol == "https:" ? ";secure" : "");
    allowedOnce = new WeakSet();
    apply();
    confirmChoice();
  }

  // apply deletes the declared cookies of every category not accepted,
  // activates the gated elements of every category accepted (and the
  // frames allowed once), and puts every other frame behind its
  // placeholder.
  function apply() {
    const yes = accepted();
    for (const c of cats) if (!yes.includes(c.ID)) purge(c.Cookies || []);
    for (const el of $$("[data-consent]")) {
      const cat = el.dataset.consent;
      if (yes.includes(cat) || allowedOnce.has(el)) activate(el);
      else if (el.tagName == "IFRAME") withdraw(el, cat);
    }
  }

  function purge(patterns) {
    const names = d.cookie.split("; ").map((c) => c.split("=")[0]);
    const doomed = names.filter((n) => n && patterns.some((p) => (p.endsWith("*") ? n.startsWith(p.slice(0, -1)) : n == p)));
    if (!doomed.length) return;
    // A cookie is deleted only with the path and domain it was set with:
    // try every path above this page and every parent domain.
    const paths = ["/"];
    let p = "";
    for (const seg of location.pathname.split("/").filter(Boolean)) paths.push((p += "/" + seg), p + "/");
    const host = location.hostname;
    const domains = [""];
    if (!/^[\d.]+$|:/.test(host)) {
      const parts = host.split(".");
      for (let i = 0; i < parts.length - 1; i++) domains.push(";domain=." + parts.slice(i).join("."));
    }
    for (const n of doomed) for (const path of paths) for (const dom of domains) d.cookie = n + "=;max-age=0;path=" + path + dom;
  }

  // activate loads a gated element. A frame keeps data-consent, so that a
  // withdrawal finds it; the rest run or load once.
  function activate(el) {
    const src = el.dataset.src;
    if (el.tagName == "IFRAME") {
      if (src && el.getAttribute("src") != src) el.src = src;
      const ph = el.previousElementSibling;
      if (ph && ph.hasAttribute("data-consent-for")) ph.hidden = true;
      return;
    }
    el.removeAttribute("data-consent");
    if (el.tagName == "SCRIPT") {
      const s = d.createElement("script");
      for (const a of el.attributes) if (!/^(type|data-src)$/.test(a.name)) s.setAttribute(a.name, a.value);
      if (src) s.src = src;
      else s.textContent = el.textContent;
      s.async = false; // run in document order, as written
      el.replaceWith(s);
      return;
    }
    if (el.dataset.srcset) el.srcset = el.dataset.srcset;
    if (src) el.src = src;
  }

  function title(id) {
    const c = cats.find((c) => c.ID == id);
    return c ? c.Title : id;
  }

  // withdraw takes a loaded frame out of the page, in favour of one that
  // has not loaded (the browser then unloads its document), and shows its
  // placeholder.
  function withdraw(el, cat) {
    if (el.hasAttribute("src")) {
      const inert = el.cloneNode(false);
      inert.removeAttribute("src");
      el.replaceWith(inert);
      el = inert;
    }
    placeholder(el, cat);
  }

  // placeholder shows the placeholder before a frame: the page's own, or
  // one made from the template. Its words are filled and its buttons set
  // up once: "Allow once" loads this frame, the other allows the category.
  function placeholder(el, cat) {
    let ph = el.previousElementSibling;
    if (!ph || !ph.hasAttribute("data-consent-for")) {
      const tpl = d.getElementById("consent-placeholder");
      if (!tpl) return;
      ph = tpl.content.firstElementChild.cloneNode(true);
      ph.setAttribute("data-consent-for", cat);
      el.before(ph);
    }
    ph.hidden = false;
    if (ready.has(ph)) return;
    ready.add(ph);
    for (const s of $$("[data-consent-text]", ph)) s.textContent = s.dataset.consentText.replace("{0}", title(cat));
    const ask = ph.querySelector("[data-consent-ask]");
    const buttons = $$("[data-consent-allow],[data-consent-once]", ph);
    if (gpc) {
      for (const b of buttons) b.remove();
      for (const n of $$("[data-consent-gpc]", ph)) n.hidden = false;
      return;
    }
    if (ask) ask.hidden = false;
    ph.querySelector("[data-consent-allow]").addEventListener("click", () => save([...accepted(), cat]));
    ph.querySelector("[data-consent-once]")?.addEventListener("click", () => {
      // The frame before which this placeholder stands now (a withdrawal
      // may have put another in its place).
      const frame = ph.nextElementSibling;
      allowedOnce.add(frame);
      activate(frame);
      frame.focus();
    });
  }

  function confirmChoice() {
    if (!banner) return;
    const yes = accepted();
    const list = yes.map((id) => title(id).toLowerCase());
    const msg = banner.dataset;
    const text = yes.length == ids.length ? msg.msgAll
      : !yes.length ? msg.msgNone
      : msg.msgSome.replace("{0}", list.length > 1 ? list.slice(0, -1).join(", ") + " " + msg.msgAnd + " " + list.at(-1) : list[0]);
    banner.querySelector("[data-consent-message]").textContent = text;
    banner.querySelector("[data-consent-ask]").hidden = true;
    const done = banner.querySelector("[data-consent-done]");
    done.hidden = false;
    banner.hidden = false;
    done.focus();
  }

  function sync(form) {
    for (const id of ids) {
      const box = form.elements.namedItem(id);
      if (!box) continue;
      box.checked = accepted().includes(id);
      box.disabled = gpc;
    }
  }

  function openDialog(from) {
    opener = from;
    sync(dialog.querySelector("form"));
    dialog.showModal();
  }

  // The modal dialog keeps focus inside: Tab from the last control goes
  // to the first and Shift+Tab from the first to the last.
  function trap(e) {
    if (e.key != "Tab") return;
    const f = $$("input:not([disabled]),button:not([disabled]),a[href]", dialog);
    const i = f.indexOf(d.activeElement);
    if (e.shiftKey ? i <= 0 : i == f.length - 1) {
      e.preventDefault();
      f.at(e.shiftKey ? -1 : 0).focus();
    }
  }

  function setUp() {
    for (const form of $$("form[data-consent-form]")) {
      form.hidden = false;
      sync(form);
      form.addEventListener("submit", (e) => {
        e.preventDefault();
        const choice = ids.filter((id) => form.elements.namedItem(id)?.checked);
        if (form.closest("dialog")) {
          opener = null;
          dialog.close();
        }
        if (!gpc) save(choice);
      });
    }
    if (gpc) for (const n of $$("[data-consent-gpc]")) n.hidden = false;
    apply();
  }

  if (dialog) {
    dialog.addEventListener("keydown", trap);
    // Focus goes back to the control that opened the dialog, unless it is
    // already elsewhere on the page: the close event comes a moment after
    // the dialog closes, and a key pressed in that moment has moved on.
    dialog.addEventListener("close", () => {
      const a = d.activeElement;
      if (opener && (!a || a == d.body || dialog.contains(a))) opener.focus();
    });
    dialog.querySelector("[data-consent-cancel]").addEventListener("click", () => dialog.close());
  }

  d.addEventListener("click", (e) => {
    const t = e.target.closest("[data-consent-open],[data-consent-accept],[data-consent-reject],[data-consent-hide]");
    if (!t) return;
    if (t.hasAttribute("data-consent-accept")) save(ids);
    else if (t.hasAttribute("data-consent-reject")) save([]);
    else if (t.hasAttribute("data-consent-hide")) banner.hidden = true;
    else if (dialog && !gpc) {
      e.preventDefault();
      openDialog(t);
    }
  });

  if (banner && !gpc && !record) banner.hidden = false;
  if (d.readyState == "loading") d.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
