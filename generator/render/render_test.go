package render

import (
	"bytes"
	"flag"
	"html/template"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/handout-health/handout/templates"
)

// update rewrites the golden files: go test ./generator/render -update
var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// languages are the languages of the bilingual test site.
var (
	english   = Language{Code: "en", Name: "English"}
	spanish   = Language{Code: "es", Name: "Español", Prefix: "es/"}
	languages = []Language{english, spanish}
)

// testSite is a hand-made site view in lang, "en" or "es", under a
// sub-path base URL; with consent categories when consent is set.
func testSite(lang Language, langs []Language, consent bool) *Site {
	site := &Site{
		Title:       "Riverside Clinic Health Library",
		Description: "Plain-language health information.",
		Language:    lang.Code,
		Prefix:      lang.Prefix,
		Languages:   langs,
		BaseURL:     "https://clinic.example/library/",
		BasePath:    "/library/",
		FeedbackURL: "mailto:library@clinic.example",
		Generator:   "handout test",
		Pages:       []Link{{Title: "About", Path: lang.Prefix + "about/"}},
		Topics:      []Link{{Title: "Mood", Path: lang.Prefix + "tags/mood/"}},
	}
	// The theme's menus, as generator/site makes them where site.yaml
	// has none: the sections, then the free pages.
	labels := map[string][]string{"en": {"Health A to Z", "Topics", "Glossary"}, "es": {"Salud de la A a la Z", "Temas", "Glosario"}}[lang.Code]
	site.Menus = Menus{
		Header: []MenuItem{
			{Label: labels[0], URL: template.URL("/library/" + lang.Prefix + "#a-to-z"), Kinds: []string{"home"}},
			{Label: labels[1], URL: template.URL("/library/" + lang.Prefix + "tags/"), Kinds: []string{"tags", "tag"}},
			{Label: labels[2], URL: template.URL("/library/" + lang.Prefix + "glossary/"), Kinds: []string{"glossary", "term"}},
		},
		Footer: []MenuItem{{Label: "About", URL: template.URL("/library/" + lang.Prefix + "about/"), Path: lang.Prefix + "about/"}},
	}
	if consent {
		site.Consent = &Consent{Version: 1, ExpiresDays: 180, Categories: []ConsentCategory{
			{ID: "analytics", Title: "Analytics", Description: "How visitors use the site.", Cookies: []string{"_pk_*"}},
			{ID: "marketing", Title: "Marketing", Description: "News about the clinic on other sites.", Cookies: []string{"_fbp"}},
			{ID: "personalization", Title: "Personalisation", Description: "Things you choose."},
		}}
		if lang.Code == "es" {
			site.Consent.Categories[0].Title, site.Consent.Categories[0].Description = "Analítica", "Cómo se usa el sitio."
			site.Consent.Categories[1].Title, site.Consent.Categories[1].Description = "Publicidad", "Noticias de la clínica en otros sitios."
			site.Consent.Categories[2].Title, site.Consent.Categories[2].Description = "Personalización", "Lo que usted elige."
		}
	}
	return site
}

// loadTheme loads the default theme for site.
func loadTheme(t *testing.T, site *Site) *Theme {
	t.Helper()
	theme, list := Load(site, Options{Theme: templates.FS, OverridesPath: "templates"})
	if theme == nil || len(list) > 0 {
		t.Fatalf("loading the default theme: %v", list)
	}
	return theme
}

// render renders page with theme.
func render(t *testing.T, theme *Theme, page *Page) string {
	t.Helper()
	var buf bytes.Buffer
	if err := theme.Render(&buf, nil, page); err != nil {
		t.Fatalf("rendering %s: %v", page.Kind, err)
	}
	return buf.String()
}

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	file := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it); got:\n%s", file, got)
	}
}

func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

