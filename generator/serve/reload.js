// handout serve: reloads the page when the site is rebuilt, keeping the
// scroll position; swaps the stylesheet when only CSS changed; shows a
// failed build's errors over the page until the next good build.
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

  var source = new EventSource("/__handout/events");
  // Tests (and curious editors) can see that the page is live.
  source.addEventListener("open", function () { window.handoutLive = true; });
  source.addEventListener("reload", function () {
    sessionStorage.setItem(key, String(window.scrollY));
    location.reload();
  });
  source.addEventListener("css", function (e) {
    var href = e.data;
    var name = href.replace(/\.[0-9a-f]+\.css$/, "");
    document.querySelectorAll('link[rel="stylesheet"]').forEach(function (link) {
      if (link.getAttribute("href").replace(/\.[0-9a-f]+\.css$/, "") === name) link.setAttribute("href", href);
    });
  });
  source.addEventListener("errors", function (e) { overlay(JSON.parse(e.data)); });
  source.addEventListener("ok", function () {
    var box = document.getElementById("handout-errors");
    if (box) box.remove();
  });
})();
