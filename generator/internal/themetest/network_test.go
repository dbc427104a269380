package themetest

import (
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/handout-health/handout/generator/internal/browsertest"
)

// requestLog records every address a tab asks for.
type requestLog struct {
	mu   sync.Mutex
	urls []string
}

func (l *requestLog) listen(ev any) {
	var u string
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		u = ev.Request.URL
	case *network.EventWebSocketCreated:
		u = ev.URL
	default:
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.urls = append(l.urls, u)
}

func (l *requestLog) take() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := l.urls
	l.urls = nil
	return out
}

// offHost says why an address would leave 127.0.0.1, or "" when it stays.
func offHost(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "unreadable address"
	}
	switch u.Scheme {
	case "data", "blob", "about":
		return ""
	case "http", "https", "ws", "wss":
		if u.Hostname() == "127.0.0.1" {
			return ""
		}
		return "host " + u.Hostname()
	}
	return "scheme " + u.Scheme
}

// TestNoThirdPartyRequests opens a page of every kind, uses what a reader
// uses (a glossary tooltip, search, the cookie banner: accepting every
// category), and fails on any request that leaves 127.0.0.1.
func TestNoThirdPartyRequests(t *testing.T) {
	t.Parallel()
	base := serve(t)
	var log requestLog
	ctx := newTab(t, chromedp.WithListener(log.listen))
	// With the cache off every page asks for its stylesheet again, which
	// shows that the recorder works.
	if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
		t.Fatal(err)
	}

	check := func(where string) {
		t.Helper()
		urls := log.take()
		sawStyle := false
		for _, u := range urls {
			if why := offHost(u); why != "" {
				t.Errorf("%s: request to %s (%s)", where, u, why)
			}
			sawStyle = sawStyle || strings.Contains(u, "/assets/style.")
		}
		if !sawStyle {
			// The recorder must see the page's own requests, or this
			// test proves nothing.
			t.Errorf("%s: the stylesheet request was not recorded; recorded %q", where, urls)
		}
	}

	for _, p := range pageKinds {
		openKind(t, ctx, base, p)
		switch p.Kind {
		case "article":
			if err := chromedp.Do(ctx, chromedp.Focus(chromedp.CSS("a.gloss"))); err != nil {
				t.Fatal(err)
			}
			browsertest.WaitFor(t, ctx, "the tooltip shows", `!document.getElementById("gloss-tip").hidden`)
		case "search":
			if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS("#search-page-input"), " sleep")); err != nil {
				t.Fatal(err)
			}
			browsertest.WaitFor(t, ctx, "search shows results", `document.querySelectorAll("[data-search-list] li").length > 0`)
		}
		check(p.Kind)
	}

	// After accepting every optional category, the sample site (which
	// configures no third-party script) still asks nothing of anyone else.
	open(t, ctx, base+"/articles/serotonin/")
	browsertest.WaitFor(t, ctx, "the banner shows on a first visit", bannerShown)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("[data-consent-banner] [data-consent-accept]"))); err != nil {
		t.Fatal(err)
	}
	open(t, ctx, base+"/articles/serotonin/")
	check("article, after accepting every cookie")
}

func TestOffHost(t *testing.T) {
	for _, tc := range []struct {
		url  string
		want string
	}{
		{"http://127.0.0.1:4321/assets/style.css", ""},
		{"ws://127.0.0.1:4321/live", ""},
		{"data:image/svg+xml,%3Csvg%3E", ""},
		{"blob:http://127.0.0.1:4321/abc", ""},
		{"https://fonts.example/font.woff2", "host fonts.example"},
		{"http://localhost:4321/", "host localhost"},
		{"http://10.0.0.1/", "host 10.0.0.1"},
		{"chrome-extension://abc/x.js", "scheme chrome-extension"},
	} {
		if got := offHost(tc.url); got != tc.want {
			t.Errorf("offHost(%q) = %q, want %q", tc.url, got, tc.want)
		}
	}
}
