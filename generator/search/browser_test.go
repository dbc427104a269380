package search_test

import (
	"context"
	"encoding/json"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/emulation"
	cdpinput "github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/rogpeppe/go-internal/txtar"

	"github.com/handout-health/handout/generator/internal/browsertest"
	"github.com/handout-health/handout/generator/output"
	"github.com/handout-health/handout/generator/site"
)

// testNow is the fixed "today" of the builds.
var testNow = time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)

// csp is the strict policy the pages are served with: search must work
// under it.
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'"

// buildSite builds a site into a new folder and returns the folder.
func buildSite(t testing.TB, fsys fs.FS) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	w, err := output.NewDir(out)
	if err != nil {
		t.Fatal(err)
	}
	res, err := site.Build(fsys, site.Options{Writer: w, Now: testNow, Version: "test"})
	if err != nil {
		_ = w.Abort()
		t.Fatalf("%v\n%s", err, res.Diagnostics.Errors())
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	return out
}

func txtarSite(t testing.TB, name string) fstest.MapFS {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return fsys
}

// host serves a built site under a base path with the strict CSP, and
// records the paths it is asked for.
type host struct {
	mu    sync.Mutex
	paths []string
	h     http.Handler
}

func newHost(dir, basePath string) *host {
	h := &host{}
	h.h = http.StripPrefix(strings.TrimSuffix(basePath, "/"), browsertest.StaticHost(dir))
	return h
}

func (h *host) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.mu.Lock()
	h.paths = append(h.paths, r.URL.Path)
	h.mu.Unlock()
	w.Header().Set("Content-Security-Policy", csp)
	h.h.ServeHTTP(w, r)
}

// take returns the paths asked for since the last take.
func (h *host) take() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	p := h.paths
	h.paths = nil
	return p
}

// tab is a browser tab that records every request and CSP violation.
type tab struct {
	ctx      context.Context
	mu       sync.Mutex
	requests []string
}

func newTab(t *testing.T) *tab {
	t.Helper()
	tb := &tab{}
	tb.ctx = browsertest.New(t, browsertest.WithListener(func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			tb.mu.Lock()
			tb.requests = append(tb.requests, e.Request.URL)
			tb.mu.Unlock()
		}
	}))
	_, err := chromedp.Call(tb.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `window.__csp = []; document.addEventListener("securitypolicyviolation", e => window.__csp.push(e.violatedDirective + " " + e.blockedURI + " " + e.sourceFile + ":" + e.lineNumber));`,
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(tb.ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
		t.Fatal(err)
	}
	return tb
}

// offSite returns the requests that did not go to origin.
func (tb *tab) offSite(origin string) []string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	var out []string
	for _, u := range tb.requests {
		if !strings.HasPrefix(u, origin+"/") && !strings.HasPrefix(u, "data:") {
			out = append(out, u)
		}
	}
	return out
}

func (tb *tab) count() int {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return len(tb.requests)
}

// result is one result as the page shows it.
type result struct {
	Title, Kind, Also, Section, Summary, Href string
	Selected                                  bool
}

const readResults = `Array.from(document.querySelectorAll("[data-search-list] [role=option]")).map(li => {
	const text = c => { const e = li.querySelector(c); return e ? e.textContent : ""; };
	return {Title: text(".search-result__title"), Kind: text(".search-result__kind"), Also: text(".search-result__also"),
		Section: text(".search-result__section"), Summary: text(".search-result__summary"),
		Href: li.getAttribute("href"), Selected: li.getAttribute("aria-selected") === "true"};
})`

