package site

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestCallouts: callouts are written in each language's words with its
// numbers (site.yaml's contacts, replaced key by key by a language's); an
// unknown marker is a warning at its place, rule callout; and a site's
// string file, edited while serving, changes the words of converted
// pages.
func TestCallouts(t *testing.T) {
	article := "---\ntitle: Rash\nsummary: A rash.\n---\nText.\n\n> [!EMERGENCY] Call if\n> you cannot breathe.\n\n> [!WARNIG]\n> Typo.\n"
	fsys := fstest.MapFS{
		"site.yaml":                   {Data: []byte("title: Clinic\ncontacts:\n  emergency: 999\nlanguages:\n  - code: en\n    name: English\n  - code: es\n    name: Español\n    contacts:\n      emergency: 112\n")},
		"content/articles/rash.md":    {Data: []byte(article)},
		"content/articles/rash.es.md": {Data: []byte(strings.Replace(article, "title: Rash", "title: Erupción", 1))},
	}
	b, mem, res := newTestBuilder(t, fsys)
	for file, want := range map[string]string{
		"articles/rash/index.html":    `<span class="callout__kind">Emergency</span>: Call if</h2>` + "\n" + `<p class="callout__call"><a href="tel:999">Call 999</a></p>`,
		"es/articles/rash/index.html": `<span class="callout__kind">Emergencia</span>: Call if</h2>` + "\n" + `<p class="callout__call"><a href="tel:112">Llame al 112</a></p>`,
	} {
		if page := memFile(t, mem, file); !strings.Contains(page, want) {
			t.Errorf("%s lacks %s", file, want)
		}
	}
	warnings := res.Diagnostics.String()
	for _, want := range []string{
		"content/articles/rash.md:10:3: warning: unknown callout marker [!WARNIG], shown as a plain quote: did you mean [!WARNING]?",
		"content/articles/rash.es.md:10:3: warning: unknown callout marker [!WARNIG]",
	} {
		if !strings.Contains(warnings, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, warnings)
		}
	}
	for _, d := range res.Diagnostics {
		if strings.Contains(d.Message, "callout marker") && d.Rule != "callout" {
			t.Errorf("%s has rule %q, want callout", d, d.Rule)
		}
	}

	fsys["templates/i18n/en.yaml"] = &fstest.MapFile{Data: []byte("callout.emergency: Get help now\n")}
	rebuild(t, b, "templates/i18n/en.yaml")
	if page := memFile(t, mem, "articles/rash/index.html"); !strings.Contains(page, `<span class="callout__kind">Get help now</span>`) {
		t.Error("a site's string file, saved while serving, did not change the callout's words")
	}
}
