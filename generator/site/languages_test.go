package site

import (
	"encoding/xml"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/handout-health/handout/generator/diag"
)

// hreflangs returns a page's hreflang links as "code href" lines.
func hreflangs(page string) []string {
	var out []string
	for _, m := range regexp.MustCompile(`<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">`).FindAllStringSubmatch(page, -1) {
		out = append(out, m[1]+" "+m[2])
	}
	return out
}

func TestLanguagesAddresses(t *testing.T) {
	mem, res := buildSite(t, loadSite(t, "bilingual.txtar"))
	for _, name := range []string{
		"index.html", "articles/sleep/index.html", "articles/caffeine/index.html", "glossary/melatonin/index.html",
		"es/index.html", "es/articles/sleep/index.html", "es/articles/ejercicio/index.html", "es/glossary/melatonin/index.html",
		"es/glossary/index.html", "es/tags/index.html", "es/tags/sueno/index.html", "es/search/index.html", "es/cookies/index.html",
		"es/404.html", "es/feed.xml", "es/search/index.json", "es/untranslated/index.html", "untranslated/index.html",
		"sitemap.xml", "feed.xml", "search/index.json",
	} {
		file(t, mem, name)
	}
	for _, name := range []string{"es/articles/caffeine/index.html", "es/about/index.html", "es/sitemap.xml", "articles/ejercicio/index.html"} {
		if _, ok := mem.File(name); ok {
			t.Errorf("%s was written", name)
		}
	}
	es := res.Site.Translations[0]
	if got := len(es.Articles); got != 2 {
		t.Errorf("Spanish articles: %d, want 2", got)
	}
	if d := es.Doc("content/articles/es/ejercicio.md"); d == nil || d.Source == nil || d.Source.Path != "content/articles/exercise.md" {
		t.Errorf("translation_of: Exercise did not pair ejercicio.md with exercise.md: %+v", d)
	}
	if d := es.Doc("content/articles/sleep.es.md"); d == nil || d.Source != res.Site.Doc("content/articles/sleep.md") {
		t.Error("sleep.es.md is not paired with sleep.md")
	}
}

func TestLanguagesLangAndHreflang(t *testing.T) {
	mem, _ := buildSite(t, loadSite(t, "bilingual.txtar"))
	const base = "https://example.org/library/"
	tests := []struct {
		page, lang string
		hreflang   []string
	}{
		{"articles/sleep/index.html", "en", []string{"en " + base + "articles/sleep/", "es " + base + "es/articles/sleep/", "x-default " + base + "articles/sleep/"}},
		{"es/articles/sleep/index.html", "es", []string{"en " + base + "articles/sleep/", "es " + base + "es/articles/sleep/", "x-default " + base + "articles/sleep/"}},
		{"es/articles/ejercicio/index.html", "es", []string{"en " + base + "articles/exercise/", "es " + base + "es/articles/ejercicio/", "x-default " + base + "articles/exercise/"}},
		{"es/glossary/melatonin/index.html", "es", []string{"en " + base + "glossary/melatonin/", "es " + base + "es/glossary/melatonin/", "x-default " + base + "glossary/melatonin/"}},
		{"es/index.html", "es", []string{"en " + base, "es " + base + "es/", "x-default " + base}},
		{"glossary/index.html", "en", []string{"en " + base + "glossary/", "es " + base + "es/glossary/", "x-default " + base + "glossary/"}},
		// Not translated: no alternates to announce.
		{"articles/caffeine/index.html", "en", nil},
		{"es/untranslated/index.html", "es", nil},
	}
	for _, tt := range tests {
		page := file(t, mem, tt.page)
		if !strings.Contains(page, `<html lang="`+tt.lang+`"`) {
			t.Errorf("%s: no <html lang=%q>", tt.page, tt.lang)
		}
		got := hreflangs(page)
		slices.Sort(got)
		if !slices.Equal(got, tt.hreflang) {
			t.Errorf("%s: hreflang links\n got %q\nwant %q", tt.page, got, tt.hreflang)
		}
	}
}