// js quotes s as a JavaScript string.
func js(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// waitFor waits until the status speaks of query q.
func waitFor(ctx context.Context, q string) error {
	return chromedp.Do(ctx, chromedp.Poll[chromedp.Void](
		`document.querySelector("[data-search-status]").textContent.includes("“" + `+js(strings.TrimSpace(q))+` + "”") && !document.querySelector("[data-search-results]").hasAttribute("aria-busy")`,
		chromedp.WithPollingTimeout(15*time.Second)))
}

// typeQuery opens the search page, types q key by key and returns the
// results and the status once the status speaks of q.
func typeQuery(t *testing.T, tb *tab, base, q string) ([]result, string) {
	t.Helper()
	start := time.Now()
	defer func() { t.Logf("%q took %v", q, time.Since(start)) }()
	if err := chromedp.Do(tb.ctx,
		chromedp.Navigate(base+"search/"),
		chromedp.WaitVisible(chromedp.CSS(`#search-page-input[role=combobox]`)),
		chromedp.SendKeys(chromedp.ID("search-page-input"), q),
	); err != nil {
		t.Fatal(err)
	}
	if err := waitFor(tb.ctx, q); err != nil {
		st, _ := chromedp.Run(tb.ctx, chromedp.Text(chromedp.CSS("[data-search-status]")))
		t.Fatalf("query %q: no results shown: %v (status %q)", q, err, st)
	}
	return readPage(t, tb)
}

func readPage(t *testing.T, tb *tab) ([]result, string) {
	t.Helper()
	res, err := chromedp.Run(tb.ctx, chromedp.Evaluate[[]result](readResults))
	if err != nil {
		t.Fatal(err)
	}
	st, err := chromedp.Run(tb.ctx, chromedp.Text(chromedp.CSS("[data-search-status]")))
	if err != nil {
		t.Fatal(err)
	}
	return res, st
}

// axNode returns the role and accessible name that Chromium gives
// the element matching css.
func axNode(t *testing.T, tb *tab, css string) (role, name string) {
	t.Helper()
	nodes, err := chromedp.Run(tb.ctx, chromedp.Nodes(chromedp.CSS(css)))
	if err != nil {
		t.Fatal(err)
	}
	res, err := chromedp.Call(tb.ctx, accessibility.GetPartialAXTree, accessibility.GetPartialAXTreeParams{BackendNodeID: nodes[0].BackendNodeID, FetchRelatives: new(false)})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range res.Nodes {
		if n.BackendDOMNodeID != nodes[0].BackendNodeID {
			continue
		}
		if n.Role != nil {
			_ = json.Unmarshal(n.Role.Value, &role)
		}
		if n.Name != nil {
			_ = json.Unmarshal(n.Name.Value, &name)
		}
	}
	return role, name
}

func titles(rs []result) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Title
	}
	return out
}

