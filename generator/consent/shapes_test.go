package consent

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/handout-health/handout/generator/internal/weburl"
	"github.com/handout-health/handout/generator/qrcode"
)

// qrSVG is the printed page's QR code as the theme writes it.
func qrSVG(t testing.TB) string {
	t.Helper()
	svg, err := qrcode.SVG("https://clinic.example/articles/sleep/", `QR code of "this page" <online>`)
	if err != nil {
		t.Fatal(err)
	}
	return svg
}

// pageAround returns a page with head, a header piece that passes Clean,
// and body before and after, and where the piece stands in it.
func pageAround(r *Rules, t *testing.T, before, after string) ([]byte, []Piece) {
	t.Helper()
	piece := `<header class="site-header"><a class="site-name" href="/">Clinic</a><nav aria-label="Main"><ul><li><a href="/tags/">Topics</a></li><li><a href="/glossary/">Glossary</a></li></ul></nav><form action="/search/"><input name="q"></form></header>` + "\n"
	if !r.Clean([]byte(piece)) {
		t.Fatal("the test's piece does not pass Clean")
	}
	head := "<!DOCTYPE html><html lang=en><title>Sleep</title><body>" + before
	page := head + piece + after + "</body></html>"
	return []byte(page), []Piece{{Start: len(head), End: len(head) + len(piece)}}
}

// checkedEachWay returns what Check finds on page with its pieces taken
// as a document's HTML, then as partials that passed Clean (Piece.Plain).
func checkedEachWay(r *Rules, page []byte, pieces []Piece) []string {
	var found []string
	for _, plain := range []bool{false, true} {
		for i := range pieces {
			pieces[i].Plain = plain
		}
		found = append(found, r.Pages().Check("p.html", page, pieces).String())
	}
	return found
}

// TestQRCodeIsShapesOnly holds the printed page's QR code to the test
// that lets the page check keep its fast path: it is a drawing of shapes
// only, passes Clean, is not foreign content, and a page that holds it
// is judged as a whole-page read judges it, problems found at the same
// places.
func TestQRCodeIsShapesOnly(t *testing.T) {
	r := &Rules{urls: weburl.NewJudge("https://clinic.example/", nil)}
	svg := qrSVG(t)
	if n := shapesOnlySVG([]byte(svg)); n != len(svg) {
		t.Fatalf("shapesOnlySVG = %d, want the whole code, %d bytes", n, len(svg))
	}
	if !r.Clean([]byte(svg)) {
		t.Error("the QR code does not pass Clean")
	}
	page, pieces := pageAround(r, t, "<main>"+svg, `<img src="https://t.example/p.gif" alt=""></main>`)
	if foreign, _ := tagsThatMatter(page); foreign {
		t.Error("a page with the QR code is read as foreign content")
	}
	for _, got := range checkedEachWay(r, page, pieces) {
		want := r.CheckHTML("p.html", page).String()
		if got != want || !strings.Contains(got, "third-party image https://t.example/p.gif") {
			t.Errorf("Check:\n%s\nCheckHTML:\n%s", got, want)
		}
	}
}

// TestQRCodesPassClean: whatever the address and the label (the theme's
// words, in any language, or a site's own), the QR code is a drawing of
// shapes only that passes Clean, which the theme counts on when it marks
// the codes it draws as judged without reading them (render.Theme.Judged).
func TestQRCodesPassClean(t *testing.T) {
	r := &Rules{urls: weburl.NewJudge("https://clinic.example/", nil)}
	for _, text := range []string{
		"https://clinic.example/articles/sleep/",
		"https://clinic.example/es/artículos/sueño/?utm_source=paper&x=<y>",
		strings.Repeat("https://clinic.example/a/", 20),
	} {
		for _, label := range []string{
			"QR code of this page", `say "hi" & 'bye'`, "</svg><img src=https://t.example/a.png>",
			"<script>fetch('https://t.example/')</script>", "Código QR de «esta página»", "line\nbreak\ttab", "nul\x00byte", "",
		} {
			svg, err := qrcode.SVG(text, label)
			if err != nil {
				t.Fatal(err)
			}
			if n := shapesOnlySVG([]byte(svg)); n != len(svg) {
				t.Errorf("%q, %q: shapesOnlySVG = %d, want %d", text, label, n, len(svg))
			}
			if !r.Clean([]byte(svg)) {
				t.Errorf("%q, %q: the QR code does not pass Clean", text, label)
			}
		}
	}
}

