package consent_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/storage"
	"github.com/chromedp/chromedp"

	"github.com/handout-health/handout/generator/internal/browsertest"
	"github.com/handout-health/handout/generator/output"
	"github.com/handout-health/handout/generator/site"
)

// The browser tests build a variant of the sample site (the repository
// root) that gates real cross-origin content: site.yaml's consent.scripts
// load analytics.js and marketing.js from a "tracker" server on another
// port of 127.0.0.1, and the page /clinic-video/ holds a gated iframe, a
// gated pixel and a gated inline script. The tracker records every request
// it gets, with the browser's Sec-Fetch-Dest, and answers with no-store so
// that a cache can never hide a request. The tab records every request the
// browser sends (Network.requestWillBeSent).

// repoRoot is the sample site, relative to this package.
const repoRoot = "../.."

// videoPage is the test page with the gated iframe, pixel and inline script.
const videoPage = "clinic-video/"

// declaredCookies are the cookies the tracker scripts set: each matches a
// name or prefix that the sample site.yaml declares for its category.
var declaredCookies = []string{"_pk_id.1", "_ga", "_fbp", "ads_session"}

// tracker is the third party: it serves the gated scripts, frame and pixel
// to every subtest. It files each request under the origin of its Referer,
// which is the subtest's own site server.
type tracker struct {
	URL  string
	mu   sync.Mutex
	hits map[string][]string // referring origin -> "DEST /path", such as "script /analytics.js"
}

const (
	analyticsJS = `document.cookie = "_pk_id.1=visitor; path=/"; document.cookie = "_ga=GA1.1.42; path=/"; window.analyticsRan = (window.analyticsRan || 0) + 1;`
	// ads_session has no path: the browser scopes it to the page's folder,
	// which withdrawal must still find.
	marketingJS = `document.cookie = "_fbp=fb.1.42; path=/"; document.cookie = "ads_session=1"; window.marketingRan = (window.marketingRan || 0) + 1;`
	frameHTML   = `<!DOCTYPE html><title>Clinic video</title><p id="video">A video tour of the clinic.</p>`
)

// pixelGIF is a 1x1 transparent GIF.
var pixelGIF = []byte("GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")

func newTracker(t *testing.T) *tracker {
	tr := &tracker{hits: map[string][]string{}}
	tr.URL = browsertest.Serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		from := ""
		if u, err := url.Parse(r.Referer()); err == nil && u.Host != "" {
			from = u.Scheme + "://" + u.Host
		}
		tr.mu.Lock()
		tr.hits[from] = append(tr.hits[from], r.Header.Get("Sec-Fetch-Dest")+" "+r.URL.Path)
		tr.mu.Unlock()
		w.Header().Set("Cache-Control", "no-store")
		switch r.URL.Path {
		case "/analytics.js":
			w.Header().Set("Content-Type", "text/javascript")
			_, _ = io.WriteString(w, analyticsJS)
		case "/marketing.js":
			w.Header().Set("Content-Type", "text/javascript")
			_, _ = io.WriteString(w, marketingJS)
		case "/frame.html":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = io.WriteString(w, frameHTML)
		case "/pixel.gif":
			w.Header().Set("Content-Type", "image/gif")
			_, _ = w.Write(pixelGIF)
		default:
			http.NotFound(w, r)
		}
	}))
	return tr
}

// Hits returns the requests received so far from pages of an origin, and
// those without a Referer, which could be anyone's.
func (tr *tracker) Hits(origin string) []string {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	return slices.Concat(tr.hits[origin], tr.hits[""])
}

// Reset forgets the requests received from pages of an origin.
func (tr *tracker) Reset(origin string) {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	delete(tr.hits, origin)
}

// sampleSite returns the sample site with the test's gated content, asking
// for consent of the given version.
func sampleSite(t *testing.T, trackerURL string, version int) fstest.MapFS {
	return sampleSiteAt(t, trackerURL, version, "/")
}

