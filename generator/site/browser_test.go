package site

import (
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/handout-health/handout/generator/internal/browsertest"
	"github.com/handout-health/handout/generator/output"
)

// buildToDir builds fsys into a temporary public/ folder and returns it.
func buildToDir(t *testing.T, fsys fstest.MapFS) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "public")
	out, err := output.NewDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if res, err := Build(fsys, Options{Writer: out, Now: now}); err != nil {
		_ = out.Abort()
		t.Fatalf("%v\n%s", err, res.Diagnostics)
	}
	if err := out.Commit(); err != nil {
		t.Fatal(err)
	}
	return dir
}

// serveLibrary serves a built test site under /library/, its base path.
func serveLibrary(t *testing.T) string {
	t.Helper()
	dir := buildToDir(t, loadSite(t, "site.txtar"))
	return browsertest.Serve(t, http.StripPrefix("/library", browsertest.StaticHost(dir))) + "/library/"
}

const tipVisible = `(() => { const t = document.getElementById("gloss-tip"); return !!t && !t.hidden && t.getBoundingClientRect().height > 0; })()`

func TestGlossaryTooltipInBrowser(t *testing.T) {
	base := serveLibrary(t)
	ctx := browsertest.New(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"articles/serotonin/"), chromedp.WaitReady(chromedp.CSS("a.gloss"))); err != nil {
		t.Fatal(err)
	}
	const term = `document.querySelector('a.gloss[href$="/glossary/reuptake/"], a.gloss[href$="/articles/sleep/"]')`
	want := browsertest.Eval[string](t, ctx, term+`.dataset.definition`)
	if want == "" {
		t.Fatal("the glossary link carries no definition")
	}

	// Hover shows the definition, announced through aria-describedby.
	// The article's print bar may push the term below the fold.
	browsertest.Eval[bool](t, ctx, term+`.scrollIntoView({block: "center", behavior: "instant"}), true`)
	x := browsertest.Eval[float64](t, ctx, `(() => { const r = `+term+`.getBoundingClientRect(); return r.left + r.width / 2; })()`)
	y := browsertest.Eval[float64](t, ctx, `(() => { const r = `+term+`.getBoundingClientRect(); return r.top + r.height / 2; })()`)
	if err := chromedp.Do(ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x, y)); err != nil {
		t.Fatal(err)
	}
	browsertest.WaitFor(t, ctx, "hover shows the tooltip", tipVisible)
	if got := browsertest.Eval[string](t, ctx, `document.getElementById("gloss-tip").textContent`); got != want {
		t.Errorf("tooltip says %q, want %q", got, want)
	}
	if got := browsertest.Eval[string](t, ctx, term+`.getAttribute("aria-describedby")`); got != "gloss-tip" {
		t.Errorf("aria-describedby = %q", got)
	}
	// The tooltip can be hovered without disappearing (WCAG 1.4.13).
	tx := browsertest.Eval[float64](t, ctx, `(() => { const r = document.getElementById("gloss-tip").getBoundingClientRect(); return r.left + 10; })()`)
	ty := browsertest.Eval[float64](t, ctx, `(() => { const r = document.getElementById("gloss-tip").getBoundingClientRect(); return r.top + r.height / 2; })()`)
	if err := chromedp.Do(ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x, (y+ty)/2), chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, tx, ty), chromedp.Sleep(500*time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	if !browsertest.Eval[bool](t, ctx, tipVisible) {
		t.Error("moving the pointer onto the tooltip closed it")
	}
	// Escape dismisses it.
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Escape)); err != nil {
		t.Fatal(err)
	}
	browsertest.WaitFor(t, ctx, "Escape hides the tooltip", "!"+tipVisible)

	// Keyboard focus shows it too, and Escape hides it.
	if err := chromedp.Do(ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, 1, 1), chromedp.Focus(chromedp.CSS(`a.gloss`))); err != nil {
		t.Fatal(err)
	}
	browsertest.WaitFor(t, ctx, "focus shows the tooltip", tipVisible)
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Escape)); err != nil {
		t.Fatal(err)
	}
	browsertest.WaitFor(t, ctx, "Escape hides the tooltip after focus", "!"+tipVisible)
}

func TestGlossaryLinkWithoutJavaScript(t *testing.T) {
	base := serveLibrary(t)
	ctx := browsertest.New(t)
	if err := chromedp.Do(ctx, browsertest.DisableScripts(), chromedp.Navigate(base+"articles/sleep/")); err != nil {
		t.Fatal(err)
	}
	href := browsertest.Eval[string](t, ctx, `document.querySelector('a.gloss').getAttribute("href")`)
	if !strings.HasPrefix(href, "/library/") {
		t.Fatalf("glossary link href = %q", href)
	}
	if browsertest.Eval[bool](t, ctx, `!!document.getElementById("gloss-tip")`) {
		t.Error("a tooltip exists with JavaScript off")
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`a.gloss`)), chromedp.WaitReady(chromedp.CSS(`h1`))); err != nil {
		t.Fatal(err)
	}
	browsertest.WaitFor(t, ctx, "the link leads to the glossary entry", `location.pathname === `+jsString(href))
}

func TestAliasRedirectInBrowser(t *testing.T) {
	base := serveLibrary(t)
	ctx := browsertest.New(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"old/serotonin/")); err != nil {
		t.Fatal(err)
	}
	browsertest.WaitFor(t, ctx, "the old address leads to the article", `location.pathname === "/library/articles/serotonin/" && document.querySelector("h1") && document.querySelector("h1").textContent === "Serotonin"`)
}

func jsString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}
