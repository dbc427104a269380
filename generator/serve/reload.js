// handout serve: updates the page when the site is rebuilt; swaps the
// stylesheet when only CSS changed; shows a failed build's errors over the
// page until the next good build.
//
// An update fetches the page again and, when only its <main> changed,
// morphs the new <main> into the old one (idiomorph), so that the scroll
// position, focus and the state of everything else stay as they are, and
// tells the site's scripts with a "handout:update" event on document
// (detail.root: the new <main>) so that they enhance what is new. It
// reloads the whole page instead, keeping the scroll position, when
// anything outside <main> changed (the head, the header, the menus, the
// footer), when the page has elements a script owns the state of (gated
// elements of the consent banner, the search page's results), or when the
// page cannot be fetched.
"use strict";
(function () {
  var key = "handout-scroll:" + location.pathname;
  var saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    var y = parseInt(saved, 10);
    var restore = function () { window.scrollTo({ top: y, left: 0, behavior: "instant" }); };
    restore();
    window.addEventListener("load", restore);
  }

  // The overlay is styled through the CSSOM (element.style), which the
  // site's Content-Security-Policy does not govern, unlike a style
  // attribute in markup or a <style> element: it shows under the policy
  // the preview sends, whatever style-src says.
  function overlay(messages) {
    var box = document.getElementById("handout-errors");
    if (!box) {
      box = document.createElement("div");
      box.id = "handout-errors";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.94);color:#fff;font:16px/1.5 ui-monospace,Menlo,Consolas,monospace;padding:2rem";
      document.body.appendChild(box);
    }
    box.textContent = "";
    var title = document.createElement("h2");
    title.textContent = "The site did not build. Fix these and save:";
    title.style.cssText = "font:bold 1.3rem system-ui,sans-serif;color:#ffbf47;margin:0 0 1rem";
    box.appendChild(title);
    var list = document.createElement("ul");
    list.style.cssText = "margin:0;padding-left:1.2rem";
    messages.forEach(function (m) {
      var li = document.createElement("li");
      li.textContent = m;
      list.appendChild(li);
    });
    box.appendChild(list);
  }

  function reload() {
    sessionStorage.setItem(key, String(window.scrollY));
    location.reload();
  }

  // fetchPage fetches this page as the server has it now.
  function fetchPage() {
    return fetch(location.href, { cache: "no-store", credentials: "same-origin" }).then(function (r) {
      if (!r.ok || !/^text\/html/.test(r.headers.get("Content-Type") || "")) throw new Error("status " + r.status);
      return r.text();
    }).then(function (html) {
      return new DOMParser().parseFromString(html, "text/html");
    });
  }

  // shellOf is a served page without its <main>'s content and without the
  // preview's scripts: what an update in place leaves as it is.
  function shellOf(doc) {
    var copy = doc.documentElement.cloneNode(true);
    var main = copy.querySelector("main");
    if (main) main.textContent = "";
    copy.querySelectorAll('script[src^="/__handout/"]').forEach(function (s) { s.remove(); });
    return copy.outerHTML;
  }

  // owned reports whether a <main> holds elements whose state a script
  // keeps, which a morph to the served markup would undo.
  function owned(main) {
    return !!main.querySelector("[data-consent], [data-search-list]");
  }

  // shell is the shell of the page as served when it was loaded (or last
  // updated): fetched once, after the page loaded.
  var shell = null;
  var shellRead = new Promise(function (resolve) {
    var read = function () {
      fetchPage().then(function (doc) { shell = shellOf(doc); }, function () {}).then(resolve);
    };
    if (document.readyState === "complete") read();
    else window.addEventListener("load", read);
  });

  function update() {
    if (!window.Idiomorph) {
      reload();
      return Promise.resolve();
    }
    return shellRead.then(fetchPage).then(function (doc) {
      var main = document.querySelector("main");
      var next = doc.querySelector("main");
      if (shell === null || shellOf(doc) !== shell || !main || !next || owned(main) || owned(next)) {
        reload();
        return;
      }
      window.Idiomorph.morph(main, next, { morphStyle: "outerHTML", restoreFocus: true });
      main = document.querySelector("main");
      document.dispatchEvent(new CustomEvent("handout:update", { detail: { root: main } }));
      // Tests (and curious editors) can count the updates made in place.
      window.handoutUpdates = (window.handoutUpdates || 0) + 1;
    }).catch(reload);
  }

  var source = new EventSource("/__handout/events");
  // Tests (and curious editors) can see that the page is live.
  source.addEventListener("open", function () { window.handoutLive = true; });
  // Updates run one after another, each on the page the last one left.
  var updating = Promise.resolve();
  source.addEventListener("reload", function () { updating = updating.then(update); });
  source.addEventListener("css", function (e) {
    var href = e.data;
    var name = href.replace(/\.[0-9a-f]+\.css$/, "");
    document.querySelectorAll('link[rel="stylesheet"]').forEach(function (link) {
      if (link.getAttribute("href").replace(/\.[0-9a-f]+\.css$/, "") === name) link.setAttribute("href", href);
    });
    // The served head names the new stylesheet now.
    updating = updating.then(fetchPage).then(function (doc) { shell = shellOf(doc); }, function () { shell = null; });
  });
  source.addEventListener("errors", function (e) { overlay(JSON.parse(e.data)); });
  source.addEventListener("ok", function () {
    var box = document.getElementById("handout-errors");
    if (box) box.remove();
  });
})();
