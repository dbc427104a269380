// handout search page: results as you type, from the static index that
// generator/search writes under search/. No dependency, no request outside
// the site, no eval or inline code (works under script-src 'self').
//
// The input is an ARIA combobox whose popup is the results listbox: Down
// and Up move through the results, Enter opens the chosen one (or searches
// at once), Escape clears. Each result is a link (<a href role=option>), so
// that a reader can open it in a new tab (Ctrl or Cmd and click, a middle
// click) or copy its address: clicks are the browser's own. A status region announces the number of
// results. Matching, in order of strength: the exact word, its plural or
// singular, a word it begins (the last word, as you type), and one typo in
// words of five letters or more (the first letter must be right).
// Ranking: title, then synonym, then summary, then body text.
//
// The words it writes are the page's: the JSON block #search-messages
// holds the search.js. strings of the theme's i18n files in the page's
// language, so that this one file serves every language.
"use strict";
(function () {
  var form = document.querySelector("[data-search-form]");
  var messages = document.getElementById("search-messages");
  if (!form || !messages || !window.fetch || !window.Map || !String.prototype.normalize) return;
  var M = JSON.parse(messages.textContent);
  var input = form.querySelector("input[name=q]");
  var box = document.querySelector("[data-search-results]");
  var status = box.querySelector("[data-search-status]");
  var list = box.querySelector("[data-search-list]");
  var more = box.querySelector("[data-search-more]");
  var hint = document.querySelector("[data-search-hint]");
  var azURL = box.getAttribute("data-search-az");
  var indexURL = new URL(form.getAttribute("data-search-index"), location.href).href;
  var siteURL = new URL("../", indexURL).href;

  var VERSION = 3;
  var PAGE = 10; // results shown at a time
  var MAX_EXPANSIONS = 12; // words a word being typed may stand for
  var MAX_WORDS = 8;
  // Field bits of a posting (see generator/search) and their weights.
  var TITLE = 1, SYNONYM = 2, SUMMARY = 4;
  var WEIGHT = { title: 16, synonym: 8, summary: 4, body: 1 };
  var EXACT = 1, PLURAL = 0.9, PREFIX = 0.45, TYPO = 0.4, TYPO_PREFIX = 0.25;

  // Folding: the same steps as generator/search.Fold.
  var FOLD = { "ß": "ss", "ς": "σ", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i" };
  var MARKS = /\p{Mn}/gu;
  var FOLDED = /[ßςæœøłđðþı]/g;
  var WORD = /[\p{L}\p{N}]/u;
  function fold(s) {
    return s.normalize("NFKD").toLowerCase().replace(MARKS, "").replace(FOLDED, function (c) { return FOLD[c]; });
  }

  // words splits folded text as generator/search.Tokens does: each word is
  // its runs of letters and digits, joined by - . / _ (apostrophes
  // dropped).
  function words(s) {
    var out = [], parts = [], run = "";
    var cs = Array.from(s);
    for (var i = 0; i < cs.length; i++) {
      var c = cs[i];
      var inside = i > 0 && i + 1 < cs.length && WORD.test(cs[i - 1]) && WORD.test(cs[i + 1]);
      if (WORD.test(c)) {
        run += c;
      } else if (inside && (c === "'" || c === "’")) {
        // "parkinson's": the run goes on.
      } else if (inside && "-‐‑./_".indexOf(c) >= 0) {
        if (run) parts.push(run);
        run = "";
      } else {
        if (run) parts.push(run);
        run = "";
        if (parts.length) out.push(parts);
        parts = [];
      }
    }
    if (run) parts.push(run);
    if (parts.length) out.push(parts);
    return out;
  }

  // terms are the words of a query: a compound is one term ("5-HT" is
  // "5ht"), with its parts kept in case the compound is unknown.
  function terms(query) {
    var ws = words(fold(query)).slice(0, MAX_WORDS);
    var typing = !/[\s\p{P}]$/u.test(query);
    return ws.map(function (parts, i) {
      return { text: parts.join(""), parts: parts, last: typing && i === ws.length - 1 };
    });
  }

  function shardKey(token) {
    var c = String.fromCodePoint(token.codePointAt(0));
    return /^[a-z0-9]$/.test(c) ? c : "u" + c.codePointAt(0).toString(16);
  }

  // Files are fetched once per page; a failed fetch may be tried again.
  // Every file but the manifest is named by its contents, so the browser
  // may keep it; the manifest, whose name stays, is checked each time.
  var files = new Map();
  function load(url, fresh) {
    if (!files.has(url)) {
      files.set(url, fetch(url, { credentials: "same-origin", cache: fresh ? "no-cache" : "default" }).then(function (r) {
        if (!r.ok) throw new Error(url + ": HTTP " + r.status);
        return r.json();
      }).catch(function (err) {
        files.delete(url);
        throw err;
      }));
    }
    return files.get(url);
  }
  function manifest() {
    return load(indexURL, true).then(function (m) {
      if (m.v !== VERSION) throw new Error("search index version " + m.v + ", expected " + VERSION);
      if (!m.base) {
        m.base = new URL("./", indexURL).href;
        // starts[i] is the number of the first document of card chunk i.
        m.starts = [];
        for (var i = 0, n = 0; i < m.s.length; n += m.s[i++]) m.starts.push(n);
      }
      return m;
    });
  }
  // vocabulary loads the vocabulary shard of a token's first character,
  // from the vocabulary file that holds it.
  function vocabulary(m, token) {
    var key = shardKey(token);
    if (!Object.prototype.hasOwnProperty.call(m.w, key)) return Promise.resolve(null);
    return load(m.base + "w/" + m.w[key] + ".json").then(function (file) { return file[key]; });
  }
  // loadCard loads document number id's result card, from its card chunk.
  function loadCard(m, id) {
    var lo = 0, hi = m.starts.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (m.starts[mid] <= id) lo = mid; else hi = mid - 1;
    }
    return load(m.base + "d/" + m.d[lo] + ".json").then(function (chunk) { return chunk[id - m.starts[lo]]; });
  }

  // Optimal string alignment distance, stopping early above 1.
  function withinOne(a, b) {
    if (Math.abs(a.length - b.length) > 1) return false;
    var prev2 = null, prev = [], cur;
    for (var j = 0; j <= b.length; j++) prev.push(j);
    for (var i = 1; i <= a.length; i++) {
      cur = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
        cur.push(d);
        best = Math.min(best, d);
      }
      if (best > 1) return false;
      prev2 = prev;
      prev = cur;
    }
    return prev[b.length] <= 1;
  }

  function plurals(w) {
    if (/\d/.test(w) || w.length < 3) return [];
    var out = [w + "s", w + "es"];
    if (/[^s]s$/.test(w)) out.push(w.slice(0, -1));
    if (/es$/.test(w)) out.push(w.slice(0, -2));
    if (/ies$/.test(w)) out.push(w.slice(0, -3) + "y");
    if (/[^aeiou]y$/.test(w)) out.push(w.slice(0, -1) + "ies");
    return out;
  }

  // quality says how well an indexed token answers a query term, 0 if not.
  // term.plurals and term.typos are worked out once per query (see
  // candidates).
  function quality(token, term) {
    var w = term.text;
    if (token === w) return EXACT;
    if (term.plurals.indexOf(token) >= 0) return PLURAL;
    if (term.last && w.length >= 2 && token.lastIndexOf(w, 0) === 0) return PREFIX;
    if (!term.typos) return 0;
    if (withinOne(token, w)) return TYPO;
    if (term.last && token.length > w.length) {
      for (var n = w.length - 1; n <= w.length + 1 && n < token.length; n++) {
        if (withinOne(token.slice(0, n), w)) return TYPO_PREFIX;
      }
    }
    return 0;
  }

  // candidates finds the indexed tokens a term may stand for: every exact,
  // plural and one-typo match, and the likeliest words it begins.
  function candidates(v, term) {
    var found = [];
    if (!v) return found;
    term.plurals = plurals(term.text);
    term.typos = term.text.length >= 5 && !/\d/.test(term.text);
    for (var i = 0; i < v.t.length; i++) {
      var q = quality(v.t[i], term);
      if (q) found.push({ token: v.t[i], q: q, df: v.d[i], best: v.b[i], file: v.f[v.p[i]] });
    }
    found.sort(function (a, b) { return b.q - a.q || b.best - a.best || b.df - a.df || (a.token < b.token ? -1 : 1); });
    var whole = found.filter(function (c) { return c.q !== PREFIX && c.q !== TYPO_PREFIX; });
    var begun = found.filter(function (c) { return c.q === PREFIX || c.q === TYPO_PREFIX; });
    return whole.concat(begun.slice(0, Math.max(0, MAX_EXPANSIONS - whole.length)));
  }

  function fieldOf(mask) {
    if (mask & TITLE) return WEIGHT.title;
    if (mask & SYNONYM) return WEIGHT.synonym;
    if (mask & SUMMARY) return WEIGHT.summary;
    return WEIGHT.body;
  }

  // resolve turns a term into its candidate tokens, trying the parts of an
  // unknown compound one by one.
  function resolve(m, term) {
    return vocabulary(m, term.text).then(function (v) {
      var cs = candidates(v, term);
      if (cs.length || term.parts.length < 2) return [{ term: term, cands: cs }];
      return Promise.all(term.parts.map(function (p, i) {
        var t = { text: p, parts: [p], last: term.last && i === term.parts.length - 1 };
        return vocabulary(m, p).then(function (pv) { return { term: t, cands: candidates(pv, t) }; });
      }));
    });
  }

  // search runs a query and returns the ranked documents.
  function search(query) {
    var ts = terms(query);
    if (!ts.length) return Promise.resolve(null);
    return manifest().then(function (m) {
      return Promise.all(ts.map(function (t) { return resolve(m, t); })).then(function (groups) {
        var resolved = [].concat.apply([], groups);
        var wanted = new Set();
        resolved.forEach(function (r) { r.cands.forEach(function (c) { wanted.add(c.file); }); });
        var names = Array.from(wanted);
        return Promise.all(names.map(function (n) { return load(m.base + "p/" + n + ".json"); })).then(function (posts) {
          var byFile = new Map();
          names.forEach(function (n, i) { byFile.set(n, posts[i]); });
          return rank(m, resolved, byFile);
        });
      });
    });
  }

  // rank scores every document for the known terms, in typed arrays: a
  // common word on a big site has a posting for nearly every document.
  function rank(m, resolved, byFile) {
    var known = resolved.filter(function (r) { return r.cands.length; });
    var unknown = resolved.filter(function (r) { return !r.cands.length; }).map(function (r) { return r.term.text; });
    var score = new Float64Array(m.n), count = new Uint8Array(m.n), best = new Float64Array(m.n);
    known.forEach(function (r) {
      best.fill(0);
      var matched = 0;
      r.cands.forEach(function (c) {
        var ps = byFile.get(c.file)[c.token] || [];
        for (var i = 0, doc = 0; i < ps.length; i += 2) {
          doc += ps[i];
          var s = c.q * fieldOf(ps[i + 1]);
          if (best[doc] === 0) matched++;
          if (s > best[doc]) best[doc] = s;
        }
      });
      var idf = Math.log(1 + m.n / Math.max(1, matched));
      for (var doc = 0; doc < m.n; doc++) {
        if (best[doc] > 0) {
          score[doc] += best[doc] * idf;
          count[doc]++;
        }
      }
    });
    var every = [], some = [];
    for (var doc = 0; doc < m.n; doc++) {
      if (count[doc] === known.length && known.length) every.push(doc);
      else if (count[doc]) some.push(doc);
    }
    var partial = every.length === 0 && known.length > 1;
    var docs = partial ? some : every;
    docs.sort(function (a, b) { return count[b] - count[a] || score[b] - score[a] || a - b; });
    return { docs: docs, partial: partial, unknown: unknown, known: known, byFile: byFile };
  }

  // details says, for the documents about to be shown, which tokens
  // matched, whether any matched the title, a synonym or the summary, and
  // how well each section matched (summed over the terms).
  function details(res, ids) {
    var out = new Map();
    ids.forEach(function (id) { out.set(id, { head: false, tokens: new Set(), sections: new Map() }); });
    res.known.forEach(function (r) {
      var where = new Map(); // doc -> (bit -> best quality for this term)
      r.cands.forEach(function (c) {
        var ps = res.byFile.get(c.file)[c.token] || [];
        for (var i = 0, doc = 0; i < ps.length; i += 2) {
          doc += ps[i];
          var d = out.get(doc);
          if (!d) continue;
          var mask = ps[i + 1];
          if (mask & (TITLE | SYNONYM | SUMMARY)) d.head = true;
          d.tokens.add(c.token);
          var bits = where.get(doc) || new Map();
          where.set(doc, bits);
          for (var bit = 3; bit < 30; bit++) {
            if (mask & (1 << bit)) bits.set(bit, Math.max(bits.get(bit) || 0, c.q));
          }
        }
      });
      where.forEach(function (bits, doc) {
        var d = out.get(doc);
        bits.forEach(function (q, bit) { d.sections.set(bit, (d.sections.get(bit) || 0) + q); });
      });
    });
    return out;
  }

  // section picks where to send the reader: the section that matched best,
  // when the match is only in the body text.
  function section(d, card) {
    if (d.head || !card.x) return null;
    var best = null, bestQ = 0;
    d.sections.forEach(function (q, bit) {
      if (q > bestQ || (q === bestQ && bit < best)) { best = bit; bestQ = q; }
    });
    if (best === null || best < 4 || !card.x[best - 4]) return null;
    return { id: card.x[best - 4][0], title: card.x[best - 4][1] };
  }

  // ---- The page's words ----

  var rules = null;
  try {
    rules = new Intl.PluralRules(document.documentElement.lang || "en");
  } catch (e) {
    // No Intl, or an odd lang: "one" is for 1 only.
  }

  // text returns a message, in its form for the count n if it has forms.
  function text(name, n) {
    var m = M[name];
    if (typeof m === "string") return m;
    return m[rules ? rules.select(n) : n === 1 ? "one" : "other"] || m.other;
  }

  // format fills the placeholders {0}, {1}, ... of a message with args.
  function format(msg, args) {
    return msg.replace(/\{(\d+)\}/g, function (p, i) { return +i < args.length ? String(args[+i]) : p; });
  }

  // write adds a message to el as text, its [text](url) links made
  // links; the placeholders are filled after the message is cut up, so an
  // argument (the query) cannot make a link. A link to anything but a web
  // page, mail or phone address stays text (the build refuses such a
  // string too).
  function write(el, msg, args) {
    var link = /\[([^\]]*)\]\(([^)]*)\)/g, last = 0, m;
    while ((m = link.exec(msg))) {
      el.append(format(msg.slice(last, m.index), args));
      var href = format(m[2], args), a = document.createElement("a");
      a.textContent = format(m[1], args);
      if (safeLink(href)) {
        a.setAttribute("href", href);
        el.append(a);
      } else {
        el.append(a.textContent);
      }
      last = link.lastIndex;
    }
    el.append(format(msg.slice(last), args));
  }

  // safeLink reports whether a browser reads href as a web page, mail or
  // phone address.
  function safeLink(href) {
    try {
      return /^(https?|mailto|tel):$/.test(new URL(href, location.href).protocol);
    } catch (e) {
      return false;
    }
  }

  // ---- The page ----

  var results = null, shown = 0, active = -1, seq = 0, timer = 0;

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");
  box.querySelector("[data-search-nojs]").hidden = true;
  if (hint) hint.hidden = false;

  function say(msg, args) {
    status.textContent = "";
    write(status, msg, args || []);
  }

  // options are the results, in order.
  function options() {
    return list.querySelectorAll("[role=option]");
  }

  function setActive(i, scroll) {
    var opts = options();
    if (active >= 0 && opts[active]) opts[active].setAttribute("aria-selected", "false");
    active = i;
    if (i < 0 || !opts[i]) {
      input.removeAttribute("aria-activedescendant");
      return;
    }
    opts[i].setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", opts[i].id);
    if (scroll) opts[i].scrollIntoView({ block: "nearest" });
  }

  function span(cls, content) {
    var s = document.createElement("span");
    s.className = cls;
    s.textContent = content;
    return s;
  }

  var KINDS = { term: text("kind_term"), page: text("kind_page") };

  // option makes a result: an item of the list holding a link that is
  // the listbox's option. Its accessible name is its whole text, as shown
  // (WCAG 2.5.3); the spaces between the parts keep words apart when a
  // screen reader reads it as one line. It is no tab stop: the arrow keys
  // reach it from the box.
  function option(d, card, n) {
    var li = document.createElement("li");
    li.setAttribute("role", "none");
    var a = document.createElement("a");
    a.id = "search-result-" + n;
    a.className = "search-result";
    a.setAttribute("role", "option");
    a.setAttribute("aria-selected", "false");
    a.tabIndex = -1;
    var sec = section(d, card);
    a.href = new URL(card.u, siteURL).href + (sec ? "#" + sec.id : "");
    a.append(span("search-result__title", card.t));
    if (KINDS[card.k]) a.append(" ", span("search-result__kind", KINDS[card.k]));
    var also = (card.a || []).filter(function (x) { return mentions(d, x); });
    if (also.length && !mentions(d, card.t)) a.append(" ", span("search-result__also", format(text("also"), [also.join(", ")])));
    if (sec) a.append(" ", span("search-result__section", format(text("section"), [sec.title])));
    a.append(" ", span("search-result__summary", card.s));
    li.append(a);
    return li;
  }

  // mentions reports whether a name has a token the query matched.
  function mentions(d, name) {
    return words(fold(name)).some(function (parts) {
      return parts.concat(parts.join("")).some(function (p) { return d.tokens.has(p); });
    });
  }

  // showMore renders the next page of results, once their cards are in.
  function showMore(run) {
    var page = results.docs.slice(shown, shown + PAGE);
    var info = details(results, page);
    return manifest().then(function (m) {
      return Promise.all(page.map(function (id) { return loadCard(m, id); }));
    }).then(function (cards) {
      if (run !== seq) return;
      cards.forEach(function (card, i) { list.append(option(info.get(page[i]), card, shown + i)); });
      shown += page.length;
      var left = results.docs.length - shown;
      more.hidden = left <= 0;
      more.textContent = format(text("more"), [left]);
    });
  }

  function render(query, res, run) {
    list.textContent = "";
    shown = 0;
    setActive(-1);
    results = res;
    var n = res ? res.docs.length : 0;
    input.setAttribute("aria-expanded", n ? "true" : "false");
    list.hidden = !n;
    more.hidden = true;
    if (!res) {
      say("");
      return Promise.resolve();
    }
    var quote = function (w) { return format(text("quote"), [w]); };
    var q = quote(query.trim());
    if (!n) {
      say(text("none"), [q, azURL]);
      return Promise.resolve();
    }
    return showMore(run).then(function () {
      if (run !== seq) return;
      if (res.partial) say(text("partial", n), [n]);
      else say(text("results", n), [n, q]);
      if (res.unknown.length) {
        status.append(" ");
        write(status, text("unknown"), [res.unknown.map(quote).join(", ")]);
      }
    });
  }

  function run(now) {
    clearTimeout(timer);
    var query = input.value;
    var go = function () {
      var id = ++seq;
      var params = new URLSearchParams(location.search);
      if (query.trim()) params.set("q", query); else params.delete("q");
      var qs = params.toString();
      history.replaceState(history.state, "", location.pathname + (qs ? "?" + qs : "") + location.hash);
      box.setAttribute("aria-busy", "true");
      search(query).then(function (res) {
        if (id === seq) return render(query, res, id);
      }).catch(function () {
        if (id === seq) {
          render(query, null, id);
          say(text("error"), [azURL]);
        }
      }).then(function () {
        if (id === seq) box.removeAttribute("aria-busy");
      });
    };
    if (now) go(); else timer = setTimeout(go, 80);
  }

  function open(i) {
    var opt = options()[i];
    if (opt) location.assign(opt.href);
  }

  input.addEventListener("input", function () { run(false); });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    if (active >= 0) open(active); else run(true);
  });
  input.addEventListener("keydown", function (e) {
    var n = options().length;
    if (e.key === "ArrowDown" && n) {
      e.preventDefault();
      setActive(active + 1 < n ? active + 1 : 0, true);
    } else if (e.key === "ArrowUp" && n) {
      e.preventDefault();
      setActive(active > 0 ? active - 1 : n - 1, true);
    } else if (e.key === "Escape") {
      if (active >= 0) {
        setActive(-1);
      } else if (input.value) {
        input.value = "";
        run(true);
      }
      e.preventDefault();
    }
  });
  list.addEventListener("mousemove", function (e) {
    var opt = e.target.closest("[role=option]");
    var i = opt ? Array.prototype.indexOf.call(options(), opt) : -1;
    if (i >= 0 && i !== active) setActive(i);
  });
  // After "Show more", the first new result is the active one, and focus
  // goes back to the box (the button may be gone), where the arrow keys
  // go on from there.
  more.addEventListener("click", function () {
    var first = shown, run = seq;
    showMore(run).then(function () {
      if (run !== seq) return;
      input.focus();
      setActive(first, true);
    });
  });

  // Start fetching the manifest now: the first query needs it.
  manifest().catch(function () {});
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) {
    input.value = initial;
    input.focus();
    run(true);
  }
})();
