package site

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/handout-health/handout/generator/output"
)

// squarePNG is a w×h PNG in white.
func squarePNG(t testing.TB, w, h int) []byte {
	return filledPNG(t, w, h, color.NRGBA{0xff, 0xff, 0xff, 0xff})
}

// filledPNG is a w×h PNG of one colour.
func filledPNG(t testing.TB, w, h int, c color.NRGBA) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.SetNRGBA(x, y, c)
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

const testLogo = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"><rect width="120" height="40" fill="#fff"/></svg>`

// brandedSite is a site in English and Spanish with every theme key.
func brandedSite(t testing.TB) fstest.MapFS {
	return fstest.MapFS{
		"site.yaml": {Data: []byte(`title: Clinic
base_url: https://clinic.example/library/
languages:
  - code: en
    name: English
  - code: es
    name: Español
    title: Biblioteca
theme:
  brand: "#00695c"
  logo: {src: static/img/logo.svg, alt: Riverside Clinic}
  icon: static/icon.png
  icon_svg: static/icon.svg
  stylesheet: templates/assets/clinic.css
  footer:
    text: Run by Riverside Clinic.
    address: |
      1 River Road
      Springfield
    phone: "+1 555 0100"
`)},
		"content/pages/about.md":      {Data: []byte("---\ntitle: About us\nsummary: Who we are.\n---\nWe are a clinic.\n")},
		"static/img/logo.svg":         {Data: []byte(testLogo)},
		"static/icon.png":             {Data: squarePNG(t, 512, 512)},
		"static/icon.svg":             {Data: []byte(testLogo)},
		"templates/assets/clinic.css": {Data: []byte(".site-name { letter-spacing: 0.02em; }\n")},
	}
}

// TestBrandedBuild builds a site with every theme key: the logo, the
// icons (decoded, each of its size), the manifests of both languages,
// the colours in style.css, the stylesheet linked last, and the footer.
func TestBrandedBuild(t *testing.T) {
	mem, _ := buildSite(t, brandedSite(t))
	page := file(t, mem, "about/index.html")
	find := func(pattern string) []string {
		t.Helper()
		m := regexp.MustCompile(pattern).FindStringSubmatch(page)
		if m == nil {
			t.Fatalf("the page has no %s:\n%s", pattern, page)
		}
		return m
	}
	logo := find(`<img class="site-logo" src="/library/(assets/logo\.[0-9a-f]{10}\.svg)" alt="Riverside Clinic" width="120" height="40"> Clinic</a>`)
	if got := file(t, mem, logo[1]); got != testLogo {
		t.Errorf("the logo's copy is %q", got)
	}
	touch := find(`<link rel="apple-touch-icon" href="/library/(assets/icon-180\.[0-9a-f]{10}\.png)">`)
	find(`<link rel="icon" href="/library/favicon.ico" sizes="32x32">\n<link rel="icon" href="/library/assets/icon\.[0-9a-f]{10}\.svg" type="image/svg&#43;xml">\n<link rel="apple-touch-icon"`)
	find(`<link rel="manifest" href="/library/manifest.webmanifest">`)
	find(`<meta name="theme-color" content="#00695c" media="\(prefers-color-scheme: light\)">`)
	style := find(`<link rel="stylesheet" href="/library/(assets/style\.[0-9a-f]{10}\.css)">`)
	find(`<link rel="stylesheet" href="/library/assets/clinic\.[0-9a-f]{10}\.css">\n</head>`)
	find(`<address>1 River Road<br>Springfield<br>Phone: <a href="tel:&#43;15550100">&#43;1 555 0100</a>`)
	find(`<p>Run by Riverside Clinic.</p>`)
	if css := file(t, mem, style[1]); !strings.Contains(css, "@media screen {\n  :root { --brand: #00695c;") {
		t.Errorf("style.css does not end with the brand's colours:\n%s", css[max(0, len(css)-400):])
	}
	if img := decode(t, file(t, mem, touch[1])); img.Bounds().Dx() != 180 || img.Bounds().Dy() != 180 {
		t.Errorf("the touch icon is %v", img.Bounds())
	}
	if ico := file(t, mem, "favicon.ico"); !strings.HasPrefix(ico, "\x00\x00\x01\x00\x02\x00") {
		t.Errorf("favicon.ico starts % x", ico[:6])
	}
	for _, lang := range []struct{ prefix, name, start string }{{"", "Clinic", "/library/"}, {"es/", "Biblioteca", "/library/es/"}} {
		var m struct {
			Name     string
			StartURL string `json:"start_url"`
			Icons    []struct{ Src, Sizes string }
		}
		data := file(t, mem, lang.prefix+"manifest.webmanifest")
		if err := json.Unmarshal([]byte(data), &m); err != nil {
			t.Fatalf("%smanifest.webmanifest: %v", lang.prefix, err)
		}
		if m.Name != lang.name || m.StartURL != lang.start {
			t.Errorf("%smanifest.webmanifest names %q from %q, want %q from %q", lang.prefix, m.Name, m.StartURL, lang.name, lang.start)
		}
		if len(m.Icons) != 2 {
			t.Fatalf("%smanifest.webmanifest has %d icons: %s", lang.prefix, len(m.Icons), data)
		}
		for _, icon := range m.Icons {
			img := decode(t, file(t, mem, strings.TrimPrefix(icon.Src, "/library/")))
			if got := fmt.Sprintf("%dx%d", img.Bounds().Dx(), img.Bounds().Dy()); got != icon.Sizes {
				t.Errorf("manifest icon %s is %s, says %s", icon.Src, got, icon.Sizes)
			}
		}
	}
}

