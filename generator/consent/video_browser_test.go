package consent_test

import (
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/handout-health/handout/generator/internal/browsertest"
)

// The video tests play a page of the sample site with a YouTube and a
// Vimeo video (Markdown: each address alone on its line) in Chromium,
// which cannot reach the providers: the tab's Fetch domain answers every
// request to them with a page of its own, and records it, as the tab's
// Network domain records every request the browser sends. So a request
// to a provider is seen whether it would have reached it or not.

// videoPagePath is the test page with the two videos.
const videoPagePath = "inhaler-video/"

const (
	youTubeEmbed = "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
	vimeoEmbed   = "https://player.vimeo.com/video/76979871?dnt=1"
)

// providerHosts are the hosts of the video providers, their players,
// thumbnails and streams.
var providerHosts = []string{"youtube.com", "youtube-nocookie.com", "youtu.be", "ytimg.com", "googlevideo.com", "ggpht.com", "vimeo.com", "vimeocdn.com"}

func isProvider(address string) bool {
	u, err := url.Parse(address)
	if err != nil {
		return false
	}
	for _, h := range providerHosts {
		if u.Hostname() == h || strings.HasSuffix(u.Hostname(), "."+h) {
			return true
		}
	}
	return false
}

// videoSite is the sample site with the test's video page.
func videoSite(t *testing.T, trackerURL string) fstest.MapFS {
	fsys := sampleSite(t, trackerURL, 1)
	fsys["content/pages/inhaler-video.md"] = &fstest.MapFile{Data: []byte(`---
title: Using your inhaler
summary: Two short videos on how to use an inhaler.
---
Watch how to use your inhaler.

https://www.youtube.com/watch?v=dQw4w9WgXcQ
Transcript: [Read what the video says](/about/)

And on Vimeo:

https://vimeo.com/76979871
`)}
	return fsys
}

// videoTab is a browser on the video site that answers for the providers.
type videoTab struct {
	*harness
	mu sync.Mutex
	// providers are the provider addresses the tab asked for, each once
	// (the Network and Fetch domains both report an answered request).
	providers []string
}

func newVideoTab(t *testing.T, site string, scripts bool) *videoTab {
	t.Helper()
	v := &videoTab{harness: &harness{t: t}}
	v.site = serveSite(t, site, "/", "")
	v.ctx = browsertest.New(t, browsertest.WithListener(func(ev any) {
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			v.note(e.Request.URL)
		case *fetch.EventRequestPaused:
			v.note(e.Request.URL)
			// Answered from a goroutine: a listener must not call chromedp.
			go func() {
				_, _ = chromedp.Call(v.ctx, fetch.FulfillRequest, fetch.FulfillRequestParams{
					RequestID: e.RequestID, ResponseCode: 200,
					ResponseHeaders: []*fetch.HeaderEntry{{Name: "Content-Type", Value: "text/html; charset=utf-8"}},
					Body:            []byte(`<!DOCTYPE html><title>Player</title><p id="player">A provider's player</p>`),
				})
			}()
		}
	}))
	var patterns []*fetch.RequestPattern
	for _, h := range providerHosts {
		patterns = append(patterns, &fetch.RequestPattern{URLPattern: "*://*" + h + "/*"})
	}
	if _, err := chromedp.Call(v.ctx, fetch.Enable, fetch.EnableParams{Patterns: patterns}); err != nil {
		t.Fatal(err)
	}
	if !scripts {
		v.do("turning JavaScript off", browsertest.DisableScripts())
	}
	return v
}

func (v *videoTab) note(address string) {
	if isProvider(address) {
		v.mu.Lock()
		if !slices.Contains(v.providers, address) {
			v.providers = append(v.providers, address)
		}
		v.mu.Unlock()
	}
}

// asked returns the provider addresses asked for since the last call.
func (v *videoTab) asked() []string {
	v.mu.Lock()
	defer v.mu.Unlock()
	out := v.providers
	v.providers = nil
	return out
}

func (v *videoTab) assertNoProvider(when string) {
	v.t.Helper()
	v.settle()
	if got := v.asked(); len(got) > 0 {
		v.t.Errorf("%s: the page asked a video provider for %q", when, got)
	}
}

