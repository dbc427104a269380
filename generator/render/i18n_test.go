package render

import (
	"bytes"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/goccy/go-yaml"

	"github.com/handout-health/handout/templates"
)

// stringTheme is a small theme with string files in English, Spanish,
// Portuguese and Brazilian Portuguese, and a layout that shows one
// string, for the lookup tests.
var stringTheme = fstest.MapFS{
	"layouts/base.html": {Data: []byte(`{{block "main" .}}{{end}}`)},
	"layouts/page.html": {Data: []byte(`{{define "main"}}{{t .Page.Title}}{{end}}`)},
	"i18n/en.yaml": {Data: []byte(`home: Home
greeting: Hello, {0}!
pair: "{0} and {1}"
only.en: English only
tag.count:
  one: "{0} article on {1}."
  other: "{0} articles on {1}."
link: Read the [original]({0}) or ` + "`{1}`" + `.
search.js.more: More ({0})
search.js.results:
  one: "{0} result"
  other: "{0} results"
language.es: Spanish
`)},
	"i18n/es.yaml": {Data: []byte(`home: Inicio
greeting: ¡Hola, {0}!
tag.count:
  one: "{0} artículo sobre {1}."
  other: "{0} artículos sobre {1}."
language.es: español
`)},
	"i18n/pt.yaml": {Data: []byte(`home: Início
tag.count:
  one: "{0} artigo"
  other: "{0} artigos"
`)},
	"i18n/pt-BR.yaml": {Data: []byte("greeting: Olá, {0}!\n")},
}

// loadStrings loads stringTheme (with overrides, when not nil) for a
// site in lang.
func loadStrings(t *testing.T, lang string, overrides fs.FS) *Theme {
	t.Helper()
	theme, list := Load(&Site{Language: lang, BasePath: "/"}, Options{Theme: stringTheme, Overrides: overrides, OverridesPath: "templates"})
	if theme == nil || len(list) > 0 {
		t.Fatalf("Load: %v", list)
	}
	return theme
}

func TestT(t *testing.T) {
	tests := []struct {
		lang, key string
		args      []any
		want      string
	}{
		{"en", "home", nil, "Home"},
		{"es", "home", nil, "Inicio"},
		{"es", "only.en", nil, "English only"},                   // falls back to en
		{"pt-BR", "greeting", []any{"Ana"}, "Olá, Ana!"},         // the exact code
		{"pt_br", "greeting", []any{"Ana"}, "Olá, Ana!"},         // written another way
		{"pt-BR", "home", nil, "Início"},                         // then the base language
		{"pt-PT", "home", nil, "Início"},                         // a code with no file of its own
		{"pt-BR", "only.en", nil, "English only"},                // then en
		{"fr", "greeting", []any{"Zoé"}, "Hello, Zoé!"},          // a language with no file
		{"EN", "pair", []any{1, "two"}, "1 and two"},             // arguments in order
		{"en", "pair", []any{"one"}, "one and {1}"},              // a placeholder with no argument stays
		{"en", "greeting", []any{"<b>"}, "Hello, <b>!"},          // plain text: html/template escapes it
		{"en", "tag.count", []any{1, "x"}, "1 articles on x."},   // t gives the other form
		{"es", "language.es", nil, "español"},                    // open keys
		{"en", "greeting", nil, "Hello, {0}!"},                   // no arguments: as written
		{"es", "greeting", []any{"Ana", "extra"}, "¡Hola, Ana!"}, // an argument too many is ignored
	}
	for _, tt := range tests {
		theme := loadStrings(t, tt.lang, nil)
		got, err := theme.texts.text(tt.key, tt.args...)
		if err != nil || got != tt.want {
			t.Errorf("%s: t %q %v = %q, %v; want %q", tt.lang, tt.key, tt.args, got, err, tt.want)
		}
		if tt.lang == "en" && theme.Text(tt.key, tt.args...) != tt.want {
			t.Errorf("%s: Theme.Text(%q) = %q, want %q", tt.lang, tt.key, theme.Text(tt.key, tt.args...), tt.want)
		}
	}
}

