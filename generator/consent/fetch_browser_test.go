package consent_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/handout-health/handout/generator/config"
	"github.com/handout-health/handout/generator/consent"
	"github.com/handout-health/handout/generator/internal/browsertest"
)

// fetchCase is markup that may make the browser contact a third party.
// TRACKER stands for the host:port of a tracker over http, TLS for one
// over https, and V for the case's own path, so that each request is
// traced to its case.
type fetchCase struct {
	name, html string
	// want is what Chromium and the check do with the case.
	want fetchVerdict
	// noScript loads the page with JavaScript off.
	noScript bool
}

// fetchVerdict is what a case shows.
type fetchVerdict int

const (
	// fetched: Chromium contacts the tracker, a hole the check must close.
	fetched fetchVerdict = iota
	// refusedAnyway: Chromium here contacts no one, but the same page
	// would where the check must also hold (over https, in another
	// browser): the check refuses it.
	refusedAnyway
	// control: nothing is fetched, and the check must not complain.
	control
)

// fetchCases are the ways of writing a third-party request that issue 18
// found getting past a string comparison, by the items (1: safe
// Markdown's addresses, 2: raw HTML, 3: theme CSS, 4: what a base_url
// with // made of the theme's own addresses), then more of ours, then
// controls. The page is http://127.0.0.1:PORT/, so the scheme tricks that
// leave an https page are written here with https: (an http page resolves
// "http:host/x" on its own origin).
var fetchCases = []fetchCase{
	{"1 scheme without slashes", `<img src="https:TLS/V/p.gif" alt="">`, fetched, false},
	{"1 scheme with one slash", `<img src="https:/TLS/V/p.gif" alt="">`, fetched, false},
	{"1 scheme in capitals", `<img src="HTTPS:TLS/V/p.gif" alt="">`, fetched, false},
	{"2 backslashes after the scheme", `<img src="https:\\TLS/V/p.gif" alt="">`, fetched, false},
	{"2 two backslashes", `<img src="\\TRACKER/V/p.gif" alt="">`, fetched, false},
	{"2 slash and backslash", `<img src="/\TRACKER/V/p.gif" alt="">`, fetched, false},
	{"2 character reference in the scheme", `<img src="h&#116;tp://TRACKER/V/p.gif" alt="">`, fetched, false},
	{"2 srcset", `<img src="/a.gif" srcset="http://TRACKER/V/p.gif 1x" alt="">`, fetched, false},
	{"2 imagesrcset", `<link rel="preload" as="image" href="/a.gif" imagesrcset="http://TRACKER/V/p.gif 1x">`, fetched, false},
	{"2 SVG image", `<svg width="10" height="10"><image href="http://TRACKER/V/p.gif" width="10" height="10"/></svg>`, fetched, false},
	{"2 SVG feImage", `<svg width="10" height="10"><filter id="f"><feImage href="http://TRACKER/V/p.gif"/></filter><rect width="10" height="10" filter="url(#f)"/></svg>`, fetched, false},
	{"2 background attribute", `<table background="http://TRACKER/V/p.gif"><tr><td>cell</td></tr></table>`, fetched, false},
	{"2 style attribute", `<div style="background:url(http://TRACKER/V/p.gif)">text</div>`, fetched, false},
	{"2 style element import", `<style>@import url(http://TRACKER/V/a.css);</style>`, fetched, false},
	{"2 style element url", `<style>.x{background:url("http://TRACKER/V/p.gif")}</style><div class="x">text</div>`, fetched, false},
	{"2 iframe srcdoc", `<iframe srcdoc="&lt;img src=http://TRACKER/V/p.gif&gt;" title="x"></iframe>`, fetched, false},
	{"2 object data", `<object data="http://TRACKER/V/p.gif" type="image/gif"></object>`, fetched, false},
	{"2 source", `<video><source src="http://TRACKER/V/v.mp4"></video>`, fetched, false},
	{"2 base", `<base href="http://TRACKER/V/"><img src="p.gif" alt="">`, fetched, false},
	{"2 handler that sets src", `<img src="/missing.gif" alt="" onerror="this.onerror=null;this.src='http://TRACKER/V/p.gif'">`, fetched, false},
	{"3 image-set", `<style>.x{background:image-set("http://TRACKER/V/p.gif" 1x)}</style><div class="x">text</div>`, fetched, false},
	{"3 escaped url()", `<style>.x{background:u\72l(http://TRACKER/V/p.gif)}</style><div class="x">text</div>`, fetched, false},
	{"4 theme stylesheet under a base_url with //", `<link rel="stylesheet" href="//TRACKER/V/assets/style.css">`, fetched, false},
	{"noscript pixel, without JavaScript", `<noscript><img src="http://TRACKER/V/p.gif" alt=""></noscript>`, fetched, true},
	{"meta refresh", `<meta http-equiv="refresh" content="0;url=http://TRACKER/V/">`, fetched, false},
	{"video poster", `<video poster="http://TRACKER/V/p.gif"></video>`, fetched, false},
	{"audio", `<audio src="http://TRACKER/V/a.mp3"></audio>`, fetched, false},
	{"embed", `<embed src="http://TRACKER/V/p.gif" type="image/gif">`, fetched, false},
	{"image input", `<input type="image" src="http://TRACKER/V/p.gif" alt="Go">`, fetched, false},
	{"icon", `<link rel="icon" href="http://TRACKER/V/favicon.ico">`, fetched, false},
	{"tab in the scheme", "<img src=\"ht\ttp://TRACKER/V/p.gif\" alt=\"\">", fetched, false},
	{"leading control character", "<img src=\"&#1;http://TRACKER/V/p.gif\" alt=\"\">", fetched, false},
	{"user name that looks like the site (Chromium refuses addresses with one)", `<img src="http://SITE@TRACKER/V/p.gif" alt="">`, refusedAnyway, false},
	{"style in SVG holds markup", `<svg><style><img src="http://TRACKER/V/p.gif"></style></svg>`, fetched, false},
	{"HTML image element", `<image src="http://TRACKER/V/p.gif">`, fetched, false},
	{"control: a link", `<a href="http://TRACKER/V/">a link</a>`, control, false},
	{"control: canonical", `<link rel="canonical" href="http://TRACKER/V/">`, control, false},
	{"control: CDATA in SVG", `<svg><![CDATA[<img src="http://TRACKER/V/p.gif">]]></svg>`, control, false},
	{"control: in a textarea", `<textarea><img src="http://TRACKER/V/p.gif"></textarea>`, control, false},
	{"control: gated pixel", `<img data-consent="marketing" data-src="http://TRACKER/V/p.gif" alt="">`, control, false},
	{"own path over http, another host over https", `<img src="http:/V/p.gif" alt="">`, refusedAnyway, false},
}

