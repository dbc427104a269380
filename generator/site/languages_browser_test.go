package site

import (
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/handout-health/handout/generator/internal/browsertest"
)

// serveBilingual serves the English and Spanish test site under /library/.
func serveBilingual(t *testing.T) string {
	t.Helper()
	dir := buildToDir(t, loadSite(t, "bilingual.txtar"))
	return browsertest.Serve(t, http.StripPrefix("/library", browsertest.StaticHost(dir))) + "/library/"
}

// TestLanguageSwitcherInBrowser clicks "Español" in the switcher: it leads
// to the Spanish article where there is one, and to a Spanish page that
// says there is none where there is not.
func TestLanguageSwitcherInBrowser(t *testing.T) {
	base := serveBilingual(t)
	ctx := browsertest.New(t)
	const spanish = `nav.languages a[hreflang="es"]`
	tests := []struct {
		from, to, lang, says string
	}{
		{"articles/sleep/", "es/articles/sleep/", "es", "Sueño"},
		{"articles/exercise/", "es/articles/ejercicio/", "es", "Ejercicio"},
		{"glossary/", "es/glossary/", "es", ""},
		// Last: the page checked below.
		{"articles/caffeine/", "es/untranslated/", "es", "sin traducir"},
	}
	for _, tt := range tests {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+tt.from), chromedp.WaitVisible(spanish), chromedp.Click(spanish), chromedp.WaitReady(`body`)); err != nil {
			t.Fatalf("%s: %v", tt.from, err)
		}
		browsertest.WaitFor(t, ctx, "the Spanish page loads", `location.pathname === `+jsString("/library/"+tt.to)+` && document.readyState === "complete"`)
		if got := browsertest.Eval[string](t, ctx, `document.documentElement.lang`); got != tt.lang {
			t.Errorf("%s -> %s: lang %q", tt.from, tt.to, got)
		}
		h1 := browsertest.Eval[string](t, ctx, `document.querySelector("h1").textContent`)
		if !strings.Contains(h1, tt.says) {
			t.Errorf("%s -> %s: the heading %q does not say %q", tt.from, tt.to, h1, tt.says)
		}
	}
	// The page that says there is no translation offers a way on: the
	// Spanish home page.
	if !browsertest.Eval[bool](t, ctx, `!!document.querySelector('main a[href="/library/es/"]')`) {
		t.Error("the untranslated page does not lead to the Spanish home page")
	}
	// And back: the switcher on a Spanish page leads to the English one.
	const english = `nav.languages a[hreflang="en"]`
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"es/articles/sleep/"), chromedp.WaitVisible(english), chromedp.Click(english), chromedp.WaitReady(`body`)); err != nil {
		t.Fatal(err)
	}
	browsertest.WaitFor(t, ctx, "the English page loads", `location.pathname === "/library/articles/sleep/" && document.documentElement.lang === "en"`)
}

// TestSpanishSearchInBrowser searches the Spanish library: a Spanish word
// finds the Spanish article, and the English library does not know it.
func TestSpanishSearchInBrowser(t *testing.T) {
	base := serveBilingual(t)
	ctx := browsertest.New(t)
	results := `Array.from(document.querySelectorAll("[data-search-list] [role=option]")).map(a => new URL(a.href).pathname)`
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"es/search/?q=dormir")); err != nil {
		t.Fatal(err)
	}
	browsertest.WaitFor(t, ctx, "Spanish results", `document.querySelectorAll("[data-search-list] [role=option]").length > 0`)
	got := browsertest.Eval[[]string](t, ctx, results)
	if len(got) == 0 || got[0] != "/library/es/articles/sleep/" {
		t.Errorf("es/search/?q=dormir found %q, want /library/es/articles/sleep/ first", got)
	}
	for _, href := range got {
		if !strings.HasPrefix(href, "/library/es/") {
			t.Errorf("the Spanish search found an English page: %s", href)
		}
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"search/?q=dormir")); err != nil {
		t.Fatal(err)
	}
	browsertest.WaitFor(t, ctx, "the English search answers", `document.querySelector("[data-search-status]").textContent.includes("dormir")`)
	if got := browsertest.Eval[[]string](t, ctx, results); len(got) != 0 {
		t.Errorf("the English search found Spanish pages: %q", got)
	}
}

// TestSpanishBannerInBrowser opens the Spanish home page with no choice
// made: the banner and the preferences speak Spanish, with the category
// titles of site.yaml's Spanish consent text.
func TestSpanishBannerInBrowser(t *testing.T) {
	base := serveBilingual(t)
	ctx := browsertest.New(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"es/"), chromedp.WaitVisible(`[data-consent-banner]`)); err != nil {
		t.Fatal(err)
	}
	text := browsertest.Eval[string](t, ctx, `document.querySelector("[data-consent-banner]").innerText`)
	for _, want := range []string{"Aceptar todas", "Rechazar todas", "Preferencias", "Analítica"} {
		if !strings.Contains(text, want) {
			t.Errorf("the Spanish banner does not say %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Accept") || strings.Contains(text, "Analytics") {
		t.Errorf("the Spanish banner has English words:\n%s", text)
	}
	if err := chromedp.Do(ctx, chromedp.Click(`[data-consent-banner] [data-consent-open]`), chromedp.WaitVisible(`#consent-dialog-title`)); err != nil {
		t.Fatal(err)
	}
	dialog := browsertest.Eval[string](t, ctx, `document.querySelector("#consent-dialog-title").closest("dialog, [role=dialog]").innerText`)
	for _, want := range []string{"Preferencias de cookies", "Analítica", "Nos ayudan a saber qué páginas se leen."} {
		if !strings.Contains(dialog, want) {
			t.Errorf("the Spanish preferences do not say %q:\n%s", want, dialog)
		}
	}
}
