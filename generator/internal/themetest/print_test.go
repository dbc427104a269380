package themetest

import (
	"bytes"
	"github.com/handout-health/handout/generator/internal/browsertest"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// pdfPage matches a page object of a PDF (not the /Pages tree).
var pdfPage = regexp.MustCompile(`/Type\s*/Page\b[^s]`)

// TestPrintHandout prints an article as a clinic would hand it over: the
// library's name on top; the navigation, banner, search and "On this
// page" gone; the page
// address, the review dates, the words used on the page and every
// source's address are printed; nothing is wider than the paper; and
// Chromium makes a PDF of a few pages on A4 and on Letter.
func TestPrintHandout(t *testing.T) {
	t.Parallel()
	base := serve(t)
	ctx := newTab(t)
	open(t, ctx, base+"/articles/serotonin/")
	browsertest.WaitFor(t, ctx, "the banner shows on a first visit", bannerShown)

	const rendered = `(sel => [...document.querySelectorAll(sel)].filter(el => el.getClientRects().length > 0).length)`
	// What is only for paper stays off the screen.
	for _, sel := range []string{".print-only", ".print-url"} {
		if n := browsertest.Eval[int](t, ctx, rendered+`(`+jsString(sel)+`)`); n > 0 {
			t.Errorf("%d of %s show on screen", n, sel)
		}
	}
	emulateMedia(t, ctx, "print", "light")
	for _, sel := range []string{".site-nav", "form[role=search]", "[data-consent-banner]", ".skip-link", "nav.toc", ".site-footer nav", ".more", ".feedback"} {
		if n := browsertest.Eval[int](t, ctx, rendered+`(`+jsString(sel)+`)`); n > 0 {
			t.Errorf("%s is printed", sel)
		}
	}
	for _, sel := range []string{".site-name", "h1", ".summary", ".article__body", ".callout--caution", ".sources", ".review", ".print-glossary", ".disclaimer"} {
		if n := browsertest.Eval[int](t, ctx, rendered+`(`+jsString(sel)+`)`); n == 0 {
			t.Errorf("%s is not printed", sel)
		}
	}
	review := browsertest.Eval[string](t, ctx, `document.querySelector(".review").innerText`)
	for _, want := range []string{"Page last reviewed", "Next review due", "Page address", "https://library.riverside-clinic.example/articles/serotonin/"} {
		if !strings.Contains(review, want) {
			t.Errorf("the printed review block lacks %q:\n%s", want, review)
		}
	}
	// Every source is printed with its address.
	missing := browsertest.Eval[[]string](t, ctx, `[...document.querySelectorAll(".sources li")].filter(li => !li.innerText.includes(li.querySelector("a").href)).map(li => li.innerText)`)
	for _, m := range missing {
		t.Errorf("a source is printed without its address: %s", m)
	}
	if n := browsertest.Eval[int](t, ctx, `document.querySelectorAll(".sources li").length`); n == 0 {
		t.Error("the article prints no sources")
	}
	// The words used on the page, with their meanings.
	words := browsertest.Eval[int](t, ctx, `[...document.querySelectorAll(".print-glossary dd")].filter(dd => dd.innerText.trim() !== "").length`)
	if words < 3 {
		t.Errorf("the printed glossary has %d words with meanings, want the words the article links", words)
	}

	// Black on white on paper, even when the screen prefers dark.
	emulateMedia(t, ctx, "print", "dark")
	colors := browsertest.Eval[[]string](t, ctx, `[document.body, document.querySelector(".callout--caution")].map(el => getComputedStyle(el).color + " on " + getComputedStyle(el).backgroundColor)`)
	for i, c := range colors {
		if c != "rgb(0, 0, 0) on rgb(255, 255, 255)" && c != "rgb(0, 0, 0) on rgba(0, 0, 0, 0)" {
			t.Errorf("printed in dark mode, element %d is %s, want black on white", i, c)
		}
	}
	// The header is the clinic's band: its light-mode brand colour (the
	// sample's #00695c), forced onto paper, with its white logo and name.
	header := browsertest.Eval[string](t, ctx, `(s => s.color + " on " + s.backgroundColor + " " + s.printColorAdjust)(getComputedStyle(document.querySelector(".site-header")))`)
	if header != "rgb(255, 255, 255) on rgb(0, 105, 92) exact" {
		t.Errorf("printed in dark mode, the header is %s, want white on the brand's rgb(0, 105, 92), printed exactly", header)
	}
	emulateMedia(t, ctx, "print", "light")

	for _, paper := range []struct {
		name  string
		size  chromedp.PaperSize
		width int64 // the printable width in CSS pixels, with the theme's 16mm side margins
	}{{"A4", chromedp.PaperA4, 673}, {"Letter", chromedp.PaperLetter, 695}} {
		viewport(t, ctx, paper.width, 900)
		if sw := browsertest.Eval[int](t, ctx, `document.documentElement.scrollWidth`); sw > int(paper.width) {
			t.Errorf("%s: the printed page is %dpx wide, wider than the paper's %dpx", paper.name, sw, paper.width)
		}
		pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPaper(paper.size)))
		if err != nil {
			t.Fatalf("%s: printing: %v", paper.name, err)
		}
		if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
			t.Fatalf("%s: the printout is not a PDF", paper.name)
		}
		pages := len(pdfPage.FindAll(pdf, -1))
		t.Logf("%s: %d pages, %d bytes", paper.name, pages, len(pdf))
		if pages < 1 || pages > 8 {
			t.Errorf("%s: the article prints on %d pages, want 1 to 8", paper.name, pages)
		}
	}
}

func jsString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}