func TestLanguagesSitemapAlternates(t *testing.T) {
	mem, _ := buildSite(t, loadSite(t, "bilingual.txtar"))
	var set struct {
		URLs []struct {
			Loc   string `xml:"loc"`
			Links []struct {
				Rel      string `xml:"rel,attr"`
				HrefLang string `xml:"hreflang,attr"`
				Href     string `xml:"href,attr"`
			} `xml:"http://www.w3.org/1999/xhtml link"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal([]byte(file(t, mem, "sitemap.xml")), &set); err != nil {
		t.Fatal(err)
	}
	const base = "https://example.org/library/"
	links := map[string][]string{}
	for _, u := range set.URLs {
		for _, l := range u.Links {
			if l.Rel != "alternate" {
				t.Errorf("%s: link rel %q", u.Loc, l.Rel)
			}
			links[u.Loc] = append(links[u.Loc], l.HrefLang+" "+l.Href)
		}
	}
	pair := []string{"en " + base + "articles/sleep/", "es " + base + "es/articles/sleep/", "x-default " + base + "articles/sleep/"}
	for _, loc := range []string{base + "articles/sleep/", base + "es/articles/sleep/"} {
		if !slices.Equal(links[loc], pair) {
			t.Errorf("sitemap alternates of %s = %q, want %q", loc, links[loc], pair)
		}
	}
	if l, ok := links[base+"articles/caffeine/"]; ok {
		t.Errorf("an untranslated article has alternates: %q", l)
	}
	if len(links[base+"es/"]) != 3 {
		t.Errorf("the Spanish home page's alternates: %q", links[base+"es/"])
	}
}

func TestLanguagesSwitcherAndGlossary(t *testing.T) {
	mem, _ := buildSite(t, loadSite(t, "bilingual.txtar"))
	en := file(t, mem, "articles/sleep/index.html")
	es := file(t, mem, "es/articles/sleep/index.html")
	caffeine := file(t, mem, "articles/caffeine/index.html")
	contains := func(name, page string, want ...string) {
		t.Helper()
		for _, w := range want {
			if !strings.Contains(page, w) {
				t.Errorf("%s does not contain %s", name, w)
			}
		}
	}
	// Each page's switcher leads to the translation, or to the page that
	// says there is none.
	contains("articles/sleep/", en, `href="/library/es/articles/sleep/"`)
	contains("es/articles/sleep/", es, `href="/library/articles/sleep/"`)
	contains("articles/caffeine/", caffeine, `href="/library/es/untranslated/"`)
	// Glossary links stay within the language.
	contains("articles/sleep/", en, `href="/library/glossary/melatonin/"`)
	contains("es/articles/sleep/", es, `href="/library/es/glossary/melatonin/"`)
	if strings.Contains(es, `href="/library/glossary/melatonin/"`) {
		t.Error("the Spanish article links the English glossary term")
	}
	// A wiki link to an article with no Spanish version falls back to
	// the English one; one with a translation stays in Spanish.
	contains("es/articles/sleep/", es, `href="/library/articles/caffeine/"`, `href="/library/es/articles/ejercicio/"`)
	// Dates as Spanish writes them, and the Spanish site title.
	contains("es/articles/sleep/", es, "1 de octubre de 2026", "Biblioteca de la clínica")
	contains("es/tags/sueno/", file(t, mem, "es/tags/sueno/index.html"), `href="/library/es/articles/sleep/"`, `href="/library/es/articles/ejercicio/"`)
	// The Spanish feed lists the Spanish articles only.
	feed := file(t, mem, "es/feed.xml")
	contains("es/feed.xml", feed, "https://example.org/library/es/articles/sleep/")
	if strings.Contains(feed, "articles/caffeine/") {
		t.Error("the Spanish feed lists an English article")
	}
}

func TestLanguagesStaleTranslation(t *testing.T) {
	fsys := loadSite(t, "bilingual.txtar")
	es := string(fsys["content/articles/sleep.es.md"].Data)
	fsys["content/articles/sleep.es.md"] = &fstest.MapFile{Data: []byte(strings.Replace(es, "last_reviewed: 2026-10-01", "last_reviewed: 2026-08-01", 1))}
	mem, res := buildSite(t, fsys)
	var stale []diag.Diagnostic
	for _, d := range res.Diagnostics {
		if d.Rule == diag.RuleTranslationStale {
			stale = append(stale, d)
		}
	}
	if len(stale) != 1 || stale[0].Path != "content/articles/sleep.es.md" || stale[0].Line != 7 || stale[0].Severity != diag.Warning {
		t.Fatalf("stale translation diagnostics: %v", stale)
	}
	if !res.Site.Translations[0].Doc("content/articles/sleep.es.md").Stale() {
		t.Error("Stale() is false")
	}
	page := file(t, mem, "es/articles/sleep/index.html")
	// The page says so, with the date of the newer source.
	if !strings.Contains(page, "1 de septiembre de 2026") {
		t.Error("the stale translation's page does not give the source's review date")
	}
}

func TestLanguagesErrors(t *testing.T) {
	tests := []struct {
		name, file, text, want string
	}{
		{"unknown translation_of", "content/articles/es/ejercicio.md", "translation_of: Exercise", "translation_of: Nothing"},
		{"unknown lang", "content/articles/es/ejercicio.md", "lang: es", "lang: fr"},
	}
	wants := map[string]string{
		"unknown translation_of": `content/articles/es/ejercicio.md:5:1: translation_of: no document in English is called "Nothing"`,
		"unknown lang":           `content/articles/es/ejercicio.md:4:1: lang "fr" is not one of the site's languages (en, es)`,
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := loadSite(t, "bilingual.txtar")
			fsys[tt.file] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys[tt.file].Data), tt.text, tt.want, 1))}
			res, err := Build(fsys, Options{Writer: discard{}, Now: now})
			if err == nil {
				t.Fatal("the build passed")
			}
			if !strings.Contains(res.Diagnostics.String(), wants[tt.name]) {
				t.Errorf("diagnostics:\n%s\nwant %s", res.Diagnostics, wants[tt.name])
			}
		})
	}
}

