package site

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/net/html"

	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/output"
)

// metaTags returns a page's <meta property> and <meta name> values, by
// property or name, in the order written.
func metaTags(t *testing.T, page string) map[string][]string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "meta" {
			var key, content string
			for _, a := range n.Attr {
				switch a.Key {
				case "property", "name":
					key = a.Val
				case "content":
					content = a.Val
				}
			}
			if key != "" {
				out[key] = append(out[key], content)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

// pngOf is a PNG of the given size.
func pngOf(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	img.Set(0, 0, color.RGBA{200, 0, 0, 255})
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// shareSite is site.txtar with a page that names its own picture, and
// a share card per page (share_cards: page).
func shareSite(t *testing.T) fstest.MapFS {
	fsys := pageCards(loadSite(t, "site.txtar"))
	fsys["content/pages/visit.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Visit us\nsummary: Where the clinic is.\nimage: /images/front-door.png\nimage_alt: The clinic's front door\n---\nWe are on Main Street.\n")}
	fsys["static/images/front-door.png"] = &fstest.MapFile{Data: pngOf(t, 1000, 500)}
	return fsys
}

const shareBase = "https://clinic.example/library/"

// pageCards sets share_cards: page in fsys's site.yaml.
func pageCards(fsys fstest.MapFS) fstest.MapFS {
	f := fsys["site.yaml"]
	f.Data = append(bytes.Clone(f.Data), "\nshare_cards: page\n"...)
	return fsys
}

// TestOneSiteCardByDefault: without share_cards, every page that names
// no picture shows the same card, the site's title on its colour, so
// that the output holds one card per language, not one per page.
func TestOneSiteCardByDefault(t *testing.T) {
	mem, res := buildSite(t, loadSite(t, "site.txtar"))
	cards := cardsOf(mem)
	if len(cards) != 1 || res.Cards != 1 {
		t.Fatalf("the build drew %d cards and wrote %v, want one", res.Cards, slices.Collect(maps.Keys(cards)))
	}
	for _, page := range []string{"index.html", "articles/serotonin/index.html", "glossary/reuptake/index.html", "tags/mood/index.html"} {
		meta := metaTags(t, file(t, mem, page))
		card := strings.TrimPrefix(meta["og:image"][0], shareBase)
		if _, ok := cards[card]; !ok {
			t.Errorf("%s shows %s, not the site's card", page, card)
		}
		if alt := meta["og:image:alt"][0]; alt != "Test clinic library" {
			t.Errorf("%s: the card's description is %q, want the site's title", page, alt)
		}
	}
}

// TestShareTagsPerPageKind checks what each kind of page shows when
// shared, against what Open Graph and X's cards require.
func TestShareTagsPerPageKind(t *testing.T) {
	mem, _ := buildSite(t, shareSite(t))
	tests := []struct {
		file, kind, title, ogType string
		// picture is the picture's address under the base URL, ""
		// for a card the build draws; its size is width by height.
		picture       string
		width, height int
		alt           string
	}{
		{"index.html", "home", "Test clinic library", "website", "", 1200, 630, "Test clinic library"},
		{"articles/serotonin/index.html", "article", "Serotonin", "article", "", 1200, 630, "Serotonin – Test clinic library"},
		{"glossary/reuptake/index.html", "term", "Reuptake", "website", "", 1200, 630, "Reuptake – Test clinic library"},
		{"glossary/index.html", "glossary", "Glossary", "website", "", 1200, 630, "Glossary – Test clinic library"},
		{"tags/index.html", "tags", "Topics", "website", "", 1200, 630, "Topics – Test clinic library"},
		{"tags/mood/index.html", "tag", "mood", "website", "", 1200, 630, "mood – Test clinic library"},
		{"search/index.html", "search", "Search", "website", "", 1200, 630, "Search – Test clinic library"},
		{"cookies/index.html", "cookies", "Cookies", "website", "", 1200, 630, "Cookies – Test clinic library"},
		{"about/index.html", "page", "About", "website", "", 1200, 630, "About – Test clinic library"},
		{"visit/index.html", "page with image", "Visit us", "website", "images/front-door.png", 1000, 500, "The clinic's front door"},
	}
	for _, tt := range tests {
		t.Run(tt.kind, func(t *testing.T) {
			page := file(t, mem, tt.file)
			meta := metaTags(t, page)
			one := func(key string) string {
				t.Helper()
				if len(meta[key]) != 1 {
					t.Fatalf("%s: %d values %q, want 1", key, len(meta[key]), meta[key])
				}
				return meta[key][0]
			}
			want := map[string]string{
				"og:type": tt.ogType, "og:site_name": "Test clinic library", "og:locale": "en_US",
				"og:url":            shareBase + strings.TrimSuffix(tt.file, "index.html"),
				"og:image:width":    strconv.Itoa(tt.width),
				"og:image:height":   strconv.Itoa(tt.height),
				"og:image:type":     "image/png",
				"og:image:alt":      tt.alt,
				"twitter:card":      "summary_large_image",
				"twitter:image:alt": tt.alt,
			}
			if tt.kind != "search" && tt.kind != "cookies" && tt.kind != "glossary" && tt.kind != "tags" {
				want["og:title"] = tt.title
			}
			for key, value := range want {
				if got := one(key); got != value {
					t.Errorf("%s = %q, want %q", key, got, value)
				}
			}
			if one("og:title") == "" {
				t.Error("no og:title")
			}
			if got, want := meta["og:description"], meta["description"]; strings.Join(got, "") != strings.Join(want, "") {
				t.Errorf("og:description %q, want the meta description %q", got, want)
			}
			picture := one("og:image")
			if !strings.HasPrefix(picture, shareBase) {
				t.Fatalf("og:image %q is not an absolute https address under the base URL", picture)
			}
			name := strings.TrimPrefix(picture, shareBase)
			if tt.picture != "" && name != tt.picture {
				t.Errorf("og:image %q, want the page's %s", picture, tt.picture)
			}
			if tt.picture == "" && !strings.HasPrefix(name, cardFolder) {
				t.Errorf("og:image %q, want a card under %s", picture, cardFolder)
			}
			data, ok := mem.File(name)
			if !ok {
				t.Fatalf("og:image %s was not written", name)
			}
			cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
			if err != nil || format != "png" || cfg.Width != tt.width || cfg.Height != tt.height {
				t.Errorf("og:image %s is %s %dx%d (%v), want png %dx%d", name, format, cfg.Width, cfg.Height, err, tt.width, tt.height)
			}
			if len(data) > 5<<20 {
				t.Errorf("og:image is %d bytes, over X's 5 MB", len(data))
			}
			if tt.ogType == "article" && one("article:modified_time") != "2026-10-01" {
				t.Errorf("article:modified_time %q, want the last review", meta["article:modified_time"])
			}
			if tt.ogType == "article" && strings.Join(meta["article:tag"], ",") != "Brain chemistry,mood" {
				t.Errorf("article:tag %q", meta["article:tag"])
			}
		})
	}
	for _, noIndex := range []string{"404.html", "old/serotonin/index.html"} {
		if meta := metaTags(t, file(t, mem, noIndex)); len(meta["og:title"]) > 0 {
			t.Errorf("%s, kept out of search engines, carries Open Graph tags", noIndex)
		}
	}
}

// TestShareLocales checks og:locale and its alternates on a translated
// page and on one that has no translation.
func TestShareLocales(t *testing.T) {
	mem, _ := buildSite(t, loadSite(t, "bilingual.txtar"))
	var translated, single int
	for _, name := range mem.Names() {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		meta := metaTags(t, file(t, mem, name))
		if len(meta["og:locale"]) == 0 {
			continue
		}
		locale, alternates := meta["og:locale"][0], strings.Join(meta["og:locale:alternate"], ",")
		wantLocale, other := "en_US", "es_ES"
		if strings.HasPrefix(name, "es/") {
			wantLocale, other = "es_ES", "en_US"
		}
		if locale != wantLocale {
			t.Errorf("%s: og:locale %q, want %q", name, locale, wantLocale)
		}
		switch alternates {
		case other:
			translated++
		case "":
			single++
		default:
			t.Errorf("%s: og:locale:alternate %q", name, alternates)
		}
	}
	if translated == 0 || single == 0 {
		t.Errorf("%d translated pages and %d single ones; the test site has both", translated, single)
	}
}

func TestOGLocale(t *testing.T) {
	for code, want := range map[string]string{"en": "en_US", "es": "es_ES", "pt-BR": "pt_BR", "fr-CA": "fr_CA", "de": "de_DE", "zh-Hant": "zh_TW"} {
		if got := ogLocale(code); got != want {
			t.Errorf("ogLocale(%q) = %q, want %q", code, got, want)
		}
	}
}

// cardsOf returns the share cards in mem, by name.
func cardsOf(mem *output.Memory) map[string][]byte {
	out := map[string][]byte{}
	for _, name := range mem.Names() {
		if strings.HasPrefix(name, cardFolder) {
			data, _ := mem.File(name)
			out[name] = data
		}
	}
	return out
}

// TestShareCardsCached checks that two builds draw the same bytes, that a
// rebuild draws no card it has, and that a title change draws that page's
// card only, the old one leaving the output.
func TestShareCardsCached(t *testing.T) {
	fsys := pageCards(loadSite(t, "site.txtar"))
	first, res := buildSite(t, fsys)
	second, _ := buildSite(t, fsys)
	cards := cardsOf(first)
	if len(cards) == 0 || res.Cards != len(cards) {
		t.Fatalf("first build drew %d cards and wrote %d", res.Cards, len(cards))
	}
	for name, data := range cardsOf(second) {
		if !bytes.Equal(data, cards[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}

	b, mem, res := newTestBuilder(t, fsys)
	if res.Cards != len(cards) {
		t.Fatalf("a Builder's first build drew %d cards, want %d", res.Cards, len(cards))
	}
	if res := rebuild(t, b, "site.yaml"); res.Cards != 0 {
		t.Errorf("a rebuild of everything drew %d cards again", res.Cards)
	}
	// (Sleep's card is also that of the topic Sleep.)
	oldCard := strings.TrimPrefix(metaTags(t, memFile(t, mem, "articles/serotonin/index.html"))["og:image"][0], shareBase)
	f := fsys["content/articles/serotonin.md"]
	f.Data = bytes.Replace(f.Data, []byte("title: Serotonin"), []byte("title: Serotonin, the messenger"), 1)
	if res := rebuild(t, b, "content/articles/serotonin.md"); res.Cards != 1 {
		t.Errorf("a title change drew %d cards, want 1", res.Cards)
	}
	newCard := strings.TrimPrefix(metaTags(t, memFile(t, mem, "articles/serotonin/index.html"))["og:image"][0], shareBase)
	if _, ok := mem.File(newCard); !ok || newCard == oldCard {
		t.Errorf("the new title's card %s is not in the output (old: %s)", newCard, oldCard)
	}
	if _, ok := mem.File(oldCard); ok {
		t.Errorf("the old title's card %s is still in the output", oldCard)
	}
}

// TestShareCardsKeptByOutputDir checks that a one-shot build into a
// folder keeps the cards of the build before it instead of drawing them.
func TestShareCardsKeptByOutputDir(t *testing.T) {
	fsys := loadSite(t, "site.txtar")
	dest := filepath.Join(t.TempDir(), "public")
	var drawn []int
	for range 2 {
		out, err := output.NewDir(dest)
		if err != nil {
			t.Fatal(err)
		}
		res, err := Build(fsys, Options{Writer: out, Now: now})
		if err != nil {
			t.Fatal(err)
		}
		if err := out.Commit(); err != nil {
			t.Fatal(err)
		}
		drawn = append(drawn, res.Cards)
	}
	if drawn[0] == 0 || drawn[1] != 0 {
		t.Errorf("the builds drew %v cards, want some then none", drawn)
	}
	entries, err := os.ReadDir(filepath.Join(dest, filepath.FromSlash(cardFolder)))
	if err != nil || len(entries) != drawn[0] {
		t.Errorf("%s holds %d cards (%v), want %d", cardFolder, len(entries), err, drawn[0])
	}
}

// TestShareImageProblems checks that every unfit picture is reported at
// its image:, all in one run.
func TestShareImageProblems(t *testing.T) {
	fsys := loadSite(t, "site.txtar")
	page := func(name, frontMatter string) {
		fsys["content/pages/"+name+".md"] = &fstest.MapFile{Data: []byte("---\ntitle: " + name + "\n" + frontMatter + "---\nText.\n")}
	}
	page("text", "image: /images/notes.png\nimage_alt: Notes\n")
	page("noalt", "image: /images/door.png\n")
	page("missing", "image: images/gone.jpg\nimage_alt: Gone\n")
	page("vector", "image: /images/logo.svg\nimage_alt: Logo\n")
	page("small", "image: /images/tiny.png\nimage_alt: Tiny\n")
	page("remote", "image: https://cdn.example/a.png\nimage_alt: A\n")
	fsys["static/images/notes.png"] = &fstest.MapFile{Data: []byte("these are notes, not a picture")}
	fsys["static/images/door.png"] = &fstest.MapFile{Data: pngOf(t, 1200, 630)}
	fsys["static/images/logo.svg"] = &fstest.MapFile{Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`)}
	fsys["static/images/tiny.png"] = &fstest.MapFile{Data: pngOf(t, 64, 64)}
	res, err := Build(fsys, Options{Writer: output.NewMemory(), Now: now})
	if err == nil {
		t.Fatal("the build succeeded")
	}
	want := []struct {
		severity diag.Severity
		at       string
		message  string
	}{
		{diag.Error, "content/pages/text.md:3:8", "image /images/notes.png is not a picture that platforms show when a page is shared: use a PNG, JPEG, GIF or WebP file"},
		{diag.Error, "content/pages/noalt.md:3:8", "image_alt is required with image:"},
		{diag.Error, "content/pages/missing.md:3:8", "image images/gone.jpg: there is no file static/images/gone.jpg"},
		{diag.Error, "content/pages/vector.md:3:8", "image /images/logo.svg is not a picture that platforms show"},
		{diag.Warning, "content/pages/small.md:3:8", "image /images/tiny.png is 64 by 64 pixels"},
		{diag.Error, "content/pages/remote.md:3:8", `image "https://cdn.example/a.png" must be a file of static/`},
	}
	for _, w := range want {
		found := false
		for _, d := range res.Diagnostics {
			if strings.HasPrefix(d.String(), w.at+": ") && strings.Contains(d.Message, w.message) && d.Severity == w.severity {
				found = true
			}
		}
		if !found {
			t.Errorf("no %v at %s: %s\nhave:\n%s", w.severity, w.at, w.message, res.Diagnostics)
		}
	}
}

// TestSiteShareImage checks site.yaml's share_image: the picture of every
// page that names none, and no card drawn.
func TestSiteShareImage(t *testing.T) {
	fsys := loadSite(t, "site.txtar")
	yaml := fsys["site.yaml"]
	yaml.Data = []byte(string(yaml.Data) + "share_image: /images/clinic.png\nshare_image_alt: The Riverside clinic building\n")
	fsys["static/images/clinic.png"] = &fstest.MapFile{Data: pngOf(t, 1200, 630)}
	mem, res := buildSite(t, fsys)
	if res.Cards != 0 || len(cardsOf(mem)) != 0 {
		t.Errorf("drew %d cards with a site picture", res.Cards)
	}
	meta := metaTags(t, file(t, mem, "articles/serotonin/index.html"))
	if got := meta["og:image"]; len(got) != 1 || got[0] != shareBase+"images/clinic.png" {
		t.Errorf("og:image %q", got)
	}
	if got := meta["og:image:alt"]; len(got) != 1 || got[0] != "The Riverside clinic building" {
		t.Errorf("og:image:alt %q", got)
	}

	delete(fsys, "static/images/clinic.png")
	_, err := Build(fsys, Options{Writer: output.NewMemory(), Now: now})
	if err == nil || !strings.Contains(err.Error(), "build failed") {
		t.Fatalf("a missing share_image built: %v", err)
	}
}