func decode(t *testing.T, data string) image.Image {
	t.Helper()
	img, err := png.Decode(strings.NewReader(data))
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	return img
}

// TestBrandProblems gives a site a colour below AA, a missing logo, an
// icon that is not an image, an SVG icon that is a PNG, a missing
// stylesheet and a menu target that does not exist: one message each, at
// its key in site.yaml, all in one run, and nothing is written.
func TestBrandProblems(t *testing.T) {
	fsys := fstest.MapFS{
		"site.yaml": {Data: []byte(`title: Clinic
theme:
  brand: "#3fa9f5"
  logo: {src: static/logo.svg, alt: Clinic}
  icon: static/icon.png
  icon_svg: static/icon.svg
  stylesheet: static/clinic.css
menu:
  header:
    - target: Abuot us
`)},
		"content/pages/about.md": {Data: []byte("---\ntitle: About us\nsummary: Who we are.\n---\nWe are a clinic.\n")},
		"static/icon.png":        {Data: []byte("a picture of our clinic\n")},
		"static/icon.svg":        {Data: squarePNG(t, 64, 64)},
	}
	mem := output.NewMemory()
	res, err := Build(fsys, Options{Writer: mem, Now: now})
	if err == nil {
		t.Fatal("the build succeeded")
	}
	want := []string{
		`site.yaml:3:10: theme.brand #3fa9f5 is below WCAG AA contrast: white text on the brand colour (the header, a checked switch) (light mode): 2.5:1, below 4.5:1; white text on the accent colour (the navigation bar, the header's search button) (light mode): 3.8:1, below 4.5:1; links on the page (light mode): 2.5:1, below 4.5:1; and 8 more; the nearest shade of the same hue that passes everywhere is #0a70ba`,
		`site.yaml:4:15: theme.logo.src: there is no file static/logo.svg; put the image there, or correct the name`,
		`site.yaml:5:9: theme.icon: static/icon.png is not an image: it is not SVG, PNG, JPEG, GIF or WebP (a file renamed, or damaged?)`,
		`site.yaml:6:13: theme.icon_svg static/icon.svg is a PNG image, not an SVG: name it in theme.icon`,
		`site.yaml:7:15: theme.stylesheet: there is no file static/clinic.css; put the stylesheet there, or correct the name`,
		`site.yaml:10:15: menu.header: no article, glossary term or page is called "Abuot us"`,
	}
	errs := res.Diagnostics.Errors()
	got := errs.String()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("diagnostics lack\n  %s\ngot:\n%s", w, got)
		}
	}
	if len(errs) != len(want) {
		t.Errorf("%d errors, want %d:\n%s", len(errs), len(want), got)
	}
	if names := mem.Names(); len(names) > 0 {
		t.Errorf("a failed build wrote %v", names)
	}
}

