// handout site script: progressive enhancements only. Every page works
// without it: glossary terms are plain links to their entries.
"use strict";

// Glossary tooltips (WCAG 1.4.13 Content on Hover or Focus): a term's short
// definition shows on hover, keyboard focus and tap. It can be hovered
// without disappearing, stays until the pointer and focus leave or Escape
// is pressed, and is announced through aria-describedby. On touch, the
// first tap shows the definition and a second tap follows the link.
//
// handout serve updates a page in place after an edit and then sends
// "handout:update" (detail.root: the new content): each enhancement
// below takes up the elements it has not seen, once.
(function () {
  var tip = null;
  var current = null;
  var hideTimer = 0;
  var touched = null;

  function place(term) {
    var r = term.getBoundingClientRect();
    var width = Math.min(352, document.documentElement.clientWidth - 16);
    tip.style.maxWidth = width + "px";
    var left = Math.max(8, Math.min(r.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 8));
    tip.style.left = left + "px";
    tip.style.top = r.bottom + window.scrollY + 6 + "px";
  }

  function show(term) {
    clearTimeout(hideTimer);
    if (current && current !== term) current.removeAttribute("aria-describedby");
    current = term;
    tip.textContent = term.getAttribute("data-definition");
    tip.hidden = false;
    place(term);
    term.setAttribute("aria-describedby", tip.id);
  }

  function hide() {
    clearTimeout(hideTimer);
    tip.hidden = true;
    if (current) current.removeAttribute("aria-describedby");
    current = null;
    touched = null;
  }

  // Leaving a term for its tooltip must not close it: wait a moment.
  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(function () {
      if (current && (current === document.activeElement || current.matches(":hover") || tip.matches(":hover"))) return;
      hide();
    }, 300);
  }

  // makeTip adds the one tooltip to the page, with the listeners that
  // close it, the first time a term needs it.
  function makeTip() {
    tip = document.createElement("div");
    tip.id = "gloss-tip";
    tip.className = "gloss-tip";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    document.body.appendChild(tip);
    tip.addEventListener("pointerleave", hideSoon);
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && !tip.hidden) hide();
    });
    document.addEventListener("pointerdown", function (e) {
      if (current && e.target !== current && !tip.contains(e.target)) hide();
    });
    window.addEventListener("resize", function () { if (current) place(current); });
  }

  var seen = new WeakSet();
  function enhance(root) {
    root.querySelectorAll("a.gloss[data-definition]").forEach(function (term) {
      if (seen.has(term)) return;
      seen.add(term);
      if (!tip) makeTip();
      term.addEventListener("pointerenter", function (e) { if (e.pointerType !== "touch") show(term); });
      term.addEventListener("pointerleave", hideSoon);
      term.addEventListener("focus", function () { show(term); });
      term.addEventListener("blur", hideSoon);
      term.addEventListener("pointerdown", function (e) { if (e.pointerType === "touch") touched = touched === term ? term : null; });
      term.addEventListener("click", function (e) {
        if (touched === null && e.pointerType === "touch") {
          e.preventDefault();
          show(term);
          touched = term;
        }
      });
    });
  }
  enhance(document);
  document.addEventListener("handout:update", function (e) {
    if (current && !current.isConnected) hide();
    enhance(e.detail.root);
  });
})();

// Wide tables (package markdown/tablescroll): a table scrolls sideways in
// its region, which has tabindex="0" in the HTML so that a keyboard can
// scroll it with or without this script. While the table fits, the
// region leaves the tab order: a stop that scrolls nothing only slows a
// keyboard user down.
(function () {
  if (!window.ResizeObserver) return;
  function fit(region) {
    if (region.scrollWidth > region.clientWidth) region.setAttribute("tabindex", "0");
    else region.removeAttribute("tabindex");
  }
  var observer = new ResizeObserver(function (entries) {
    entries.forEach(function (e) { fit(e.target.closest(".table-scroll")); });
  });
  var seen = new WeakSet();
  function enhance(root) {
    root.querySelectorAll(".table-scroll").forEach(function (region) {
      if (seen.has(region)) return;
      seen.add(region);
      observer.observe(region);
      if (region.firstElementChild) observer.observe(region.firstElementChild);
    });
  }
  enhance(document);
  document.addEventListener("handout:update", function (e) { enhance(e.detail.root); });
})();

// Printing: the print button, which is hidden without this script (the
// page then offers its PDF leaflets, when it has them, as plain links);
// and the day a printed copy is printed on, written where the printed
// page says so (.printed-on), in the page's language, again as it is
// printed (a page left open overnight).
(function () {
  var seen = new WeakSet();
  function enhance(root) {
    root.querySelectorAll("[data-print]").forEach(function (button) {
      // Shown again: an update in place may have kept the button and
      // given it the served page's hidden attribute.
      button.hidden = false;
      if (seen.has(button)) return;
      seen.add(button);
      button.addEventListener("click", function () { window.print(); });
    });
  }
  function stamp() {
    // As the build writes dates (render.FormatDateIn): "en" is 1 October
    // 2026, "en-US" October 1, 2026.
    var lang = document.documentElement.lang || undefined;
    if (lang === "en") lang = "en-GB";
    var day = new Date().toLocaleDateString(lang, { day: "numeric", month: "long", year: "numeric" });
    document.querySelectorAll("[data-printed-on]").forEach(function (line) {
      line.textContent = line.getAttribute("data-printed-on").replace("{0}", day);
      line.hidden = false;
    });
  }
  enhance(document);
  stamp();
  window.addEventListener("beforeprint", stamp);
  document.addEventListener("handout:update", function (e) {
    enhance(e.detail.root);
    stamp();
  });
})();