// sampleSiteAt is sampleSite with a base URL whose path is basePath.
func sampleSiteAt(t *testing.T, trackerURL string, version int, basePath string) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	root := os.DirFS(repoRoot)
	for _, top := range []string{"content", "static"} {
		err := fs.WalkDir(root, top, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(root, p)
			fsys[p] = &fstest.MapFile{Data: data}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	yaml, err := fs.ReadFile(root, "site.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg := replaceOnce(t, string(yaml), "  version: 1\n", fmt.Sprintf("  version: %d\n", version))
	cfg = replaceOnce(t, cfg, "base_url: https://library.riverside-clinic.example/\n", "base_url: https://library.riverside-clinic.example"+basePath+"\n")
	cfg += fmt.Sprintf(`
  scripts:
    - category: analytics
      src: %[1]s/analytics.js
    - category: marketing
      src: %[1]s/marketing.js
    - category: personalization
      src: js/personalise.js
markdown:
  unsafe: true
`, trackerURL)
	fsys["site.yaml"] = &fstest.MapFile{Data: []byte(cfg)}
	fsys["static/js/personalise.js"] = &fstest.MapFile{Data: []byte(`window.personalised = true;`)}
	fsys["content/pages/clinic-video.md"] = &fstest.MapFile{Data: []byte(fmt.Sprintf(`---
title: Our clinic video
summary: A short video tour of the clinic, so you know what to expect at your first visit.
---
Take a short video tour of the clinic before your first visit.

<iframe data-consent="marketing" data-src="%[1]s/frame.html" title="Video tour of the clinic" width="560" height="315"></iframe>

<img data-consent="marketing" data-src="%[1]s/pixel.gif" alt="" width="1" height="1">

<script type="text/plain" data-consent="analytics">window.inlineGated = true;</script>

The clinic is open Monday to Friday, from 8 in the morning to 6 in the evening.
`, trackerURL))}
	return fsys
}

func replaceOnce(t *testing.T, s, old, new string) string {
	t.Helper()
	if strings.Count(s, old) != 1 {
		t.Fatalf("the sample site.yaml no longer has exactly one %q: update the test", old)
	}
	return strings.Replace(s, old, new, 1)
}

// buildSite builds fsys into a new folder and returns it.
func buildSite(t *testing.T, fsys fs.FS) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "public")
	out, err := output.NewDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	res, err := site.Build(fsys, site.Options{Writer: out, Now: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		_ = out.Abort()
		t.Fatalf("building the test site: %v\n%s", err, res.Diagnostics)
	}
	if err := out.Commit(); err != nil {
		t.Fatal(err)
	}
	return dir
}

// siteServer serves a built site as a static host, from a folder that a
// test may switch (a rebuilt site on the same origin), under a base path,
// optionally with a Content-Security-Policy header.
type siteServer struct {
	URL string
	dir atomic.Pointer[string]
}

func serveSite(t *testing.T, dir, basePath, csp string) *siteServer {
	s := &siteServer{}
	s.dir.Store(&dir)
	s.URL = browsertest.Serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if csp != "" {
			w.Header().Set("Content-Security-Policy", csp)
		}
		http.StripPrefix(strings.TrimSuffix(basePath, "/"), browsertest.StaticHost(*s.dir.Load())).ServeHTTP(w, r)
	}))
	return s
}

// env is what the subtests share: the tracker and the test site, built
// once. Each subtest starts its own Chromium (a fresh profile: no cookies,
// storage or cache of another subtest, and its own time limit).
type env struct {
	tracker *tracker
	site    string // the built site, consent version 1
}

func newEnv(t *testing.T) *env {
	t.Helper()
	e := &env{tracker: newTracker(t)}
	e.site = buildSite(t, sampleSite(t, e.tracker.URL, 1))
	return e
}

// harness is one subtest's site server, browser and records.
type harness struct {
	t       *testing.T
	ctx     context.Context
	site    *siteServer
	tracker *tracker

	mu       sync.Mutex
	requests []string // every URL the tab requested
}

// harness serves the test site on a new origin, under basePath (built
// again for a basePath other than "/"), with csp when not "", and opens a
// new browser on it.
func (e *env) harness(t *testing.T, basePath, csp string) *harness {
	t.Helper()
	h := &harness{t: t, tracker: e.tracker}
	dir := e.site
	if basePath != "/" {
		dir = buildSite(t, sampleSiteAt(t, e.tracker.URL, 1, basePath))
	}
	h.site = serveSite(t, dir, basePath, csp)
	h.ctx = browsertest.New(t, browsertest.WithListener(func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			h.mu.Lock()
			h.requests = append(h.requests, e.Request.URL)
			h.mu.Unlock()
		}
	}))
	return h
}

// beforeEveryPage runs js in every page before its own scripts.
func (h *harness) beforeEveryPage(js string) {
	h.t.Helper()
	if _, err := chromedp.Call(h.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: js}); err != nil {
		h.t.Fatal(err)
	}
}

// visit opens a page of the site and waits for its load event, which
// comes after deferred scripts and the scripts and frames they add.
func (h *harness) visit(path string) {
	h.t.Helper()
	if err := chromedp.Do(h.ctx, chromedp.Navigate(h.site.URL+"/"+path)); err != nil {
		h.t.Fatalf("opening /%s: %v", path, err)
	}
}

func (h *harness) reload() {
	h.t.Helper()
	if err := chromedp.Do(h.ctx, chromedp.Reload()); err != nil {
		h.t.Fatalf("reloading: %v", err)
	}
}

