package content

import (
	"bytes"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/handout-health/handout/generator/internal/slug"
)

// FuzzParse feeds any bytes to Parse as each kind of document and checks
// what a build relies on: no panic; every diagnostic names the file and a
// line and column inside it; a document is returned exactly when there is
// no error, and then has a title, a valid slug, safe aliases, http(s)
// sources, and a body with the file's line numbers.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"",
		"---\ntitle: Sleep\nsummary: Rest.\n---\nBody\n",
		"\uFEFF---\ntitle: Sleep\nsummary: Rest.\nsynonyms: [a, b]\ntags: [x]\nslug: sleep-well\naliases: [/old/, /x.html]\nsources:\n  - title: T\n    url: https://e.org/\nlast_reviewed: 2026-01-01\nnext_review: 2027-01-01\ndraft: false\nrelated: [Mood]\nreviewed_by: A\n---\n## Context\n",
		"---\nterm: Reuptake\nsynonyms: re-uptake\n---\nDefinition.\n",
		"---\ntitle: \"<script>alert(1)</script>\"\nsummary: 'x'\naliases: [/../etc/]\nslug: ../../x\n---\n",
		"---\ntitle: [a, b]\nsummary: {x: 1}\nsources: https://e.org\n---\n",
		"---\r\ntitle: x\r\nsummary: y\r\n...\r\nbody\r\n",
		"---\ntitle: x\nsummary: y\nnext_review: 2020-01-01\nlast_reviewed: 2021-13-40\n---\n",
		"---\n- a\n- b\n---\n",
		"---\ntitle: &a x\nsummary: *a\nunknown: 1\n---\n",
		"---\ntitle: x\n\tsummary: y\n---\n",
		"---\ntitle: x\nsummary: y\n",
		"no front matter\n",
		"---\ntitle: \xff\n---\n",
		"---\ntitle: Sueño\nsummary: Descanso.\nlang: es\ntranslation_of: Sleep\n---\n## Contexto\n",
		"---\nterm: Melatonina\nlang: ES\n---\nUna hormona.\n",
		"---\ntitle: x\nsummary: y\nlang: [es]\ntranslation_of: {a: 1}\n---\n",
		"---\ntitle: x\nsummary: [[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]\n---\n",
		"---\ntitle: x\nsummary: y\ntags:\n- - - - - - - - - - - - - - - - - - - - - - - x\n---\n",
		"---\ntitle: &t x\nsummary: *t\nsources:\n  - <<: {title: T}\n    url: https://e.org/\n---\n",
		"---\n%YAML 1.2\ntitle: x\nsummary: y\n? related\n: [a]\n---\n",
	} {
		for k := range 9 {
			f.Add([]byte(seed), uint8(k))
		}
	}
	interval := func(t time.Time) time.Time { return t.AddDate(3, 0, 0) }
	languages := []Language{{Code: "en"}, {Code: "es", Prefix: "es/"}}
	// k picks the kind (k%3) and the site: one language, or English and
	// Spanish with the file named as a translation or not.
	setups := []struct {
		path string
		opts Options
	}{
		{"content/articles/sleep-and-mood.md", Options{ReviewInterval: interval}},
		{"content/articles/sleep-and-mood.es.md", Options{ReviewInterval: interval, Languages: languages}},
		{"content/articles/sleep-and-mood.md", Options{ReviewInterval: interval, Languages: languages}},
	}
	f.Fuzz(func(t *testing.T, data []byte, k uint8) {
		kind := Kind(k % 3)
		setup := setups[int(k/3)%len(setups)]
		path, opts := setup.path, setup.opts
		doc, list := Parse(path, kind, data, opts)
		lines := lineCount(data)
		for _, d := range list {
			if d.Path != path {
				t.Errorf("diagnostic names %q, not the file: %v", d.Path, d)
			}
			if d.Line < 1 || d.Line > lines || d.Col < 1 {
				t.Errorf("diagnostic outside the file of %d lines: %v", lines, d)
			}
			if d.Message == "" || !utf8.ValidString(d.Message) {
				t.Errorf("diagnostic without a readable message: %q", d.Message)
			}
		}
		if (doc == nil) != list.HasErrors() {
			t.Fatalf("document %v returned with errors %v", doc, list)
		}
		if doc == nil {
			return
		}
		if doc.Title == "" || !slug.Valid(doc.Slug) {
			t.Errorf("document with title %q and slug %q", doc.Title, doc.Slug)
		}
		if kind == Article && doc.Summary == "" {
			t.Errorf("article without a summary")
		}
		for _, a := range doc.Aliases {
			if !strings.HasPrefix(a, "/") || strings.Contains(a, "..") || !slug.SafePath(strings.Trim(a, "/")) {
				t.Errorf("unsafe alias %q accepted", a)
			}
		}
		for _, s := range doc.Sources {
			u, err := url.Parse(s.URL)
			if err != nil || u.Scheme != "http" && u.Scheme != "https" || s.Title == "" {
				t.Errorf("source %+v accepted", s)
			}
		}
		if got, want := bytes.Count(doc.Body, []byte("\n")), bytes.Count(data, []byte("\n")); got != want {
			t.Errorf("body has %d line breaks, the file %d: line numbers moved", got, want)
		}
		if !utf8.Valid(doc.Body) {
			t.Errorf("body is not UTF-8")
		}
		if len(opts.Languages) > 0 {
			i := slices.IndexFunc(opts.Languages, func(l Language) bool { return l.Code == doc.Lang })
			if i < 0 || opts.Languages[i].Prefix != doc.Prefix || !strings.HasPrefix(doc.URL(), doc.Prefix) {
				t.Errorf("document in language %q with prefix %q at %s", doc.Lang, doc.Prefix, doc.URL())
			}
		} else if doc.Lang != "" || doc.Prefix != "" {
			t.Errorf("a site in one language gave language %q", doc.Lang)
		}
	})
}

// lineCount counts lines as YAML and editors do: a line ends at "\n",
// "\r\n" or a lone "\r".
func lineCount(data []byte) int {
	return bytes.Count(data, []byte("\n")) + bytes.Count(data, []byte("\r")) - bytes.Count(data, []byte("\r\n")) + 1
}
