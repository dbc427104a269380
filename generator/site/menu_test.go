package site

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/handout-health/handout/generator/render"
)

// menuSite is a small site in English and Spanish under /library/, with
// an article with sections, a term, a page, a static file and a Spanish
// translation of the page, whose site.yaml ends with menus.
func menuSite(menus string) fstest.MapFS {
	return fstest.MapFS{
		"site.yaml":                    {Data: []byte("title: Clinic\nbase_url: https://clinic.example/library/\nlanguages:\n  - code: en\n    name: English\n  - code: es\n    name: Español\n" + menus)},
		"content/articles/sleep.md":    {Data: []byte("---\ntitle: Sleep\nsummary: Rest.\nsynonyms: [Slumber]\nslug: sleep-well\n---\nText.\n\n## Context\n\nA.\n\n## Risk\n\nB.\n")},
		"content/glossary/reuptake.md": {Data: []byte("---\nterm: Reuptake\n---\nTaking back.\n")},
		"content/pages/about.md":       {Data: []byte("---\ntitle: About us\nsummary: Who we are.\n---\nWe are a clinic.\n")},
		"content/pages/about.es.md":    {Data: []byte("---\ntitle: Quiénes somos\nsummary: Quiénes somos.\n---\nSomos una clínica.\n")},
		"static/files/leaflet.pdf":     {Data: []byte("%PDF-1.4\n")},
	}
}

// showItems writes a menu as "label -> URL [path] {kinds}" lines.
func showItems(items []render.MenuItem) []string {
	var out []string
	for _, m := range items {
		line := fmt.Sprintf("%s -> %s", m.Label, m.URL)
		if m.Path != "" {
			line += " [" + m.Path + "]"
		}
		if m.Kinds != nil {
			line += " {" + strings.Join(m.Kinds, " ") + "}"
		}
		out = append(out, line)
	}
	return out
}

