package themetest

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/handout-health/handout/generator/internal/browsertest"
)

// chartPage is the sample article whose figure is a raster chart with
// WebP variants (static/images/sleep-stages.png, 1600x860).
const chartPage = "/articles/sleep-and-the-brain/"

// slowImages is a phone on a poor connection, for pictures only: the page
// and its stylesheet arrive at once, so the page is laid out long before
// a picture's bytes come (1.5 s before the first byte, then 16 KB a
// second: the 800-pixel variant takes about 2 s).
var slowImages = network.Conditions{Latency: 1500, DownloadThroughput: 16 << 10, UploadThroughput: -1}

// figureBox records, when the document is parsed (the picture not yet
// loaded), whether the chart's bytes are there and where its box and
// caption are; the same expression read after the load compares them.
const figureBox = `(() => {
  const img = document.querySelector("figure img"), cap = document.querySelector("figure figcaption");
  const r = img.getBoundingClientRect(), c = cap.getBoundingClientRect();
  return {complete: img.complete && img.naturalWidth > 0, width: r.width, height: r.height, captionTop: c.top + scrollY};
})()`

// imageBox is figureBox's record.
type imageBox struct {
	Complete   bool    `json:"complete"`
	Width      float64 `json:"width"`
	Height     float64 `json:"height"`
	CaptionTop float64 `json:"captionTop"`
}

// TestImagesLoadWithoutShift opens the sleep article on a throttled
// connection (CDP's network conditions, for the pictures' requests) on a
// phone and a desktop: before the chart's bytes arrive its box already has
// the chart's shape (width and height from the file), so the caption and
// the text below do not move when it loads (no layout-shift entry, the
// caption where it was); the browser fetches the WebP variant that fits
// the screen (480 pixels on a 390-pixel phone, 800 for the 43em column),
// never the 1600-pixel PNG. The control is the same page with the
// picture's width and height taken out: there the caption moves and
// Chromium reports the shift.
func TestImagesLoadWithoutShift(t *testing.T) {
	t.Parallel()
	base := browsertest.Serve(t, withUnsizedChart(t))
	for _, size := range []struct {
		name          string
		width, height int64
		variant       string
	}{{"phone", 390, 844, ".480.webp"}, {"desktop", 1280, 900, ".800.webp"}} {
		t.Run(size.name, func(t *testing.T) {
			t.Parallel()
			var log requestLog
			ctx := slowImagesTab(t, base, &log)
			viewport(t, ctx, size.width, size.height)
			before := openWhileImagesLoad(t, ctx, base+chartPage)
			if before.Complete {
				t.Fatal("the chart had loaded when the page was parsed: the connection is not throttled, so this test proves nothing")
			}
			wantHeight := before.Width * 860 / 1600
			if before.Height < wantHeight-1 || before.Height > wantHeight+1 {
				t.Errorf("before the chart loads its box is %.0fx%.0f, want the chart's shape (%.0f high)", before.Width, before.Height, wantHeight)
			}
			browsertest.WaitFor(t, ctx, "the chart loads", `document.querySelector("figure img").complete`)
			after := browsertest.Eval[imageBox](t, ctx, figureBox)
			if !after.Complete {
				t.Fatal("the chart did not load")
			}
			if after.Height != before.Height || after.CaptionTop != before.CaptionTop {
				t.Errorf("the chart's box moved as it loaded: %.0f high, caption at %.0f; then %.0f high, caption at %.0f", before.Height, before.CaptionTop, after.Height, after.CaptionTop)
			}
			for _, s := range layoutShifts(t, ctx) {
				t.Errorf("layout shift while the chart loads: %s", s)
			}
			src := browsertest.Eval[string](t, ctx, `document.querySelector("figure img").currentSrc`)
			if !strings.HasSuffix(src, size.variant) {
				t.Errorf("the browser showed %s, want the variant %s", src, size.variant)
			}
			for _, u := range log.take() {
				if strings.HasSuffix(u, "/images/sleep-stages.png") {
					t.Errorf("the browser fetched the original %s beside the variant", u)
				}
			}

			// The control: without width and height the box is empty until
			// the bytes come, and the caption moves down.
			before = openWhileImagesLoad(t, ctx, base+"/unsized"+chartPage)
			browsertest.WaitFor(t, ctx, "the unsized chart loads", `document.querySelector("figure img").complete`)
			after = browsertest.Eval[imageBox](t, ctx, figureBox)
			if before.Complete || after.CaptionTop <= before.CaptionTop || len(layoutShifts(t, ctx)) == 0 {
				t.Errorf("a chart without width and height moved nothing (caption at %.0f, then %.0f): the test cannot see a shift", before.CaptionTop, after.CaptionTop)
			}
		})
	}
}

// slowImagesTab opens a tab whose pictures come over slowImages, with no
// cache, recording every request in log. When a page is parsed it records
// figureBox, then scrolls the figure to the middle of the screen:
// Chromium reports a layout shift only where the reader can see it, and
// with the figure at the top, scroll anchoring would keep the caption in
// place on its own.
func slowImagesTab(t *testing.T, base string, log *requestLog) context.Context {
	t.Helper()
	ctx := newTab(t, chromedp.WithListener(log.listen))
	if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
		t.Fatal(err)
	}
	var rules []*network.Conditions
	for _, folder := range []string{"/assets/images/*", "/images/*"} {
		c := slowImages
		c.URLPattern = base + folder
		rules = append(rules, &c)
	}
	if _, err := chromedp.Call(ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{MatchedNetworkConditions: rules}); err != nil {
		t.Fatalf("throttling the pictures: %v", err)
	}
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `document.addEventListener("DOMContentLoaded", () => {
  window.__figureBox = ` + figureBox + `;
  document.querySelector("figure").scrollIntoView({block: "center", behavior: "instant"});
});`,
	}); err != nil {
		t.Fatal(err)
	}
	return ctx
}

// openWhileImagesLoad opens url and returns the chart's box as it was when
// the document had been parsed.
func openWhileImagesLoad(t *testing.T, ctx context.Context, url string) imageBox {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("opening %s: %v", url, err)
	}
	browsertest.WaitFor(t, ctx, "the page is parsed", `window.__figureBox`)
	return browsertest.Eval[imageBox](t, ctx, `window.__figureBox`)
}

// withUnsizedChart serves the sample site, and under /unsized the chart's
// article with the picture's width and height taken out (the control of
// TestImagesLoadWithoutShift).
func withUnsizedChart(t *testing.T) http.Handler {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(public, filepath.FromSlash(strings.Trim(chartPage, "/")), "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	const size = ` width="1600" height="860"`
	if !strings.Contains(string(data), size) {
		t.Fatalf("the chart's page has no %s", size)
	}
	unsized := strings.Replace(string(data), size, "", 1)
	site := browsertest.StaticHost(public)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/unsized"+chartPage {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = w.Write([]byte(unsized))
			return
		}
		site.ServeHTTP(w, r)
	})
}
