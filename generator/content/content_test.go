package content

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"
)

const goodArticle = `---
title: Serotonin
summary: A chemical messenger.
synonyms: [5-HT]
tags: [mood]
reviewed_by: "A. Clinician, MD"
last_reviewed: 2026-10-01
sources:
  - title: NIMH
    url: https://www.nimh.nih.gov/
---
Lede.

## Context
`

func TestParseArticle(t *testing.T) {
	interval := func(t time.Time) time.Time { return t.AddDate(3, 0, 0) }
	doc, list := Parse("content/articles/Serotonin Basics.md", Article, []byte(goodArticle), Options{ReviewInterval: interval})
	if len(list) > 0 {
		t.Fatal(list)
	}
	if doc.Slug != "serotonin-basics" || doc.URL() != "articles/serotonin-basics/" {
		t.Errorf("slug %q url %q", doc.Slug, doc.URL())
	}
	if doc.NextReview.Format(dateLayout) != "2029-10-01" {
		t.Errorf("next review %v", doc.NextReview)
	}
	if doc.KeyLine("sources") != 8 || doc.KeyLine("missing") != 1 {
		t.Errorf("key lines %v", doc.KeyLines)
	}
	// The body keeps the file's line numbers.
	if lines := strings.Split(string(doc.Body), "\n"); lines[13] != "## Context" {
		t.Errorf("line 14 of body = %q", lines[13])
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"empty", "  \n", "x.md:1:1: empty file"},
		{"no front matter", "# Title\n", "x.md:1:1: no front matter"},
		{"never closed", "---\ntitle: A\nsummary: B\n", "x.md:1:1: the front matter opened on line 1 is never closed"},
		{"unknown key", "---\ntitle: A\nsumary: B\n---\n", "x.md:3:1: unknown key \"sumary\""},
		{"missing title", "---\nsummary: B\n---\n", "x.md:1:1: title is required"},
		{"bad date", "---\ntitle: A\nsummary: B\nlast_reviewed: 2026-13-01\n---\n", "x.md:4:16: last_reviewed \"2026-13-01\" is not a date"},
		{"broken yaml", "---\ntitle: [A\nsummary: B\n---\n", "x.md:3:1: ',' or ']' must be specified"},
		{"not utf-8", "---\ntitle: caf\xe9\n---\n", "x.md:2:11: the file is not UTF-8"},
		{"bad slug", "---\ntitle: A\nsummary: B\nslug: ../etc\n---\n", "x.md:4:7: slug \"../etc\""},
		{"bad alias", "---\ntitle: A\nsummary: B\naliases: [/a/../../b]\n---\n", "alias \"/a/../../b\""},
		{"bad source", "---\ntitle: A\nsummary: B\nsources:\n  - title: X\n    url: javascript:alert(1)\n---\n", "x.md:6:10: source url"},
		{"duplicate key", "---\ntitle: A\ntitle: B\nsummary: C\n---\n", "x.md:3:1: mapping key \"title\" already defined"},
		{"review order", "---\ntitle: A\nsummary: B\nlast_reviewed: 2026-01-01\nnext_review: 2025-01-01\n---\n", "x.md:5:1: next_review 2025-01-01 is before"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, list := Parse("x.md", Article, []byte(tt.src), Options{})
			if doc != nil {
				t.Fatalf("accepted %q", tt.src)
			}
			if got := list.String(); !strings.Contains(got, tt.want) {
				t.Errorf("got %q, want it to contain %q", got, tt.want)
			}
		})
	}
}

func TestParseCollectsAllErrorsOfAFile(t *testing.T) {
	_, list := Parse("x.md", Article, []byte("---\ntitel: A\nsumary: B\nlast_reviewed: soon\n---\n"), Options{})
	if len(list) < 4 {
		t.Errorf("want every problem (2 unknown keys, 2 missing keys), got:\n%s", list)
	}
}

func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{
		"content/articles/a/serotonin.md": {Data: []byte(goodArticle)},
		"content/articles/b/serotonin.md": {Data: []byte(goodArticle)},
		"content/articles/draft.md":       {Data: []byte("---\ntitle: D\nsummary: S\ndraft: true\n---\n")},
		"content/articles/.#lock.md":      {Data: []byte("junk")},
		"content/glossary/reuptake.md":    {Data: []byte("---\nterm: Reuptake\n---\nTaking back.\n")},
		"content/pages/search.md":         {Data: []byte("---\ntitle: Search\n---\n")},
		"static/img/brain.png":            {Data: []byte("png")},
		"static/My File.pdf":              {Data: []byte("pdf")},
	}
	site, list := Load(fsys, Options{})
	list = append(list, CheckAddresses(site)...)
	got := list.String()
	for _, want := range []string{
		"content/articles/b/serotonin.md:1:1: duplicate slug \"serotonin\": content/articles/a/serotonin.md has it too",
		"content/pages/search.md:1:1: slug \"search\" is reserved",
		"static/My File.pdf:1:1: file name \"My File.pdf\" is not safe",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, got)
		}
	}
	if len(site.Drafts) != 1 || len(site.Terms) != 1 || len(site.Static) != 1 {
		t.Errorf("drafts %d terms %d static %v", len(site.Drafts), len(site.Terms), site.Static)
	}
}