func TestTn(t *testing.T) {
	tests := []struct {
		lang string
		n    int
		want string
	}{
		{"en", 0, "0 articles on sleep."},
		{"en", 1, "1 article on sleep."},
		{"en", 2, "2 articles on sleep."},
		{"es", 1, "1 artículo sobre sleep."},
		{"es", 21, "21 artículos sobre sleep."},
		{"pt-BR", 0, "0 artigo"}, // Brazilian Portuguese counts 0 as one
		{"pt", 1, "1 artigo"},
		{"pt-PT", 0, "0 artigos"}, // European Portuguese does not
		{"fr", 0, "0 article on sleep."},
		{"fr", 2, "2 articles on sleep."},
	}
	for _, tt := range tests {
		theme := loadStrings(t, tt.lang, nil)
		got, err := theme.texts.plural("tag.count", tt.n, "sleep")
		if err != nil || got != tt.want {
			t.Errorf("%s: tn tag.count %d = %q, %v; want %q", tt.lang, tt.n, got, err, tt.want)
		}
	}
	// A plain string takes any count.
	if got, err := loadStrings(t, "en", nil).texts.plural("home", 3); err != nil || got != "Home" {
		t.Errorf("tn on a plain string = %q, %v", got, err)
	}
}

func TestTParts(t *testing.T) {
	theme := loadStrings(t, "en", nil)
	got, err := theme.texts.parts("link", "/a/", "[x](javascript:alert(1))")
	if err != nil {
		t.Fatal(err)
	}
	want := []textPart{{Text: "Read the "}, {Text: "original", URL: "/a/"}, {Text: " or "}, {Text: "[x](javascript:alert(1))", Code: true}, {Text: "."}}
	if !slices.Equal(got, want) {
		t.Errorf("tparts = %+v\nwant %+v", got, want)
	}
}

func TestTScript(t *testing.T) {
	theme := loadStrings(t, "es", nil)
	got, err := theme.texts.script("search.js.")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"more": "More ({0})", "results": map[string]string{"one": "{0} result", "other": "{0} results"}}
	a, _ := yaml.Marshal(got)
	b, _ := yaml.Marshal(want)
	if !bytes.Equal(a, b) {
		t.Errorf("tscript = %s, want %s", a, b)
	}
	if _, err := theme.texts.script("nothing."); err == nil {
		t.Error("tscript of a prefix no key has: no error")
	}
}

func TestLanguageName(t *testing.T) {
	theme, list := Load(&Site{Language: "es", Languages: []Language{{Code: "pl", Name: "Polski"}}},
		Options{Theme: stringTheme})
	if theme == nil {
		t.Fatal(list)
	}
	for code, want := range map[string]string{"es": "español", "ES": "español", "es-MX": "español", "pl": "Polski", "sw": "sw"} {
		if got := theme.texts.languageName(code); got != want {
			t.Errorf("languageName %q = %q, want %q", code, got, want)
		}
	}
}

// A site's string file changes the strings it names and no other.
func TestSiteOverrides(t *testing.T) {
	site := fstest.MapFS{
		"i18n/en.yaml": {Data: []byte("home: Start\nonly.en: Site English\n")},
		"i18n/es.yaml": {Data: []byte("greeting: ¡Buenas, {0}!\n")},
	}
	tests := []struct{ lang, key, want string }{
		{"en", "home", "Start"},
		{"en", "greeting", "Hello, Ana!"},
		{"es", "greeting", "¡Buenas, Ana!"},
		{"es", "home", "Inicio"},             // the theme's Spanish beats the site's English
		{"es", "only.en", "Site English"},    // the site's English beats the theme's
		{"pt-BR", "only.en", "Site English"}, // and so for every language
	}
	for _, tt := range tests {
		theme := loadStrings(t, tt.lang, site)
		if got := theme.Text(tt.key, "Ana"); got != tt.want {
			t.Errorf("%s: %s = %q, want %q", tt.lang, tt.key, got, tt.want)
		}
	}
}