// TestVideosWaitForConsent holds a video to issue 20: no request to its
// provider before consent, with JavaScript and without; "Allow once"
// loads its privacy-enhanced player, for this page view and nothing
// stored; a withdrawal takes the player out again.
func TestVideosWaitForConsent(t *testing.T) {
	browsertest.Require(t)
	site := buildSite(t, videoSite(t, newTracker(t).URL))
	t.Run("BeforeConsent", func(t *testing.T) {
		t.Parallel()
		v := newVideoTab(t, site, true)
		v.visit(videoPagePath)
		v.assertNoProvider("a first visit")
		if n := evaluate[int](v.harness, `document.querySelectorAll("iframe[src]").length`); n != 0 {
			t.Errorf("%d frames have a src before consent", n)
		}
		got := evaluate[string](v.harness, `[...document.querySelectorAll(".video__placeholder")].map(p => p.innerText.replace(/\s+/g, " ").trim()).join(" | ")`)
		for _, want := range []string{
			"YouTube may set cookies on your device and learn that you watched this video", "Allow once", "Allow Marketing cookies",
			"Watch this video on YouTube", "Watch this video on Vimeo",
		} {
			if !strings.Contains(got, want) {
				t.Errorf("the placeholders do not say %q: %q", want, got)
			}
		}
	})
	t.Run("WithoutJavaScript", func(t *testing.T) {
		t.Parallel()
		v := newVideoTab(t, site, false)
		v.visit(videoPagePath)
		v.assertNoProvider("a visit without JavaScript")
		got := evaluate[string](v.harness, `[...document.querySelectorAll(".video")].map(p => p.innerText.replace(/\s+/g, " ").trim()).join(" | ")`)
		if got != "Watch this video on YouTube Transcript: Read what the video says | Watch this video on Vimeo" {
			t.Errorf("without JavaScript the videos read %q, want their links", got)
		}
		if evaluate[bool](v.harness, `[...document.querySelectorAll("iframe")].some(f => f.getBoundingClientRect().height > 0)`) {
			t.Error("an empty frame takes room without JavaScript")
		}
		if href := evaluate[string](v.harness, `document.querySelector(".video__placeholder a").href`); href != "https://www.youtube.com/watch?v=dQw4w9WgXcQ" {
			t.Errorf("the link to watch is %s", href)
		}
	})
	t.Run("AllowOnceThenReject", func(t *testing.T) {
		t.Parallel()
		v := newVideoTab(t, site, true)
		v.visit(videoPagePath)
		v.assertNoProvider("a first visit")
		v.click(".video--youtube [data-consent-once]")
		v.waitFor("the YouTube player loads", `document.querySelector(".video--youtube iframe").src == "`+youTubeEmbed+`"`)
		v.settle()
		if got := v.asked(); len(got) != 1 || got[0] != youTubeEmbed {
			t.Errorf("Allow once asked the providers for %q, want the one nocookie player", got)
		}
		if v.record() != nil {
			t.Error("Allow once stored a consent record")
		}
		if !evaluate[bool](v.harness, `document.activeElement === document.querySelector(".video--youtube iframe")`) {
			t.Error("focus is not on the player after Allow once")
		}
		if !evaluate[bool](v.harness, `document.querySelector(".video--youtube .video__placeholder").hidden && !document.querySelector(".video--vimeo iframe").hasAttribute("src")`) {
			t.Error("Allow once did more than load its own video")
		}
		v.click("[data-consent-reject]")
		v.waitFor("the player is taken out", `!document.querySelector("iframe[src]")`)
		if !evaluate[bool](v.harness, `!document.querySelector(".video--youtube .video__placeholder").hidden`) {
			t.Error("the placeholder is not back after Reject all")
		}
		v.reload()
		v.assertNoProvider("a reload after Allow once and Reject all")
	})
	t.Run("AllowOnceIsForThisPageView", func(t *testing.T) {
		t.Parallel()
		v := newVideoTab(t, site, true)
		v.visit(videoPagePath)
		v.click(".video--youtube [data-consent-once]")
		v.waitFor("the YouTube player loads", `document.querySelector(".video--youtube iframe").src == "`+youTubeEmbed+`"`)
		v.settle()
		v.asked()
		v.reload()
		v.assertNoProvider("a reload after Allow once")
		if len(v.cookies()) > 0 {
			t.Errorf("cookies after Allow once: %v", names(v.cookies()))
		}
	})
	t.Run("GlobalPrivacyControl", func(t *testing.T) {
		t.Parallel()
		v := newVideoTab(t, site, true)
		v.beforeEveryPage(`Object.defineProperty(Navigator.prototype, "globalPrivacyControl", {get: () => true})`)
		v.visit(videoPagePath)
		v.assertNoProvider("a visit with Global Privacy Control")
		if n := evaluate[int](v.harness, `document.querySelectorAll(".video [data-consent-once], .video [data-consent-allow]").length`); n != 0 {
			t.Errorf("%d buttons offer to play a video despite Global Privacy Control", n)
		}
		if !evaluate[bool](v.harness, `[...document.querySelectorAll(".video [data-consent-gpc]")].every(p => !p.hidden && p.getBoundingClientRect().height > 0)`) {
			t.Error("the video placeholders do not explain Global Privacy Control")
		}
	})
	t.Run("AcceptThenWithdrawInSettings", func(t *testing.T) {
		t.Parallel()
		v := newVideoTab(t, site, true)
		v.visit(videoPagePath)
		v.click("[data-consent-accept]")
		v.waitFor("both players load", `document.querySelector(".video--youtube iframe").src == "`+youTubeEmbed+`" && document.querySelector(".video--vimeo iframe").src == "`+vimeoEmbed+`"`)
		v.settle()
		if got := v.asked(); len(got) != 2 {
			t.Errorf("Accept all asked the providers for %q, want the two players", got)
		}
		v.click("footer a[data-consent-open]")
		v.waitFor("the settings open", dialogOpen)
		v.click(`[data-consent-dialog] input[name="marketing"]`)
		v.click(`[data-consent-dialog] button[type="submit"]`)
		v.waitFor("the players are taken out", `!document.querySelector("iframe[src]") && document.querySelectorAll(".video__placeholder:not([hidden])").length == 2`)
		v.assertNoProvider("a withdrawal")
	})
}