func TestLanguageOfDocument(t *testing.T) {
	langs := []Language{{Code: "en"}, {Code: "es", Prefix: "es/"}, {Code: "pt-BR", Prefix: "pt-br/"}}
	const front = "---\ntitle: A\nsummary: B.\n%s---\nBody.\n"
	tests := []struct {
		path, keys              string
		lang, prefix, slug, url string
		source                  string
	}{
		{"content/articles/sleep.md", "", "en", "", "sleep", "articles/sleep/", ""},
		{"content/articles/sleep.es.md", "", "es", "es/", "sleep", "es/articles/sleep/", "content/articles/sleep.md"},
		{"content/articles/sleep.ES.md", "", "es", "es/", "sleep", "es/articles/sleep/", "content/articles/sleep.md"},
		{"content/articles/sleep.pt-br.md", "", "pt-BR", "pt-br/", "sleep", "pt-br/articles/sleep/", "content/articles/sleep.md"},
		{"content/articles/sleep.en.md", "", "en", "", "sleep", "articles/sleep/", ""},
		// Not a language of the site: part of the name.
		{"content/articles/vitamin.b6.md", "", "en", "", "vitamin-b6", "articles/vitamin-b6/", ""},
		{"content/articles/es/sueno.md", "lang: es\ntranslation_of: Sleep\n", "es", "es/", "sueno", "es/articles/sueno/", ""},
		{"content/articles/sueno.es.md", "slug: sueno\n", "es", "es/", "sueno", "es/articles/sueno/", "content/articles/sueno.md"},
	}
	for _, tt := range tests {
		doc, list := Parse(tt.path, Article, []byte(fmt.Sprintf(front, tt.keys)), Options{Languages: langs})
		if list.HasErrors() {
			t.Errorf("%s: %s", tt.path, list)
			continue
		}
		if doc.Lang != tt.lang || doc.Prefix != tt.prefix || doc.Slug != tt.slug || doc.URL() != tt.url || doc.SourceName() != tt.source {
			t.Errorf("%s: lang %q prefix %q slug %q url %q source %q; want %q %q %q %q %q", tt.path, doc.Lang, doc.Prefix, doc.Slug, doc.URL(), doc.SourceName(), tt.lang, tt.prefix, tt.slug, tt.url, tt.source)
		}
	}
	errs := []struct{ path, keys, want string }{
		{"content/articles/a.md", "lang: fr\n", "x:4:1: lang \"fr\" is not one of the site's languages (en, es, pt-BR)"},
		{"content/articles/a.es.md", "lang: pt-BR\n", "x:4:1: lang \"pt-BR\" does not match the file name's language code \"es\""},
		{"content/articles/a.md", "translation_of: B\n", "x:4:1: translation_of: is for a translation"},
	}
	for _, tt := range errs {
		_, list := Parse(tt.path, Article, []byte(fmt.Sprintf(front, tt.keys)), Options{Languages: langs})
		if got := strings.ReplaceAll(list.String(), tt.path, "x"); !strings.Contains(got, tt.want) {
			t.Errorf("%s with %q: %s, want %s", tt.path, tt.keys, got, tt.want)
		}
	}
	// A site in one language has no lang: key.
	if _, list := Parse("a.md", Article, []byte(fmt.Sprintf(front, "lang: es\n")), Options{}); !strings.Contains(list.String(), "lang: is for sites in several languages") {
		t.Errorf("lang: on a one-language site: %s", list)
	}
}

// TestHoldBody loads with the bodies handed to a holder: the same bytes
// as a normal load, none kept in the documents, and none for a file with
// errors.
func TestHoldBody(t *testing.T) {
	fsys := fstest.MapFS{
		"content/articles/serotonin.md": {Data: []byte(goodArticle)},
		"content/articles/bom.md":       {Data: []byte("\uFEFF" + strings.Replace(goodArticle, "Serotonin", "Dopamine", 1))},
		"content/articles/broken.md":    {Data: []byte("---\ntitle: [\n---\nText.\n")},
	}
	want, _ := Load(fsys, Options{})
	var mu sync.Mutex
	held := map[string][]byte{}
	site, _ := Load(fsys, Options{HoldBody: func(d *Document, body []byte) {
		mu.Lock()
		held[d.Path] = body
		mu.Unlock()
	}})
	if len(held) != 2 {
		t.Errorf("held %d bodies, want 2 (not the broken file's)", len(held))
	}
	for i, d := range site.Articles {
		if d.Body != nil {
			t.Errorf("%s: Body kept", d.Path)
		}
		if got := held[d.Path]; string(got) != string(want.Articles[i].Body) {
			t.Errorf("%s: held %q, want %q", d.Path, got, want.Articles[i].Body)
		}
	}
}