// A broken string file, or a key that the theme's English file does not
// have, is an error at its line and column, with every other theme
// error.
func TestStringFileErrors(t *testing.T) {
	tests := []struct {
		name  string
		files fstest.MapFS
		want  []string
	}{
		{"unknown key", fstest.MapFS{"i18n/es.yaml": {Data: []byte("home: Inicio\n\ngreting: Hola\n")}},
			[]string{`templates/i18n/es.yaml:3:1: unknown key "greting": the theme's i18n/en.yaml has no such string`}},
		{"broken YAML", fstest.MapFS{"i18n/es.yaml": {Data: []byte("home: Inicio\ngreeting: \"Hola\n")}},
			[]string{"templates/i18n/es.yaml:2:"}},
		{"plural for a plain string", fstest.MapFS{"i18n/en.yaml": {Data: []byte("home:\n  one: Home\n  other: Homes\n")}},
			[]string{`templates/i18n/en.yaml:1:1: "home" is not a plural string`}},
		{"unknown plural form", fstest.MapFS{"i18n/en.yaml": {Data: []byte("tag.count:\n  one: a\n  few: b\n  other: c\n")}},
			[]string{`templates/i18n/en.yaml:3:3: "tag.count": unknown plural form "few"`}},
		{"no other form", fstest.MapFS{"i18n/en.yaml": {Data: []byte("tag.count:\n  one: a\n")}},
			[]string{`templates/i18n/en.yaml:1:1: "tag.count" has no other: form`}},
		{"a list", fstest.MapFS{"i18n/en.yaml": {Data: []byte("home: [a, b]\n")}},
			[]string{`templates/i18n/en.yaml:1:7: "home" must be a text`}},
		{"not a mapping", fstest.MapFS{"i18n/en.yaml": {Data: []byte("- home\n")}},
			[]string{"templates/i18n/en.yaml:1:1: a string file is a list of `key: text` lines"}},
		{"a link that runs script", fstest.MapFS{"i18n/en.yaml": {Data: []byte("home: \"[Home](javascript:history.back())\"\n")}},
			[]string{`templates/i18n/en.yaml:1:1: "home" links to "javascript:history.back(", which runs script`}},
		{"a link that runs script, disguised", fstest.MapFS{"i18n/es.yaml": {Data: []byte("home: \"Ir a [inicio]( JaVa\\tScript:x) ya\"\n")}},
			[]string{`templates/i18n/es.yaml:1:1: "home" links to " JaVa\tScript:x", which runs script`}},
		{"a plural form linking to a data page", fstest.MapFS{"i18n/en.yaml": {Data: []byte("tag.count:\n  one: a\n  other: \"[b](data:text/html,x)\"\n")}},
			[]string{`templates/i18n/en.yaml:1:1: "tag.count" links to "data:text/html,x", which is a data: address`}},
		{"an alias", fstest.MapFS{"i18n/es.yaml": {Data: []byte("home: &h Inicio\nnav.glossary: *h\n")}},
			[]string{"templates/i18n/es.yaml:1:7: a YAML anchor (&h) is not supported"}},
		{"nested lists", fstest.MapFS{"i18n/es.yaml": {Data: []byte("home: " + strings.Repeat("[", 5000) + "\n")}},
			[]string{"templates/i18n/es.yaml:1:26: lists and maps nest more than 20 levels"}},
		{"misnamed file", fstest.MapFS{"i18n/es.yml": {Data: []byte("home: Inicio\n")}},
			[]string{"templates/i18n/es.yml:1:1: a string file is named after its language"}},
		{"with a template error", fstest.MapFS{
			"i18n/es.yaml":      {Data: []byte("greting: Hola\n")},
			"layouts/page.html": {Data: []byte(`{{define "main"}}{{t}`)},
		}, []string{"templates/i18n/es.yaml:1:1: unknown key", "templates/layouts/page.html:1:"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			theme, list := Load(&Site{Language: "en"}, Options{Theme: stringTheme, Overrides: tt.files, OverridesPath: "templates"})
			if theme != nil {
				t.Error("Load returned a theme despite the errors")
			}
			got := make([]string, len(list))
			for i, d := range list {
				got[i] = d.String()
			}
			if len(got) != len(tt.want) {
				t.Fatalf("diagnostics %q, want %d", got, len(tt.want))
			}
			for i, want := range tt.want {
				if !strings.HasPrefix(got[i], want) {
					t.Errorf("diagnostic %q, want it to start with %q", got[i], want)
				}
			}
		})
	}
}

