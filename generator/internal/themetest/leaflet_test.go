package themetest

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/makiuchi-d/gozxing"
	zxqr "github.com/makiuchi-d/gozxing/qrcode"

	"github.com/handout-health/handout/generator/internal/browsertest"
)

// TestPrintedLeafletLeadsBack holds the printed article to what a reader
// with the paper needs: the QR code, the short address and the day it
// was printed show in print and never on screen; the QR code, as
// Chromium paints it for paper, decodes to the page's canonical address;
// the printed glossary lists exactly the words the article links, with
// their meanings; and the clinic's logo is printed with its name.
func TestPrintedLeafletLeadsBack(t *testing.T) {
	t.Parallel()
	base := serve(t)
	ctx := newTab(t)
	open(t, ctx, base+"/articles/sleep-and-the-brain/")
	browsertest.WaitFor(t, ctx, "the script has stamped the day", `document.querySelector(".printed-on").textContent !== ""`)

	const shown = `(sel => [...document.querySelectorAll(sel)].filter(el => el.getClientRects().length > 0).length)`
	paperOnly := []string{".leaflet-meta", ".leaflet-meta svg.qr", ".printed-on", ".leaflet-address"}
	for _, sel := range paperOnly {
		if n := browsertest.Eval[int](t, ctx, shown+`(`+jsString(sel)+`)`); n > 0 {
			t.Errorf("%s shows on screen", sel)
		}
	}
	if n := browsertest.Eval[int](t, ctx, shown+`(".print-button")`); n != 1 {
		t.Errorf("the print button shows %d times on screen, want once", n)
	}

	emulateMedia(t, ctx, "print", "light")
	for _, sel := range append(paperOnly, ".site-logo", ".site-name") {
		if n := browsertest.Eval[int](t, ctx, shown+`(`+jsString(sel)+`)`); n != 1 {
			t.Errorf("%s is printed %d times, want once", sel, n)
		}
	}
	if n := browsertest.Eval[int](t, ctx, shown+`(".print-bar")`); n > 0 {
		t.Error("the print bar (button and PDF links) is printed")
	}
	canonical := browsertest.Eval[string](t, ctx, `document.querySelector('link[rel=canonical]').href`)
	printedOn := browsertest.Eval[string](t, ctx, `document.querySelector(".printed-on").innerText`)
	if !strings.HasPrefix(printedOn, "Printed on ") || len(printedOn) < len("Printed on 1 May 2026") {
		t.Errorf("the printed-on line says %q", printedOn)
	}
	if got, want := browsertest.Eval[string](t, ctx, `document.querySelector(".leaflet-address").innerText`), strings.TrimPrefix(canonical, "https://"); got != want {
		t.Errorf("the printed short address is %q, want %q", got, want)
	}

	if got := decodeQR(t, ctx); got != canonical {
		t.Errorf("the printed QR code reads %q, want the canonical address %q", got, canonical)
	}

	// The glossary appendix: the words the body links, each once, with
	// the meaning their links carry.
	linked := browsertest.Eval[[]string](t, ctx, `[...new Set([...document.querySelectorAll(".article__body a.gloss")].map(a => a.dataset.definition.trim()))]`)
	listed := browsertest.Eval[[]string](t, ctx, `[...document.querySelectorAll(".print-glossary dd")].map(dd => dd.innerText.trim())`)
	words := browsertest.Eval[[]string](t, ctx, `[...document.querySelectorAll(".print-glossary dt")].map(dt => dt.innerText.trim())`)
	slices.Sort(linked)
	slices.Sort(listed)
	if len(linked) < 5 || !slices.Equal(linked, listed) {
		t.Errorf("the printed glossary gives the meanings\n%q\nwant those of the words the article links:\n%q", listed, linked)
	}
	if !slices.Contains(words, "Melatonin") || slices.Contains(words, "") {
		t.Errorf("the printed glossary's words are %q, want Melatonin among them and none empty", words)
	}
}

// decodeQR paints the printed QR code at four device pixels a CSS pixel
// and decodes it.
func decodeQR(t *testing.T, ctx context.Context) string {
	t.Helper()
	box := browsertest.Eval[*page.Viewport](t, ctx, `(() => { const r = document.querySelector(".leaflet-meta svg.qr").getBoundingClientRect();
	  return {x: r.left + scrollX - 8, y: r.top + scrollY - 8, width: r.width + 16, height: r.height + 16, scale: 4}; })()`)
	if box.Width < 60 {
		t.Fatalf("the printed QR code is %.0f CSS pixels wide, too small to scan", box.Width)
	}
	res, err := chromedp.Call(ctx, page.CaptureScreenshot, page.CaptureScreenshotParams{Clip: box, CaptureBeyondViewport: new(true)})
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(res.Data))
	if err != nil {
		t.Fatal(err)
	}
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	code, err := zxqr.NewQRCodeReader().Decode(bmp, map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_TRY_HARDER: true})
	if err != nil {
		t.Fatalf("the printed QR code does not decode: %v", err)
	}
	if level := fmt.Sprint(code.GetResultMetadata()[gozxing.ResultMetadataType_ERROR_CORRECTION_LEVEL]); level != "M" {
		t.Errorf("the QR code's error correction level is %s, want M (medium)", level)
	}
	return code.GetText()
}
