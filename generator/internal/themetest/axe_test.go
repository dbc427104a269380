package themetest

import (
	"context"
	"fmt"
	"github.com/handout-health/handout/generator/internal/browsertest"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// axeTags are the rule sets the theme must pass: WCAG 2.0, 2.1 and 2.2, A
// and AA.
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"}

// axeViolation is one failed axe rule and the elements that fail it.
type axeViolation struct {
	ID     string    `json:"id"`
	Impact string    `json:"impact"`
	Help   string    `json:"help"`
	URL    string    `json:"helpUrl"`
	Nodes  []axeNode `json:"nodes"`
}

type axeNode struct {
	Target  string `json:"target"`
	HTML    string `json:"html"`
	Summary string `json:"summary"`
}

func (v axeViolation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): %s\n    %s", v.ID, v.Impact, v.Help, v.URL)
	for _, n := range v.Nodes {
		fmt.Fprintf(&b, "\n    at %s\n      %s\n      %s", n.Target, n.HTML, strings.ReplaceAll(n.Summary, "\n", "\n      "))
	}
	return b.String()
}

// axeRun is the script that runs axe on the page and returns its
// violations; the tags are filled in by Sprintf.
const axeRun = `axe.run(document, {runOnly: {type: "tag", values: %s}, resultTypes: ["violations"]})
  .then(r => r.violations.map(v => ({
    id: v.id, impact: v.impact || "", help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({target: JSON.stringify(n.target), html: n.html, summary: n.failureSummary || ""}))
  })))`

// axeViolations injects axe-core into the page and returns what it finds.
func axeViolations(t *testing.T, ctx context.Context, axeSource, where string) []axeViolation {
	t.Helper()
	if browsertest.Eval[bool](t, ctx, `typeof axe === "undefined"`) {
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](axeSource)); err != nil {
			t.Fatalf("%s: injecting axe-core: %v", where, err)
		}
	}
	tags := `["` + strings.Join(axeTags, `","`) + `"]`
	violations, err := chromedp.Run(ctx, chromedp.Evaluate[[]axeViolation](fmt.Sprintf(axeRun, tags), chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: running axe-core: %v", where, err)
	}
	return violations
}

// axeCheck fails the test for every violation axe-core finds on the page.
func axeCheck(t *testing.T, ctx context.Context, axeSource, where string) {
	t.Helper()
	for _, v := range axeViolations(t, ctx, axeSource, where) {
		t.Errorf("%s: %s", where, v)
	}
}

func readAxe(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile(requireTool(t, "node_modules/axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	return string(src)
}

// TestAxe runs axe-core over a page of every kind, in light and dark mode,
// with the cookie banner open (a first visit), and fails on any
// violation. The parts that show only after a click (the preferences
// dialog, the banner's confirmation, a glossary tooltip) are checked too.
func TestAxe(t *testing.T) {
	t.Parallel()
	axeSource := readAxe(t)
	base := serve(t)
	for _, scheme := range []string{"light", "dark"} {
		t.Run(scheme+", banner open", func(t *testing.T) {
			t.Parallel()
			ctx := newTab(t)
			emulateMedia(t, ctx, "", scheme)
			for _, p := range pageKinds {
				openKind(t, ctx, base, p)
				browsertest.WaitFor(t, ctx, p.Kind+": the banner shows on a first visit", bannerShown)
				axeCheck(t, ctx, axeSource, p.Kind+" ("+scheme+", banner open)")
			}
		})
		t.Run(scheme+", after a click", func(t *testing.T) {
			t.Parallel()
			ctx := newTab(t)
			emulateMedia(t, ctx, "", scheme)
			open(t, ctx, base+"/articles/serotonin/")
			browsertest.WaitFor(t, ctx, "the banner shows on a first visit", bannerShown)
			if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("[data-consent-banner] [data-consent-open]"))); err != nil {
				t.Fatalf("opening the preferences: %v", err)
			}
			browsertest.WaitFor(t, ctx, "the preferences dialog opens", `document.querySelector("[data-consent-dialog]").open`)
			axeCheck(t, ctx, axeSource, "article, preferences dialog open ("+scheme+")")

			open(t, ctx, base+"/articles/serotonin/")
			if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("[data-consent-banner] [data-consent-reject]"))); err != nil {
				t.Fatalf("rejecting optional cookies: %v", err)
			}
			browsertest.WaitFor(t, ctx, "the banner confirms the choice", `!document.querySelector("[data-consent-done]").hidden`)
			axeCheck(t, ctx, axeSource, "article, banner confirming a choice ("+scheme+")")

			open(t, ctx, base+"/articles/serotonin/")
			if browsertest.Eval[bool](t, ctx, bannerShown) {
				t.Error("the banner shows again after the visitor chose")
			}
			if err := chromedp.Do(ctx, chromedp.Focus(chromedp.CSS("a.gloss"))); err != nil {
				t.Fatal(err)
			}
			browsertest.WaitFor(t, ctx, "focus shows the tooltip", `(() => { const t = document.getElementById("gloss-tip"); return !!t && !t.hidden; })()`)
			axeCheck(t, ctx, axeSource, "article, banner gone, tooltip open ("+scheme+")")
		})
	}
}

// TestAxeFindsViolations proves the harness: a page with known faults
// must give their violations, or a passing TestAxe means nothing.
func TestAxeFindsViolations(t *testing.T) {
	t.Parallel()
	axeSource := readAxe(t)
	ctx := newTab(t)
	const bad = `<!DOCTYPE html><html><head><title>x</title></head><body>` +
		`<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">` +
		`<p style="color:#aaa;background:#fff">Pale text</p>` +
		`<a href="/x" style="display:inline-block;width:10px;height:10px"></a></body></html>`
	open(t, ctx, "data:text/html;charset=utf-8,"+url.PathEscape(bad))
	found := map[string]bool{}
	for _, v := range axeViolations(t, ctx, axeSource, "a faulty page") {
		found[v.ID] = true
	}
	for _, id := range []string{"image-alt", "color-contrast", "html-has-lang", "link-name"} {
		if !found[id] {
			t.Errorf("axe did not report %s on a page made to fail it; found %v", id, found)
		}
	}
}
