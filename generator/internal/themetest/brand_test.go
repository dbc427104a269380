package themetest

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/handout-health/handout/generator/brand"
	"github.com/handout-health/handout/generator/config"
	"github.com/handout-health/handout/generator/internal/browsertest"
	"github.com/handout-health/handout/generator/output"
	"github.com/handout-health/handout/generator/site"
)

// unbrandedYAML is the sample's site.yaml without its brand: its top-level
// theme: and menu: blocks taken out.
func unbrandedYAML(data string) string {
	return regexp.MustCompile(`(?m)^(theme|menu):\n(?:[ #].*\n|\n)*`).ReplaceAllString(data, "")
}

// buildUnbranded builds the sample site with the default theme's own
// colours, logo-less header and menus, into a folder of the test's.
func buildUnbranded(t *testing.T) string {
	t.Helper()
	tmp := t.TempDir()
	copied, out := filepath.Join(tmp, "site"), filepath.Join(tmp, "public")
	for _, top := range []string{"content", "static"} {
		if err := copySite(filepath.Join(repoRoot, top), filepath.Join(copied, top)); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(filepath.Join(repoRoot, config.FileName))
	if err != nil {
		t.Fatal(err)
	}
	plain := unbrandedYAML(string(data))
	if strings.Contains(plain, "\ntheme:") || strings.Contains(plain, "\nmenu:") || !strings.Contains(plain, "\nconsent:") {
		t.Fatalf("site.yaml without its brand still has it, or lost more:\n%s", plain)
	}
	if err := os.WriteFile(filepath.Join(copied, config.FileName), []byte(plain), 0o644); err != nil {
		t.Fatal(err)
	}
	dir, err := output.NewDir(out)
	if err != nil {
		t.Fatal(err)
	}
	if res, err := site.Build(os.DirFS(copied), site.Options{Writer: dir, Now: buildDate}); err != nil {
		_ = dir.Abort()
		t.Fatalf("%v\n%s", err, res.Diagnostics)
	}
	if err := dir.Commit(); err != nil {
		t.Fatal(err)
	}
	return out
}

// pixelAt screenshots the viewport and returns the colour at a point
// (device pixels are CSS pixels here): 4 CSS pixels into the element
// selector matches, at half its height, or with margin set, 4 pixels from
// the window's left edge at that height.
func pixelAt(t *testing.T, ctx context.Context, selector string, margin bool) string {
	t.Helper()
	xy := browsertest.Eval[[]float64](t, ctx, fmt.Sprintf(`(() => { const r = document.querySelector(%q).getBoundingClientRect(); return [%t ? 4 : r.left + 4, r.top + r.height / 2]; })()`, selector, margin))
	shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		t.Fatal(err)
	}
	r, g, b, _ := img.At(int(xy[0]), int(xy[1])).RGBA()
	return fmt.Sprintf("#%02x%02x%02x", r>>8, g>>8, b>>8)
}

// TestBrandLooks screenshots the home page of the sample site with its
// brand and without, in light and dark mode, and reads the pixels: the
// header is site.yaml's brand colour (dark mode: the shade the theme makes
// of it) where the default theme's is its own, the navigation bar differs
// too, the page's background does not, and the logo is drawn.
func TestBrandLooks(t *testing.T) {
	t.Parallel()
	cfg, list := config.Load(os.DirFS(repoRoot))
	if cfg == nil {
		t.Fatal(list)
	}
	c, err := brand.ParseColour(cfg.Theme.Brand)
	if err != nil {
		t.Fatalf("the sample site has no brand colour: %v", err)
	}
	colours := brand.Colours{brand.KeyBrand: c}
	branded, plain := serve(t), browsertest.ServeDir(t, buildUnbranded(t))
	for _, mode := range []brand.Mode{brand.Light, brand.Dark} {
		scheme := map[brand.Mode]string{brand.Light: "light", brand.Dark: "dark"}[mode]
		ctx := newTab(t)
		emulateMedia(t, ctx, "", scheme)
		viewport(t, ctx, 1280, 800)
		look := func(base string) (header, nav, page string) {
			open(t, ctx, base+"/")
			return pixelAt(t, ctx, ".site-header__top", false), pixelAt(t, ctx, ".site-nav", false), pixelAt(t, ctx, "main h1", true)
		}
		header, nav, page := look(branded)
		plainHeader, plainNav, plainPage := look(plain)
		if want := colours.BrandColour(mode).String(); header != want {
			t.Errorf("%s: the branded header is %s, want the brand's %s", scheme, header, want)
		}
		if want := brand.Theme[mode]["--brand"].String(); plainHeader != want {
			t.Errorf("%s: the default header is %s, want the theme's %s", scheme, plainHeader, want)
		}
		if nav == plainNav {
			t.Errorf("%s: the navigation bar is %s with the brand and without", scheme, nav)
		}
		if page != plainPage || page != brand.Theme[mode]["--bg"].String() {
			t.Errorf("%s: the page's background is %s branded and %s not, want the theme's %s in both", scheme, page, plainPage, brand.Theme[mode]["--bg"])
		}
	}
	ctx := newTab(t)
	open(t, ctx, branded+"/")
	if !browsertest.Eval[bool](t, ctx, `(() => { const img = document.querySelector(".site-name img"); return !!img && img.complete && img.naturalWidth > 0 && img.alt === "Riverside Clinic"; })()`) {
		t.Error("the logo is not drawn in the header, with its alt text")
	}
}