// TestMenuTargets resolves every kind of target: each section of the
// library, a document by title, synonym and slug (with a #section), a
// term, a page, a path to a page and to a static file, and other sites'
// addresses; labels default to the document's title or the section's
// name; items are ordered by order, then as listed.
func TestMenuTargets(t *testing.T) {
	s, list := Load(menuSite(`menu:
  header:
    - target: home
    - target: a-z
    - target: Topics
    - target: glossary
    - target: search
    - target: cookies
  footer:
    - target: Sleep
    - {target: slumber#risk, label: Sleep risks}
    - target: sleep-well
    - target: Reuptake
    - target: About us
    - {target: /about/, label: About (path)}
    - {target: /files/leaflet.pdf, label: Leaflet}
    - {target: "https://clinic.example/book/", label: Book, order: 2}
    - {target: "mailto:desk@clinic.example", label: Write, order: 2}
    - {target: "tel:+15550100", label: Call, order: -1}
`), LoadOptions{})
	if list.HasErrors() {
		t.Fatal(list)
	}
	if got, want := showItems(s.menus.Header), []string{
		"Home -> /library/ {home}",
		"Health A to Z -> /library/#a-to-z {home}",
		"Topics -> /library/tags/ {tags tag}",
		"Glossary -> /library/glossary/ {glossary term}",
		"Search -> /library/search/ {search}",
		"Cookies -> /library/cookies/ {cookies}",
	}; !slices.Equal(got, want) {
		t.Errorf("header:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
	if got, want := showItems(s.menus.Footer), []string{
		"Call -> tel:+15550100",
		"Sleep -> /library/articles/sleep-well/ [articles/sleep-well/]",
		"Sleep risks -> /library/articles/sleep-well/#risk [articles/sleep-well/]",
		"Sleep -> /library/articles/sleep-well/ [articles/sleep-well/]",
		"Reuptake -> /library/glossary/reuptake/ [glossary/reuptake/]",
		"About us -> /library/about/ [about/]",
		"About (path) -> /library/about/ [about/]",
		"Leaflet -> /library/files/leaflet.pdf [files/leaflet.pdf]",
		"Book -> https://clinic.example/book/",
		"Write -> mailto:desk@clinic.example",
	}; !slices.Equal(got, want) {
		t.Errorf("footer:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
	// Spanish takes the site's menus: sections in Spanish, documents in
	// Spanish where translated, else the default language's.
	es := s.Translations[0]
	if got := showItems(es.menus.Header)[1]; got != "Salud de la A a la Z -> /library/es/#a-to-z {home}" {
		t.Errorf("Spanish A to Z: %s", got)
	}
	if got := showItems(es.menus.Footer)[5]; got != "Quiénes somos -> /library/es/about/ [es/about/]" {
		t.Errorf("Spanish About us: %s", got)
	}
	if got := showItems(es.menus.Footer)[1]; got != "Sleep -> /library/articles/sleep-well/ [articles/sleep-well/]" {
		t.Errorf("Spanish Sleep, not translated: %s", got)
	}
}

// With no menus, the header is the theme's navigation and the footer the
// free pages; a language may give its own menus, one or both.
func TestMenuDefaultsAndLanguages(t *testing.T) {
	s, list := Load(menuSite(`    menu:
      header:
        - target: glossary
          label: Palabras
`), LoadOptions{})
	if list.HasErrors() {
		t.Fatal(list)
	}
	if got := showItems(s.menus.Header); len(got) != 3 || got[0] != "Health A to Z -> /library/#a-to-z {home}" {
		t.Errorf("default header: %v", got)
	}
	if got := showItems(s.menus.Footer); !slices.Equal(got, []string{"About us -> /library/about/ [about/]"}) {
		t.Errorf("default footer: %v", got)
	}
	es := s.Translations[0]
	if got := showItems(es.menus.Header); !slices.Equal(got, []string{"Palabras -> /library/es/glossary/ {glossary term}"}) {
		t.Errorf("Spanish header: %v", got)
	}
	if got := showItems(es.menus.Footer); !slices.Equal(got, []string{"Quiénes somos -> /library/es/about/ [es/about/]"}) {
		t.Errorf("Spanish footer: %v", got)
	}
}

// TestMenuBrokenTargets: each target that leads nowhere is one error at
// its place in site.yaml, in the site's menus and a language's, all in
// one run; the item is left out of the menu.
func TestMenuBrokenTargets(t *testing.T) {
	s, list := Load(menuSite(`    menu:
      footer:
        - target: Nada
menu:
  header:
    - target: Sleeep
    - target: Sleep#dosage
    - target: /no/such/page/
    - target: /about/
    - {target: "https://", label: A}
    - {target: "mailto:", label: B}
    - {target: "https://clinic.example/a b", label: C}
    - target: a-z
`), LoadOptions{})
	want := []string{
		`site.yaml:10:19: menu.footer: no article, glossary term or page is called "Nada"`,
		`site.yaml:13:15: menu.header: no article, glossary term or page is called "Sleeep"`,
		`site.yaml:14:15: menu.header: content/articles/sleep.md has no section "dosage" (its sections: context, risk)`,
		`site.yaml:15:15: menu.header: no page or file of the site has the address /no/such/page/`,
		`site.yaml:16:15: menu.header: the item for /about/ needs a label`,
		`site.yaml:17:16: menu.header: "https://" has no host`,
		`site.yaml:18:16: menu.header: "mailto:" says nothing after mailto:`,
		`site.yaml:19:16: menu.header: "https://clinic.example/a b" holds spaces or quotes`,
	}
	got := list.String()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("diagnostics lack\n  %s\ngot:\n%s", w, got)
		}
	}
	if n := len(list.Errors()); n != len(want) {
		t.Errorf("%d errors, want %d (each once, not again in the language that takes the site's menu):\n%s", n, len(want), got)
	}
	if s == nil {
		t.Fatal("Load returned no site")
	}
	if got := showItems(s.menus.Header); !slices.Equal(got, []string{"Health A to Z -> /library/#a-to-z {home}"}) {
		t.Errorf("header keeps only the good item: %v", got)
	}
}
