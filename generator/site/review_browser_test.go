package site

import (
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/handout-health/handout/generator/internal/browsertest"
)

// TestReviewNoticeInBrowser opens an overdue article and checks that a
// reader sees the overdue notice, the review record and the feedback link,
// and that a current article shows no notice.
func TestReviewNoticeInBrowser(t *testing.T) {
	// The site's base URL has the path /library/.
	base := browsertest.Serve(t, http.StripPrefix("/library", browsertest.StaticHost(buildToDir(t, reviewSite()))))
	ctx := browsertest.New(t)
	visible := func(sel string) string {
		return `(() => { const e = document.querySelector(` + jsString(sel) + `); if (!e) return false; const r = e.getBoundingClientRect(); const s = getComputedStyle(e); return r.width > 0 && r.height > 0 && s.visibility !== "hidden" && s.display !== "none"; })()`
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/library/articles/naps/"), chromedp.WaitReady(chromedp.CSS("h1"))); err != nil {
		t.Fatal(err)
	}
	for _, sel := range []string{".notice--overdue", ".review dl", ".article__footer .feedback a"} {
		if !browsertest.Eval[bool](t, ctx, visible(sel)) {
			t.Errorf("naps: %s is not visible", sel)
		}
	}
	notice := browsertest.Eval[string](t, ctx, `document.querySelector(".notice--overdue").innerText`)
	if want := "This page is due for review. It was last reviewed on 1er janvier 2022 and its review was due on 1er janvier 2024."; !strings.HasPrefix(notice, want) {
		t.Errorf("notice reads %q", notice)
	}
	// The notice comes before the article body, where a reader starts.
	if !browsertest.Eval[bool](t, ctx, `!!(document.querySelector(".notice--overdue").compareDocumentPosition(document.querySelector(".article__body")) & Node.DOCUMENT_POSITION_FOLLOWING)`) {
		t.Error("the overdue notice is not above the article body")
	}

	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/library/articles/sleep/"), chromedp.WaitReady(chromedp.CSS("h1"))); err != nil {
		t.Fatal(err)
	}
	if browsertest.Eval[bool](t, ctx, `!!document.querySelector(".notice--overdue")`) {
		t.Error("a current article shows the overdue notice")
	}
	review := browsertest.Eval[string](t, ctx, `document.querySelector(".review dl").innerText`)
	for _, want := range []string{"Dr. Amara Okafor, MD", "1er septembre 2026", "14 septembre 2028"} {
		if !strings.Contains(review, want) {
			t.Errorf("review block %q lacks %q", review, want)
		}
	}
}