func (h *harness) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	h.t.Helper()
	if err := chromedp.Do(h.ctx, steps...); err != nil {
		h.t.Fatalf("%s: %v", what, err)
	}
}

func (h *harness) click(selector string) {
	h.t.Helper()
	h.do("clicking "+selector, chromedp.Click(chromedp.CSS(selector)))
}

func evaluate[T any](h *harness, js string) T {
	h.t.Helper()
	v, err := chromedp.Run(h.ctx, chromedp.Evaluate[T](js))
	if err != nil {
		h.t.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}

// waitFor polls a JavaScript condition until it holds, or fails the test.
func (h *harness) waitFor(what, js string) {
	h.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		ok, err := chromedp.Run(h.ctx, chromedp.Evaluate[bool]("!!("+js+")"))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			h.t.Fatalf("timed out waiting until %s (%s): %v", what, js, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// settle gives a page time to make any request it would make late.
func (h *harness) settle() {
	h.t.Helper()
	h.do("waiting", chromedp.Sleep(300*time.Millisecond))
}

// otherOrigins returns the requests of the tab to any origin but the site's.
func (h *harness) otherOrigins() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	var out []string
	for _, u := range h.requests {
		if strings.HasPrefix(u, "data:") || strings.HasPrefix(u, "about:") {
			continue
		}
		if !strings.HasPrefix(u, h.site.URL+"/") {
			out = append(out, u)
		}
	}
	return out
}

func (h *harness) forgetRequests() {
	h.mu.Lock()
	h.requests = nil
	h.mu.Unlock()
	h.tracker.Reset(h.site.URL)
}

// cookies returns every cookie of the browser by name.
func (h *harness) cookies() map[string]*network.Cookie {
	h.t.Helper()
	res, err := chromedp.CallBrowser(h.ctx, storage.GetCookies, storage.GetCookiesParams{})
	if err != nil {
		h.t.Fatal(err)
	}
	out := map[string]*network.Cookie{}
	for _, c := range res.Cookies {
		out[c.Name] = c
	}
	return out
}

// consentRecord is the stored choice, decoded.
type consentRecord struct {
	Version    int             `json:"version"`
	Date       time.Time       `json:"date"`
	Categories map[string]bool `json:"categories"`
}

// record returns the consent cookie, decoded, or nil.
func (h *harness) record() *consentRecord {
	h.t.Helper()
	c, ok := h.cookies()["handout_consent"]
	if !ok {
		return nil
	}
	raw, err := url.PathUnescape(c.Value)
	if err != nil {
		h.t.Fatalf("consent cookie %q: %v", c.Value, err)
	}
	var r consentRecord
	if err := json.Unmarshal([]byte(raw), &r); err != nil {
		h.t.Fatalf("consent cookie %q: %v", raw, err)
	}
	return &r
}

// storedItems counts localStorage and sessionStorage entries.
func (h *harness) storedItems() int {
	h.t.Helper()
	return evaluate[int](h, `localStorage.length + sessionStorage.length`)
}

// assertNothingGated fails when the tracker was contacted at all.
func (h *harness) assertNothingGated(when string) {
	h.t.Helper()
	if hits := h.tracker.Hits(h.site.URL); len(hits) > 0 {
		h.t.Errorf("%s: gated content was requested: %q", when, hits)
	}
	if others := h.otherOrigins(); len(others) > 0 {
		h.t.Errorf("%s: requests left the site's origin: %q", when, others)
	}
}

// assertHits checks which gated resources the tracker served.
func (h *harness) assertHits(when string, want, notWant []string) {
	h.t.Helper()
	hits := h.tracker.Hits(h.site.URL)
	for _, w := range want {
		if !slices.Contains(hits, w) {
			h.t.Errorf("%s: the tracker did not get %q; it got %q", when, w, hits)
		}
	}
	for _, w := range notWant {
		if slices.Contains(hits, w) {
			h.t.Errorf("%s: the tracker got %q, which was not consented to; it got %q", when, w, hits)
		}
	}
}

const (
	bannerVisible  = `(() => { const b = document.querySelector("[data-consent-banner]"); return !!b && !b.hidden && b.getBoundingClientRect().height > 0; })()`
	askingVisible  = bannerVisible + ` && !document.querySelector("[data-consent-ask]").hidden`
	confirmation   = `document.querySelector("[data-consent-done]")`
	confirmVisible = bannerVisible + ` && !` + confirmation + `.hidden`
	dialogOpen     = `document.querySelector("[data-consent-dialog]").open`
)

var (
	scriptHits = []string{"script /analytics.js", "script /marketing.js"}
	embedHits  = []string{"iframe /frame.html", "image /pixel.gif"}
)