// TestChromiumFetchesWhatTheCheckRefuses loads each case in Chromium and
// records what reaches the trackers: every case the browser fetches from
// a tracker must be refused by the check (and each of the holes
// must really be fetched, or the case tests nothing); no control may be
// fetched or refused. With the string comparison the check had before
// (commit 041e1ae), 23 of the cases Chromium fetches were let through.
func TestChromiumFetchesWhatTheCheckRefuses(t *testing.T) {
	browsertest.Require(t)
	var mu sync.Mutex
	hits := map[string]int{} // "/v3/" -> requests
	record := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		if parts := strings.SplitN(r.URL.Path, "/", 3); len(parts) == 3 {
			hits["/"+parts[1]+"/"]++
		}
		mu.Unlock()
		w.Header().Set("Cache-Control", "no-store")
		http.NotFound(w, r)
	})
	tracker := browsertest.Serve(t, record)
	tls := httptest.NewTLSServer(record)
	t.Cleanup(tls.Close)
	pages := map[string]string{}
	site := browsertest.Serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		page, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		fmt.Fprint(w, page)
	}))
	markup := func(i int, c fetchCase) string {
		return strings.NewReplacer(
			"TRACKER", strings.TrimPrefix(tracker, "http://"), "TLS", strings.TrimPrefix(tls.URL, "https://"),
			"SITE", strings.TrimPrefix(site, "http://"), "V", fmt.Sprintf("v%d", i),
		).Replace(c.html)
	}
	for i, c := range fetchCases {
		pages[fmt.Sprintf("/v%d.html", i)] = "<!DOCTYPE html>\n<html lang=\"en\"><title>Case</title>\n" + markup(i, c) + "\n</html>\n"
	}
	cfg, list := config.Parse([]byte("title: Test\nbase_url: " + site + "/\nconsent:\n  categories:\n    - id: marketing\n      title: Marketing\n      description: Ads.\n"))
	if list.HasErrors() {
		t.Fatal(list)
	}
	rules := consent.NewRules(cfg)
	withJS := browsertest.New(t, browsertest.WithFlag("ignore-certificate-errors", true))
	withoutJS := browsertest.New(t, browsertest.WithFlag("ignore-certificate-errors", true))
	if err := chromedp.Do(withoutJS, browsertest.DisableScripts()); err != nil {
		t.Fatal(err)
	}
	for i, c := range fetchCases {
		tab := withJS
		if c.noScript {
			tab = withoutJS
		}
		if err := chromedp.Do(tab, chromedp.Navigate(fmt.Sprintf("%s/v%d.html", site, i))); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		// Late requests: a frame's srcdoc, a handler, an @import.
		time.Sleep(400 * time.Millisecond)
		mu.Lock()
		got := hits[fmt.Sprintf("/v%d/", i)] > 0
		mu.Unlock()
		refused := len(rules.CheckHTML("case.html", []byte(markup(i, c)))) > 0
		switch {
		case got && !refused:
			t.Errorf("%s: Chromium fetched from the tracker, and the check let it through: %s", c.name, markup(i, c))
		case c.want == fetched && !got:
			t.Errorf("%s: Chromium fetched nothing from the tracker, so the case tests nothing: %s", c.name, markup(i, c))
		case c.want != fetched && got:
			t.Errorf("%s: Chromium contacted the tracker: %s", c.name, markup(i, c))
		case c.want == refusedAnyway && !refused:
			t.Errorf("%s: the check lets it through: %s", c.name, markup(i, c))
		case c.want == control && refused:
			t.Errorf("%s: the check refuses a control that fetches nothing: %s\n%s", c.name, markup(i, c), rules.CheckHTML("case.html", []byte(markup(i, c))))
		}
	}
}