// TestNotShapesOnly is the table of drawings that come near the QR code
// but may fetch, run script, or hold markup read by other rules: none is
// skipped as shapes only, a page with it is read whole as foreign
// content, and Check finds what CheckHTML finds.
func TestNotShapesOnly(t *testing.T) {
	r := &Rules{urls: weburl.NewJudge("https://clinic.example/", nil)}
	const open = `<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9">`
	const rect = `<rect width="9" height="9" fill="#fff"/>`
	for _, tc := range []struct{ name, svg, finds string }{
		{"image href", open + `<image href="https://t.example/a.png"/></svg>`, "third-party image"},
		{"use href", open + `<use href="https://t.example/s.svg#i"/></svg>`, "third-party <use>"},
		{"link", open + `<a href="https://t.example/"><rect width="9" height="9"/></a></svg>`, ""},
		{"script", open + `<script>fetch("https://t.example/")</script></svg>`, ""},
		{"script src", open + `<script href="https://t.example/s.js"></script></svg>`, "third-party"},
		{"foreignObject", open + `<foreignObject><img src="https://t.example/a.png"></foreignObject></svg>`, "third-party image"},
		{"style attribute", open + `<rect style="fill:url(https://t.example/f.svg#g)"/></svg>`, "third-party address"},
		{"fill url", open + `<rect fill="url(https://t.example/f.svg#g)"/></svg>`, "third-party address"},
		{"handler", open + `<rect onclick="alert(1)"/></svg>`, "the onclick attribute"},
		{"handler on svg", `<svg class="qr" onload="alert(1)">` + rect + `</svg>`, "the onload attribute"},
		{"xlink:href", open + `<path xlink:href="https://t.example/p.svg" d="M0 0h1"/></svg>`, "third-party"},
		{"style element", open + `<style><img src="https://t.example/a.png"></style></svg>`, "third-party image"},
		{"CDATA", open + `<![CDATA[<img src="https://t.example/a.png">]]></svg>`, ""},
		{"comment", open + rect + `<!-- -->` + `</svg>`, ""},
		{"text", open + rect + `x</svg>`, ""},
		{"unclosed", open + rect + `<style><img src="https://t.example/a.png"></style>`, "third-party image"},
		{"self-closing svg", `<svg class="qr"/>` + rect, ""},
		{"nested svg", open + `<svg>` + rect + `</svg><style><img src="https://t.example/a.png"></style></svg>`, "third-party image"},
		{"second svg after it", qrSVG(t) + `<svg><style><img src="https://t.example/a.png"></style></svg>`, "third-party image"},
		{"upper-case SVG", `<SVG class="qr">` + rect + `</SVG>`, ""},
		{"upper-case end tag", open + rect + `</SVG>`, ""},
		{"upper-case rect", open + `<RECT width="9"/></svg>`, ""},
		{"upper-case attribute", open + `<rect FILL="#fff"/></svg>`, ""},
		{"other namespace", `<svg xmlns="http://www.w3.org/1999/xhtml">` + rect + `</svg>`, ""},
		{"single quotes", `<svg class='qr'>` + rect + `</svg>`, ""},
		{"unquoted", `<svg class=qr>` + rect + `</svg>`, ""},
		{"character reference", open + `<path d="M&#48; 0h1"/></svg>`, ""},
		{"markup in the label", `<svg aria-label="<b>">` + rect + `</svg>`, ""},
		{"label in single quotes hides a tag", `<p title="<svg aria-label='"><math><style><img src=https://t.example/a.png></style></math>'>` + rect + `</svg>">`, "third-party image"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			last := strings.LastIndex(strings.ToLower(tc.svg), "<svg")
			if n := shapesOnlySVG([]byte(tc.svg[last:])); n != 0 {
				t.Errorf("shapesOnlySVG = %d, want 0", n)
			}
			page, pieces := pageAround(r, t, "<main>", tc.svg+"</main>")
			if foreign, _ := tagsThatMatter(page); !foreign {
				t.Error("the page is not read as foreign content")
			}
			for _, got := range checkedEachWay(r, page, pieces) {
				if want := r.CheckHTML("p.html", page).String(); got != want {
					t.Errorf("Check:\n%s\nCheckHTML:\n%s", got, want)
				}
				if !strings.Contains(got, tc.finds) {
					t.Errorf("the check does not find %q:\n%s", tc.finds, got)
				}
			}
		})
	}
}

// FuzzShapesOnlySVG holds shapesOnlySVG to what skipping rests on: a
// browser-grade parse of what it accepts, with HTML after it, holds only
// svg, rect and path elements, no text, and takes the HTML after it back
// in the HTML namespace.
func FuzzShapesOnlySVG(f *testing.F) {
	// The QR code's own form, small: the fuzzer stalls on a seed of the
	// size of a real code.
	f.Add(`<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9" role="img" aria-label="QR &amp; code" shape-rendering="crispEdges"><rect width="9" height="9" fill="#fff"/><path fill="#000" d="M4 4h1v1h-1z"/></svg>`)
	f.Add(`<svg class="qr"><rect width="1"></rect><path d="M0 0"></path></svg>`)
	f.Add(`<svg class="qr"><svg><rect/></svg></svg>`)
	f.Add(`<svg aria-label="&lt;"><rect/></svg>`)
	f.Fuzz(func(t *testing.T, src string) {
		n := shapesOnlySVG([]byte(src))
		if n == 0 {
			return
		}
		doc, err := html.Parse(strings.NewReader("<body>" + src[:n] + "<img>"))
		if err != nil {
			t.Fatal(err)
		}
		for node := range doc.Descendants() {
			switch {
			case node.Type == html.TextNode:
				t.Fatalf("%q: text %q in the drawing", src[:n], node.Data)
			case node.Type != html.ElementNode:
				t.Fatalf("%q: a node of type %d in the drawing", src[:n], node.Type)
			case node.Data == "img" && node.Namespace != "":
				t.Fatalf("%q: the HTML after the drawing is read in namespace %q", src[:n], node.Namespace)
			case node.Namespace == "svg" && node.Data != "svg" && node.Data != "rect" && node.Data != "path":
				t.Fatalf("%q: a <%s> in the drawing", src[:n], node.Data)
			}
		}
		if bytes.Count([]byte(src[:n]), []byte("<")) != strings.Count(src[:n], "</")+strings.Count(src[:n], "<svg")+strings.Count(src[:n], "<rect")+strings.Count(src[:n], "<path") {
			t.Fatalf("%q: a \"<\" that does not start one of its tags", src[:n])
		}
	})
}