func TestLanguagesIncremental(t *testing.T) {
	fsys := loadSite(t, "bilingual.txtar")
	b, mem, _ := newTestBuilder(t, fsys)
	// A new translation: the English page's switcher now leads to it.
	fsys["content/articles/caffeine.es.md"] = &fstest.MapFile{Data: []byte(strings.NewReplacer("title: Caffeine", "title: Cafeína", "It can delay", "Puede retrasar").Replace(string(fsys["content/articles/caffeine.md"].Data)))}
	rebuild(t, b, "content/articles/caffeine.es.md")
	if got := memFile(t, mem, "articles/caffeine/index.html"); !strings.Contains(got, `href="/library/es/articles/caffeine/"`) {
		t.Error("after adding caffeine.es.md the English page does not lead to it")
	}
	memFile(t, mem, "es/articles/caffeine/index.html")
	// An edit of one translation renders only pages of its language.
	fsys["content/articles/sleep.es.md"] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys["content/articles/sleep.es.md"].Data), "Dormir es", "Dormir bien es", 1))}
	res := rebuild(t, b, "content/articles/sleep.es.md")
	if res.Pages != 1 {
		t.Errorf("editing a Spanish article body rendered %d pages, want 1", res.Pages)
	}
	// Removing it: the English page says it is not translated again.
	delete(fsys, "content/articles/caffeine.es.md")
	rebuild(t, b, "content/articles/caffeine.es.md")
	if _, ok := mem.File("es/articles/caffeine/index.html"); ok {
		t.Error("the removed translation's page is still there")
	}
	// The result equals a full build of the same files.
	full := fullBuild(t, fsys)
	for _, name := range differing(full, mem) {
		t.Errorf("%s differs from a full build", name)
	}
	if len(full.Names()) != len(mem.Names()) {
		t.Errorf("incremental output has %d files, a full build %d", len(mem.Names()), len(full.Names()))
	}
}