// articlePage is the serotonin article in lang (English or Spanish).
func articlePage(lang Language) *Page {
	w := map[string]string{
		"title": "Serotonin", "summary": "A chemical messenger of the brain and gut.", "body": "Serotonin helps nerve cells talk.",
		"topic": "Mood", "section": "Context", "related": "Dopamine", "related summary": "Another messenger.",
	}
	if lang.Code == "es" {
		w = map[string]string{
			"title": "Serotonina", "summary": "Un mensajero químico del cerebro y del intestino.", "body": "La serotonina ayuda a las células nerviosas a comunicarse.",
			"topic": "Estado de ánimo", "section": "Contexto", "related": "Dopamina", "related summary": "Otro mensajero.",
		}
	}
	return &Page{
		Kind: "article", Title: w["title"], Description: w["summary"],
		Path: lang.Prefix + "articles/serotonin/",
		Body: template.HTML("<p>" + w["body"] + "</p>"),
		Article: &Article{
			Summary:      w["summary"],
			Synonyms:     []string{"5-HT"},
			Tags:         []Link{{Title: w["topic"], Path: lang.Prefix + "tags/mood/"}},
			Sections:     []Section{{ID: "context", Title: w["section"]}},
			ReviewedBy:   "A. Clinician, PharmD",
			LastReviewed: day("2026-03-01"),
			NextReview:   day("2028-03-01"),
			Sources:      []Source{{Title: "NHS: Serotonin", URL: "https://www.nhs.uk/serotonin"}},
			Related:      []Entry{{Title: w["related"], Path: lang.Prefix + "articles/dopamine/", Summary: w["related summary"], Kind: "article"}},
			StructData:   map[string]string{"@type": "MedicalWebPage"},
		},
	}
}

// TestSwitcher renders an English article whose Spanish translation is
// missing, and the Spanish translation of another, stale, with the
// language switcher and the hreflang links.
func TestSwitcher(t *testing.T) {
	t.Run("missing translation", func(t *testing.T) {
		theme := loadTheme(t, testSite(english, languages, false))
		page := articlePage(english)
		page.Article.Synonyms = nil
		page.Alternates = []Alternate{
			{Language: english, Path: "articles/serotonin/", Current: true},
			{Language: spanish, Path: "es/untranslated/", Missing: true},
		}
		got := render(t, theme, page)
		golden(t, "article-en-missing-es.html", got)
		for _, want := range []string{
			`<li><span aria-current="true" lang="en">English</span></li>`,
			`<li><a href="/library/es/untranslated/" hreflang="es"><span lang="es">Español</span> (not translated yet)</a></li>`,
		} {
			if !strings.Contains(got, want) {
				t.Errorf("the page lacks %s", want)
			}
		}
		// A page in one language has no alternates to announce.
		if strings.Contains(got, `<link rel="alternate" hreflang=`) {
			t.Error("a page with no translation has hreflang links")
		}
	})
	t.Run("stale translation", func(t *testing.T) {
		theme := loadTheme(t, testSite(spanish, languages, false))
		page := articlePage(spanish)
		page.Alternates = []Alternate{
			{Language: english, Path: "articles/serotonin/"},
			{Language: spanish, Path: "es/articles/serotonin/", Current: true},
		}
		page.Article.Translation = &Translation{
			Source:         Entry{Title: "Serotonin", Path: "articles/serotonin/", Kind: "article", Date: day("2026-10-01")},
			SourceLanguage: english,
			Stale:          true,
		}
		got := render(t, theme, page)
		golden(t, "article-es-stale.html", got)
		for _, want := range []string{
			`<html lang="es">`,
			`<link rel="alternate" hreflang="en" href="https://clinic.example/library/articles/serotonin/">`,
			`<link rel="alternate" hreflang="es" href="https://clinic.example/library/es/articles/serotonin/">`,
			`<link rel="alternate" hreflang="x-default" href="https://clinic.example/library/articles/serotonin/">`,
			`<li><a href="/library/articles/serotonin/" lang="en" hreflang="en">English</a></li>`,
			`<li><span aria-current="true" lang="es">Español</span></li>`,
			`Traducido de la <a href="/library/articles/serotonin/" hreflang="en">versión en inglés</a>.`,
			`La versión original en inglés se revisó el 1 de octubre de 2026`,
			`<strong>Es posible que esta traducción no esté al día.</strong>`,
			`<a class="site-name" href="/library/es/">Riverside Clinic Health Library</a>`,
			`<a href="/library/es/glossary/">Glosario</a>`,
			`href="/library/es/feed.xml"`,
		} {
			if !strings.Contains(got, want) {
				t.Errorf("the page lacks %s", want)
			}
		}
	})
	t.Run("one language", func(t *testing.T) {
		theme := loadTheme(t, testSite(english, []Language{english}, false))
		page := articlePage(english)
		page.Alternates = []Alternate{{Language: english, Path: "articles/serotonin/", Current: true}}
		got := render(t, theme, page)
		if strings.Contains(got, "hreflang") || strings.Contains(got, `class="languages"`) {
			t.Error("a site with one language has hreflang links or a switcher")
		}
	})
}