// TestSearchSample types the patients' kinds of query into the search
// page of the sample library, served under a strict CSP.
func TestSearchSample(t *testing.T) {
	browsertest.Require(t)
	dir := buildSite(t, os.DirFS("../.."))
	base := browsertest.Serve(t, newHost(dir, "/"))
	site := base + "/"
	tb := newTab(t)

	tests := []struct {
		name, query string
		first       string // the first result's title
		href        string // its address, relative to the site
		also        string // its "Also called" line
		section     string // its "In the section" line
		kind        string // its kind label ("" for an article)
		second      string // the second result's title, when it matters
	}{
		{name: "exact title", query: "Dopamine", first: "Dopamine", href: "articles/dopamine/"},
		{name: "synonym", query: "5-HT", first: "Serotonin", href: "articles/serotonin/", also: "Also called 5-HT."},
		{name: "prefix", query: "seroto", first: "Serotonin", second: "Serotonin syndrome", href: "articles/serotonin/"},
		{name: "typo", query: "seretonin", first: "Serotonin", href: "articles/serotonin/"},
		{name: "section only", query: "packed", first: "Serotonin", href: "articles/serotonin/#context", section: "In the section “What it is”."},
		// A trailing space ends the word: no prefix match, only plurals.
		{name: "singular", query: "branch ", first: "Dopamine", href: "articles/dopamine/#context", section: "In the section “What it is”."},
		{name: "two words", query: "serotonin levels", first: "Serotonin", href: "articles/serotonin/"},
		{name: "glossary term", query: "reuptake", first: "Reuptake", href: "glossary/reuptake/", kind: "Glossary"},
		{name: "case and spaces", query: "  DOPAMINE ", first: "Dopamine", href: "articles/dopamine/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs, status := typeQuery(t, tb, site, tt.query)
			if len(rs) == 0 {
				t.Fatalf("%q: no results; status %q", tt.query, status)
			}
			got := rs[0]
			if got.Title != tt.first {
				t.Fatalf("%q: first result %q, want %q; all: %q", tt.query, got.Title, tt.first, titles(rs))
			}
			if got.Href != site+tt.href {
				t.Errorf("%q: result links to %s, want %s", tt.query, got.Href, site+tt.href)
			}
			if got.Also != tt.also {
				t.Errorf("%q: also-called line %q, want %q", tt.query, got.Also, tt.also)
			}
			if got.Kind != tt.kind {
				t.Errorf("%q: kind label %q, want %q", tt.query, got.Kind, tt.kind)
			}
			if got.Section != tt.section {
				t.Errorf("%q: section line %q, want %q", tt.query, got.Section, tt.section)
			}
			if got.Summary == "" {
				t.Errorf("%q: result has no summary", tt.query)
			}
			if tt.second != "" && (len(rs) < 2 || rs[1].Title != tt.second) {
				t.Errorf("%q: results %q, want %q second", tt.query, titles(rs), tt.second)
			}
			role, name := axNode(t, tb, "#search-result-0")
			if role != "option" || !strings.Contains(name, got.Title) || !strings.Contains(name, got.Summary) || !strings.Contains(name, got.Section) || !strings.Contains(name, got.Also) {
				t.Errorf("%q: the first result is a %q named %q; want an option named by all its visible text", tt.query, role, name)
			}
			if !strings.Contains(status, "result") {
				t.Errorf("%q: status %q does not count the results", tt.query, status)
			}
		})
	}

	t.Run("no results", func(t *testing.T) {
		rs, status := typeQuery(t, tb, site, "xylophone")
		if len(rs) != 0 {
			t.Fatalf("results for a word in no page: %q", titles(rs))
		}
		if !strings.Contains(status, "No results for “xylophone”") || !strings.Contains(status, "Check the spelling") {
			t.Errorf("status %q does not help", status)
		}
		href, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`document.querySelector("[data-search-status] a").getAttribute("href")`))
		if err != nil || href != "/#a-to-z" {
			t.Errorf("no-results message links to %q (%v), want the A to Z /#a-to-z", href, err)
		}
		expanded, _ := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`document.getElementById("search-page-input").getAttribute("aria-expanded")`))
		if expanded != "false" {
			t.Errorf("aria-expanded = %q with no results, want false", expanded)
		}
	})

	t.Run("keyboard", func(t *testing.T) {
		rs, _ := typeQuery(t, tb, site, "seroto")
		if len(rs) < 2 {
			t.Fatalf("want at least 2 results, got %q", titles(rs))
		}
		state := func() (string, []result) {
			ad, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`document.getElementById("search-page-input").getAttribute("aria-activedescendant") || ""`))
			if err != nil {
				t.Fatal(err)
			}
			rs, _ := readPage(t, tb)
			return ad, rs
		}
		steps := []struct {
			key      string
			active   string
			selected int
		}{
			{kb.ArrowDown, "search-result-0", 0},
			{kb.ArrowDown, "search-result-1", 1},
			{kb.ArrowUp, "search-result-0", 0},
			{kb.ArrowUp, "search-result-" + strconv.Itoa(len(rs)-1), len(rs) - 1},
			{kb.ArrowDown, "search-result-0", 0},
		}
		for i, s := range steps {
			if err := chromedp.Do(tb.ctx, chromedp.KeyEvent(s.key)); err != nil {
				t.Fatal(err)
			}
			ad, rs := state()
			if ad != s.active {
				t.Fatalf("step %d: aria-activedescendant %q, want %q", i, ad, s.active)
			}
			for j, r := range rs {
				if r.Selected != (j == s.selected) {
					t.Fatalf("step %d: result %d aria-selected=%v", i, j, r.Selected)
				}
			}
		}
		focused, _ := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`document.activeElement.id`))
		if focused != "search-page-input" {
			t.Errorf("focus moved to %q; it stays in the box", focused)
		}
		if _, err := chromedp.Run(tb.ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.KeyEvent(kb.Enter))); err != nil {
			t.Fatalf("Enter did not open the chosen result: %v", err)
		}
		loc, err := chromedp.Run(tb.ctx, chromedp.Location())
		if err != nil {
			t.Fatal(err)
		}
		if loc != site+"articles/serotonin/" {
			t.Errorf("Enter opened %s", loc)
		}
	})

	t.Run("escape and show more", func(t *testing.T) {
		rs, status := typeQuery(t, tb, site, "serotonin")
		n, err := strconv.Atoi(strings.Fields(status)[0])
		if err != nil || n <= 10 || len(rs) != 10 {
			t.Fatalf("want the first 10 of more than 10 results, got %d (status %q)", len(rs), status)
		}
		more, err := chromedp.Run(tb.ctx, chromedp.Text(chromedp.CSS("[data-search-more]")))
		if want := "Show more results (" + strconv.Itoa(n-10) + " more)"; err != nil || more != want {
			t.Fatalf("show-more button %q (%v), want %q", more, err, want)
		}
		if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS("[data-search-more]")),
			chromedp.Poll[chromedp.Void](`document.querySelectorAll("[role=option]").length > 10`)); err != nil {
			t.Fatal(err)
		}
		if rs, _ := readPage(t, tb); len(rs) != min(n, 20) {
			t.Fatalf("after show more: %d results, want %d", len(rs), min(n, 20))
		}
		type box struct{ Active, Value, Expanded, Focused string }
		const read = `(i => ({Active: i.getAttribute("aria-activedescendant") || "", Value: i.value,
			Expanded: i.getAttribute("aria-expanded"), Focused: document.activeElement.id}))(document.getElementById("search-page-input"))`
		if b, _ := chromedp.Run(tb.ctx, chromedp.Evaluate[box](read)); b != (box{"search-result-10", "serotonin", "true", "search-page-input"}) {
			t.Errorf("after show more: %+v; want focus in the box, on the first new result", b)
		}
		if err := chromedp.Do(tb.ctx, chromedp.KeyEvent(kb.Escape)); err != nil {
			t.Fatal(err)
		}
		if b, _ := chromedp.Run(tb.ctx, chromedp.Evaluate[box](read)); b != (box{"", "serotonin", "true", "search-page-input"}) {
			t.Errorf("after Escape: %+v; want no active result, the query kept", b)
		}
		if err := chromedp.Do(tb.ctx, chromedp.KeyEvent(kb.Escape)); err != nil {
			t.Fatal(err)
		}
		if b, _ := chromedp.Run(tb.ctx, chromedp.Evaluate[box](read)); b != (box{"", "", "false", "search-page-input"}) {
			t.Errorf("after a second Escape: %+v; want the box emptied and the list closed", b)
		}
		if rs, _ := readPage(t, tb); len(rs) != 0 {
			t.Errorf("after a second Escape: %d results still shown", len(rs))
		}
	})

	t.Run("a result is a link that opens in a new tab", func(t *testing.T) {
		rs, _ := typeQuery(t, tb, site, "packed")
		if len(rs) == 0 || rs[0].Href != site+"articles/serotonin/#context" {
			t.Fatalf("results %+v, want a link to articles/serotonin/#context first", rs)
		}
		tag, _ := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`(a => a.tagName + " " + a.tabIndex + " " + a.parentElement.getAttribute("role"))(document.getElementById("search-result-0"))`))
		if tag != "A -1 none" {
			t.Errorf("the first result is %q, want a link (A) out of the tab order in an item of role none", tag)
		}
		// The page prevents no click: the browser's own handling opens a
		// new tab. Recorded after every handler of the page has run.
		if _, err := chromedp.Run(tb.ctx, chromedp.Evaluate[bool](`window.__prevented = [];
			for (const type of ["click", "auxclick"]) window.addEventListener(type, e => { window.__prevented.push(type + " " + e.button + " " + e.defaultPrevented); });
			true`)); err != nil {
			t.Fatal(err)
		}
		for _, click := range []struct {
			name string
			opts []chromedp.MouseOption
		}{
			{"Ctrl and click", []chromedp.MouseOption{chromedp.ButtonModifiers(kb.ModifierCtrl)}},
			{"middle click", []chromedp.MouseOption{chromedp.ButtonType(cdpinput.MouseButtonMiddle)}},
		} {
			// A tab opened this way has no opener (chromedp.WaitNewTarget
			// waits for one that has): the browser's events tell.
			listen, stop := context.WithCancel(tb.ctx)
			opened := make(chan string, 4)
			chromedp.ListenBrowser(listen, func(ev any) {
				if e, ok := ev.(*target.EventTargetCreated); ok && e.TargetInfo.Type == "page" {
					select {
					case opened <- e.TargetInfo.URL:
					default:
					}
				}
			})
			nodes, err := chromedp.Run(tb.ctx, chromedp.Nodes(chromedp.ID("search-result-0")))
			if err != nil {
				t.Fatal(err)
			}
			if err := chromedp.Do(tb.ctx, chromedp.MouseClickNode(nodes[0], click.opts...)); err != nil {
				t.Fatal(err)
			}
			select {
			case u := <-opened:
				if u != rs[0].Href {
					t.Errorf("%s on the first result opened a tab at %s, want %s", click.name, u, rs[0].Href)
				}
			case <-time.After(10 * time.Second):
				t.Errorf("%s on the first result opened no tab", click.name)
			}
			stop()
			if loc, _ := chromedp.Run(tb.ctx, chromedp.Location()); !strings.HasPrefix(loc, site+"search/") {
				t.Errorf("%s left the search page for %s; the result should open in a new tab", click.name, loc)
			}
		}
		prevented, _ := chromedp.Run(tb.ctx, chromedp.Evaluate[[]string](`window.__prevented`))
		if len(prevented) == 0 {
			t.Error("no click was recorded")
		}
		for _, p := range prevented {
			if strings.HasSuffix(p, " true") {
				t.Errorf("the page prevented a click's default (%s)", p)
			}
		}
	})

	t.Run("section link opens the section", func(t *testing.T) {
		typeQuery(t, tb, site, "packed")
		if _, err := chromedp.Run(tb.ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Click(chromedp.CSS("#search-result-0")))); err != nil {
			t.Fatalf("clicking the result opened nothing: %v", err)
		}
		if loc, _ := chromedp.Run(tb.ctx, chromedp.Location()); loc != site+"articles/serotonin/#context" {
			t.Errorf("clicking the result opened %s, want the section articles/serotonin/#context", loc)
		}
	})

	t.Run("query in the address", func(t *testing.T) {
		// The header box of every page submits to search/?q=.
		// The consent banner, which this site has, is shown on the first
		// visit: TestSearchAccents checks layout shifts on a site without.
		if err := chromedp.Do(tb.ctx, chromedp.Navigate(site+"articles/dopamine/")); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Run(tb.ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.SendKeys(chromedp.ID("site-search"), "melatonin\n"))); err != nil {
			t.Fatal(err)
		}
		if err := waitFor(tb.ctx, "melatonin"); err != nil {
			t.Fatalf("the header search did not show results: %v", err)
		}
		rs, _ := readPage(t, tb)
		if len(rs) == 0 || rs[0].Title != "Melatonin" {
			t.Errorf("results %q, want Melatonin first", titles(rs))
		}
	})

	t.Run("no request leaves the site, no CSP violation", func(t *testing.T) {
		if tb.count() == 0 {
			t.Fatal("no request was recorded: the listener does not work")
		}
		if off := tb.offSite(base); len(off) > 0 {
			t.Errorf("requests outside the site: %q", off)
		}
		violations, err := chromedp.Run(tb.ctx, chromedp.Evaluate[[]string](`window.__csp`))
		if err != nil {
			t.Fatal(err)
		}
		if len(violations) > 0 {
			t.Errorf("CSP violations: %q", violations)
		}
	})
}