// focusedLink describes the focused element: its text, whether it is in
// the header's navigation, and its aria-current.
const focusedLink = `(() => { const a = document.activeElement; return [a.textContent.trim(), a.closest(".site-nav") ? "nav" : "", a.getAttribute("aria-current") || ""]; })()`

// TestMenusKeyboard tabs through the sample's header menu on its About
// page: every item is a tab stop in order, only the page's own item is
// aria-current="page" (in the footer's menu too), and Enter on an item
// opens its page, whose item is then the current one. On a phone the
// menu wraps, every item on screen, with no script.
func TestMenusKeyboard(t *testing.T) {
	t.Parallel()
	base := serve(t)
	ctx := newTab(t)
	open(t, ctx, base+"/about/")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("[data-consent-banner] [data-consent-reject]"))); err != nil {
		t.Fatal(err)
	}
	open(t, ctx, base+"/about/")
	var stops []string
	for range 20 {
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
			t.Fatal(err)
		}
		if f := browsertest.Eval[[]string](t, ctx, focusedLink); f[1] == "nav" {
			stops = append(stops, f[0]+" "+f[2])
		}
	}
	want := "Health A to Z |Topics |Glossary |About us page"
	if got := strings.Join(stops, "|"); got != want {
		t.Errorf("the header menu's tab stops are %q, want %q", got, want)
	}
	if got := browsertest.Eval[string](t, ctx, `[...document.querySelectorAll(".site-footer [aria-current=page]")].map(a => a.textContent).join("|")`); got != "About this library" {
		t.Errorf("the footer's current item is %q, want About this library", got)
	}
	open(t, ctx, base+"/about/")
	for range 20 {
		if f := browsertest.Eval[[]string](t, ctx, focusedLink); f[0] == "Topics" && f[1] == "nav" {
			break
		}
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
			t.Fatal(err)
		}
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatal(err)
	}
	browsertest.WaitFor(t, ctx, "Enter on Topics opens the topics page", `location.pathname === "/tags/" && document.readyState === "complete"`)
	if got := browsertest.Eval[string](t, ctx, `[...document.querySelectorAll(".site-nav a[aria-current=page]")].map(a => a.textContent).join("|")`); got != "Topics" {
		t.Errorf("on the topics page the current item is %q, want Topics", got)
	}

	phone := newTab(t)
	viewport(t, phone, 320, 640)
	if err := chromedp.Do(phone, browsertest.DisableScripts()); err != nil {
		t.Fatal(err)
	}
	open(t, phone, base+"/about/")
	if off := browsertest.Eval[[]string](t, phone, `[...document.querySelectorAll(".site-nav a")].filter(a => { const r = a.getBoundingClientRect(); return r.width === 0 || r.left < 0 || r.right > innerWidth; }).map(a => a.textContent)`); len(off) > 0 {
		t.Errorf("on a phone without script, menu items are hidden or off screen: %v", off)
	}
	if browsertest.Eval[bool](t, phone, `document.documentElement.scrollWidth > innerWidth`) {
		t.Error("the page scrolls sideways on a phone")
	}
}