// An icon must be square; one smaller than the largest icon is made
// larger, with a warning.
func TestBrandIconSize(t *testing.T) {
	for _, tt := range []struct {
		w, h  int
		want  string
		fails bool
	}{
		{600, 400, "site.yaml:3:9: theme.icon static/icon.png is 600×400 pixels: an icon must be square", true},
		{256, 256, "site.yaml:3:9: warning: theme.icon static/icon.png is 256×256 pixels: the 512-pixel icon phones ask for is made larger than it", false},
	} {
		fsys := fstest.MapFS{
			"site.yaml":       {Data: []byte("title: Clinic\ntheme:\n  icon: static/icon.png\n")},
			"static/icon.png": {Data: squarePNG(t, tt.w, tt.h)},
		}
		res, err := Build(fsys, Options{Writer: output.NewMemory(), Now: now})
		if (err != nil) != tt.fails || !strings.Contains(res.Diagnostics.String(), tt.want) {
			t.Errorf("%dx%d: error %v, diagnostics:\n%s\nwant %q", tt.w, tt.h, err, res.Diagnostics, tt.want)
		}
	}
}

// A static file where the build writes favicon.ico or a manifest is an
// error naming the brand's file.
func TestBrandCollisions(t *testing.T) {
	fsys := brandedSite(t)
	fsys["static/favicon.ico"] = &fstest.MapFile{Data: []byte("old icon")}
	fsys["static/es/manifest.webmanifest"] = &fstest.MapFile{Data: []byte("{}")}
	res, err := Build(fsys, Options{Writer: output.NewMemory(), Now: now})
	if err == nil {
		t.Fatal("the build succeeded")
	}
	got := res.Diagnostics.String()
	for _, want := range []string{
		"static/favicon.ico:1:1: this file has the address of the favicon the build makes from theme.icon (favicon.ico): rename or move it",
		"static/es/manifest.webmanifest:1:1: this file has the address of the web app manifest the build makes for theme.icon (es/manifest.webmanifest): rename or move it",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("diagnostics lack\n  %s\ngot:\n%s", want, got)
		}
	}
}

// A Builder that sees the logo or the icon change in static/ writes the
// new files, names them in every page, and removes the old ones.
func TestBrandRebuild(t *testing.T) {
	fsys := brandedSite(t)
	b, mem, _ := newTestBuilder(t, fsys)
	logoOf := func() string {
		t.Helper()
		m := regexp.MustCompile(`src="/library/(assets/logo\.[0-9a-f]+\.svg)"`).FindStringSubmatch(file(t, mem, "about/index.html"))
		if m == nil {
			t.Fatal("no logo on the page")
		}
		return m[1]
	}
	old := logoOf()
	fsys["static/img/logo.svg"] = &fstest.MapFile{Data: []byte(strings.Replace(testLogo, "#fff", "#eee", 1))}
	rebuild(t, b, "static/img/logo.svg")
	if now := logoOf(); now == old {
		t.Errorf("the page still shows %s", old)
	} else if _, ok := mem.File(old); ok {
		t.Errorf("the old logo %s is still served", old)
	}
	icon := file(t, mem, "favicon.ico")
	fsys["static/icon.png"] = &fstest.MapFile{Data: filledPNG(t, 600, 600, color.NRGBA{0, 0x69, 0x5c, 0xff})}
	rebuild(t, b, "static/icon.png")
	if file(t, mem, "favicon.ico") == icon {
		t.Error("favicon.ico was not made again from the new icon")
	}
}