// TestUntranslatedPage renders the page a Spanish reader gets for a page
// not translated into Spanish.
func TestUntranslatedPage(t *testing.T) {
	theme := loadTheme(t, testSite(spanish, languages, false))
	got := render(t, theme, &Page{
		Kind: "untranslated", Title: theme.Text("untranslated.title"), Path: "es/untranslated/", NoIndex: true,
		Alternates: []Alternate{
			{Language: english, Path: ""},
			{Language: spanish, Path: "es/untranslated/", Current: true},
		},
	})
	golden(t, "untranslated-es.html", got)
	for _, want := range []string{
		`<meta name="robots" content="noindex">`,
		`<h1 id="page-title">Página sin traducir</h1>`,
		`Esta página todavía no está disponible en español.`,
		`<a href="/library/es/">Ir a la página de inicio</a>`,
		`<a href="/library/es/#a-to-z">`,
		`<a href="/library/es/search/">Buscar en la biblioteca</a>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
}

// TestSpanishConsent renders the Spanish cookies page, with the banner,
// the preferences dialog and the placeholder.
func TestSpanishConsent(t *testing.T) {
	theme := loadTheme(t, testSite(spanish, languages, true))
	got := render(t, theme, &Page{Kind: "cookies", Title: theme.Text("cookies.title"), Description: theme.Text("cookies.description"), Path: "es/cookies/"})
	golden(t, "cookies-es.html", got)
	for _, want := range []string{
		`aria-label="Cookies en Riverside Clinic Health Library"`,
		`data-msg-some="Ha aceptado las cookies de {0}. Las demás cookies opcionales están desactivadas."`,
		`data-msg-and="y"`,
		`También nos gustaría usar cookies opcionales: Analítica, Publicidad y Personalización.`,
		`<button type="button" class="button consent-button" data-consent-reject>Rechazar todas</button>`,
		`Puede <a href="/library/es/cookies/">cambiar la configuración de cookies</a> en cualquier momento.`,
		// One consent for every language: the cookie's path is the base path.
		`<script type="application/json" id="consent-config" data-path="/library/">`,
		`180 días, o antes si cambiamos las cookies que usamos`,
		`Un nombre de cookie que termina en <code>*</code> representa`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
}

// TestEnglishPages renders a page of every kind in English, for the
// golden file that shows the theme's English words where they are.
func TestEnglishPages(t *testing.T) {
	site := testSite(english, []Language{english}, true)
	theme := loadTheme(t, site)
	var all strings.Builder
	for _, page := range englishPages() {
		all.WriteString("<!-- " + page.Kind + " -->\n")
		all.WriteString(render(t, theme, page))
	}
	golden(t, "english.html", all.String())
}

// englishPages are hand-made pages of every kind.
func englishPages() []*Page {
	entries := []Entry{
		{Title: "Serotonin", Path: "articles/serotonin/", Summary: "A chemical messenger.", Kind: "article", Also: []string{"5-HT"}},
		{Title: "Reuptake", Path: "glossary/reuptake/", Summary: "Taking a messenger back in.", Kind: "term"},
	}
	groups := []Group{{ID: "letter-r", Title: "R", Entries: entries[1:]}, {ID: "letter-s", Title: "S", Entries: entries[:1]}}
	article := articlePage(english)
	article.Article.Overdue = true
	article.Article.Backlinks = entries[:1]
	article.Article.Terms = entries[1:]
	return []*Page{
		{Kind: "home", Title: "Riverside Clinic Health Library", Entries: entries[:1], Groups: groups},
		article,
		{Kind: "term", Title: "Reuptake", Path: "glossary/reuptake/", Body: "<p>Taking a messenger back in.</p>",
			Term: &Term{Definition: "Taking a messenger back in.", Synonyms: []string{"re-uptake"}, UsedBy: entries[:1]}},
		{Kind: "page", Title: "About", Path: "about/", Body: "<p>Who we are.</p>"},
		{Kind: "glossary", Title: "Glossary", Path: "glossary/", Groups: groups},
		{Kind: "tags", Title: "Topics", Path: "tags/", Groups: []Group{{ID: "topic-mood", Title: "Mood", Path: "tags/mood/", Entries: entries[:1]}}},
		{Kind: "tag", Title: "Mood", Path: "tags/mood/", Entries: entries[:1]},
		{Kind: "tag", Title: "Sleep", Path: "tags/sleep/", Entries: entries},
		{Kind: "search", Title: "Search", Path: "search/"},
		{Kind: "cookies", Title: "Cookies", Path: "cookies/"},
		{Kind: "404", Title: "Page not found", Path: "404.html", NoIndex: true},
		{Kind: "redirect", Title: "Serotonin", Path: "old/serotonin/", Target: "articles/serotonin/", NoIndex: true},
	}
}

// TestPartialEach checks that partialEach writes each entry with the
// named partial, keeps the results of different partials apart (an
// entry's <li> is not its <dt>), reuses them within a build and forgets
// them on ResetCache.
func TestPartialEach(t *testing.T) {
	theme := loadTheme(t, testSite(english, nil, false))
	each := theme.partialEach(theme.layouts["article"])
	list := []Entry{
		{Title: "Serotonin", Path: "glossary/serotonin/", Summary: "A chemical messenger.", Kind: "term"},
		{Title: "GABA & glutamate", Path: "glossary/gaba/", Summary: "They calm and excite.", Kind: "term"},
	}
	items, err := each("partials/entry.html", list)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(items), `<li class="entry entry--term">`); n != 2 || !strings.Contains(string(items), `href="/library/glossary/gaba/">GABA &amp; glutamate</a>`) {
		t.Errorf("entries:\n%s", items)
	}
	definitions, err := each("partials/definition.html", list)
	if err != nil {
		t.Fatal(err)
	}
	want := "\n      <div><dt>Serotonin</dt><dd>A chemical messenger.</dd></div>\n      <div><dt>GABA &amp; glutamate</dt><dd>They calm and excite.</dd></div>"
	if string(definitions) != want {
		t.Errorf("definitions:\n%q\nwant\n%q", definitions, want)
	}
	list[0].Title = "5-HT"
	if again, _ := each("partials/definition.html", list); again != definitions {
		t.Errorf("an entry was rendered again within a build:\n%s", again)
	}
	theme.ResetCache()
	if after, _ := each("partials/definition.html", list); !strings.Contains(string(after), "<dt>5-HT</dt>") {
		t.Errorf("ResetCache kept an entry as it was:\n%s", after)
	}
}

// TestQRCodeJudged: with Options.Clean set, the QR code an article page
// draws is judged already for the page that holds it (once: the next
// page to ask reads it), without Clean being asked about it; without
// Clean nothing is judged.
func TestQRCodeJudged(t *testing.T) {
	for _, judging := range []bool{true, false} {
		var asked []string
		opts := Options{Theme: templates.FS, OverridesPath: "templates"}
		if judging {
			opts.Clean = func(html []byte) bool {
				asked = append(asked, string(html))
				return true
			}
		}
		theme, list := Load(testSite(english, nil, false), opts)
		if theme == nil || len(list) > 0 {
			t.Fatalf("loading the default theme: %v", list)
		}
		page := render(t, theme, articlePage(english))
		start := strings.Index(page, `<svg class="qr"`)
		end := strings.Index(page, "</svg>")
		if start < 0 || end < start {
			t.Fatalf("no QR code on the article page:\n%s", page)
		}
		svg := []byte(page[start : end+len("</svg>")])
		if got := theme.Judged(svg); got != judging {
			t.Errorf("judging %v: Judged(QR code) = %v", judging, got)
		}
		if theme.Judged(svg) {
			t.Errorf("judging %v: the QR code is judged for a second page", judging)
		}
		for _, html := range asked {
			if strings.HasPrefix(html, "<svg") {
				t.Errorf("Clean was asked about the QR code: %.60s", html)
			}
		}
	}
}