// TestSearchWithoutJavaScript checks that the search page says that it
// needs JavaScript and leads to the A to Z.
func TestSearchWithoutJavaScript(t *testing.T) {
	browsertest.Require(t)
	dir := buildSite(t, txtarSite(t, "accents.txtar"))
	base := browsertest.Serve(t, newHost(dir, "/library/"))
	tb := newTab(t)
	if _, err := chromedp.Call(tb.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(tb.ctx, chromedp.Navigate(base+"/library/search/?q=caffeine")); err != nil {
		t.Fatal(err)
	}
	type view struct {
		NoJS, Hint, List bool
		Links            []string
		Role             string
	}
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[view](`(() => {
		const shown = sel => { const e = document.querySelector(sel); return !!e && e.getClientRects().length > 0; };
		return {NoJS: shown("[data-search-nojs]"), Hint: shown("[data-search-hint]"), List: shown("[data-search-list]"),
			Links: Array.from(document.querySelectorAll("[data-search-nojs] a")).map(a => a.getAttribute("href")),
			Role: document.getElementById("search-page-input").getAttribute("role") || ""};
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	if !v.NoJS || v.Hint || v.List {
		t.Errorf("without JavaScript: message shown %v, hint shown %v, list shown %v; want only the message", v.NoJS, v.Hint, v.List)
	}
	if len(v.Links) == 0 || v.Links[0] != "/library/#a-to-z" {
		t.Errorf("the message links to %q, want the A to Z first", v.Links)
	}
	if v.Role != "" {
		t.Errorf("without JavaScript the box claims role %q", v.Role)
	}
}

// TestSearchAccents checks diacritic folding, in both directions, on a
// site under a sub-path.
func TestSearchAccents(t *testing.T) {
	browsertest.Require(t)
	dir := buildSite(t, txtarSite(t, "accents.txtar"))
	base := browsertest.Serve(t, newHost(dir, "/library/"))
	site := base + "/library/"
	tb := newTab(t)
	tests := []struct{ query, first, href string }{
		{"meniere", "Ménière's disease", "articles/menieres-disease/"},
		{"Ménière", "Ménière's disease", "articles/menieres-disease/"},
		{"MENIÈRES", "Ménière's disease", "articles/menieres-disease/"},
		{"cafe", "Caffeine", "articles/caffeine/#risk"},
		{"sjogren", "Sjögren's syndrome", "articles/sjogrens-syndrome/"},
		{"sjögrens", "Sjögren's syndrome", "articles/sjogrens-syndrome/"},
	}
	for _, tt := range tests {
		rs, status := typeQuery(t, tb, site, tt.query)
		if len(rs) == 0 || rs[0].Title != tt.first || rs[0].Href != site+tt.href {
			t.Errorf("%q: results %+v (status %q), want %q at %s first", tt.query, rs, status, tt.first, tt.href)
		}
	}

	// Results shown on arrival, with no input to excuse a shift, must not
	// move anything.
	if err := chromedp.Do(tb.ctx, chromedp.Navigate(site+"search/?q=caffeine")); err != nil {
		t.Fatal(err)
	}
	if err := waitFor(tb.ctx, "caffeine"); err != nil {
		t.Fatal(err)
	}
	type shift struct {
		Value   float64
		Sources []string
	}
	shifts, err := chromedp.Run(tb.ctx, chromedp.Evaluate[[]shift](`new Promise(done => {
		const out = [];
		const where = s => (s.node && s.node.nodeType === 1 ? s.node.outerHTML : String(s.node && s.node.textContent)).slice(0, 80) +
			" " + JSON.stringify(s.previousRect) + " -> " + JSON.stringify(s.currentRect);
		new PerformanceObserver(list => {
			for (const e of list.getEntries()) {
				if (!e.hadRecentInput) out.push({Value: e.value, Sources: e.sources.map(where)});
			}
		}).observe({type: "layout-shift", buffered: true});
		setTimeout(() => done(out), 100);
	})`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if len(shifts) > 0 {
		t.Errorf("the search page shifted its layout while showing results: %+v", shifts)
	}
}