// A key that no string file has fails the page, naming the key.
func TestMissingKey(t *testing.T) {
	theme := loadStrings(t, "es", nil)
	err := theme.Render(&bytes.Buffer{}, nil, &Page{Kind: "page", Title: "no.such.key", Path: "x/"})
	if err == nil || !strings.Contains(err.Error(), `"no.such.key"`) {
		t.Errorf("rendering with a missing key: %v", err)
	}
	if got := theme.Text("no.such.key"); got != "no.such.key" {
		t.Errorf("Text of a missing key = %q, want the key", got)
	}
}

func TestLangURL(t *testing.T) {
	tests := []struct{ base, prefix, path, want string }{
		{"/", "", "", "/"},
		{"/", "", "glossary/", "/glossary/"},
		{"/", "es/", "", "/es/"},
		{"/", "es/", "search/index.json", "/es/search/index.json"},
		{"/library/", "", "feed.xml", "/library/feed.xml"},
		{"/library/", "pt-br/", "/tags/", "/library/pt-br/tags/"},
	}
	for _, tt := range tests {
		theme := &Theme{site: &Site{BasePath: tt.base, Prefix: tt.prefix}}
		langURL := theme.funcs()["langURL"].(func(string) string)
		if got := langURL(tt.path); got != tt.want {
			t.Errorf("langURL %q (base %q, prefix %q) = %q, want %q", tt.path, tt.base, tt.prefix, got, tt.want)
		}
	}
}

// templateKey finds the literal keys the theme's templates ask for.
var templateKey = regexp.MustCompile(`\{\{-?\s*(?:.*[\s(])?(t|tn|tparts|tscript) "([^"]+)"`)

// The default theme's string files load cleanly, every language has
// every key of en.yaml (and no other), and every key a template asks for
// is there.
func TestDefaultThemeStrings(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		loadTheme(t, &Site{Language: lang})
	}
	read := func(name string) map[string]any {
		data, err := fs.ReadFile(templates.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := yaml.Unmarshal(data, &m); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return m
	}
	en := read("i18n/en.yaml")
	names, _ := fs.Glob(templates.FS, "i18n/*.yaml")
	for _, name := range names {
		m := read(name)
		for key := range en {
			if _, ok := m[key]; !ok {
				t.Errorf("%s lacks %s", name, key)
			}
		}
	}
	err := fs.WalkDir(templates.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		data, _ := fs.ReadFile(templates.FS, p)
		for _, m := range templateKey.FindAllStringSubmatch(string(data), -1) {
			found := false
			for key := range en {
				if key == m[2] || (m[1] == "tscript" && strings.HasPrefix(key, m[2])) {
					found = true
				}
			}
			if !found {
				t.Errorf("%s asks for %s %q, which en.yaml lacks", p, m[1], m[2])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// The keys the generator reads through Theme.Text.
	for _, key := range []string{"glossary.title", "glossary.description", "tags.title", "tags.description", "tag.description",
		"search.title", "search.description", "cookies.title", "cookies.description", "notfound.title", "untranslated.title"} {
		if _, ok := en[key]; !ok {
			t.Errorf("en.yaml lacks %s, which the generator reads", key)
		}
	}
}
