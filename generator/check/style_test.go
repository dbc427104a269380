package check

import (
	"fmt"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/rogpeppe/go-internal/txtar"
)

// txtarSite reads a site from a txtar file in testdata.
func txtarSite(t *testing.T, name string) fstest.MapFS {
	t.Helper()
	ar, err := txtar.ParseFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return fsys
}

// TestStyleSite checks the held-out style site: each of its faults, one
// per plain-language rule of issue 25, is reported by its rule at its
// line and column, and nothing else is; its clean twin, the same site
// with the faults fixed, gets no finding at all.
func TestStyleSite(t *testing.T) {
	r := run(t, txtarSite(t, "style-faults.txtar"), Options{})
	var got []string
	for _, d := range r.Diagnostics {
		got = append(got, fmt.Sprintf("%s:%d:%d %s %s", d.Path, d.Line, d.Col, d.Severity, d.Rule))
	}
	want := []string{
		"content/articles/low-mood.md:4:1 warning crisis-line",
		"content/articles/low-mood.md:11:1 warning topic-only",
		"content/articles/low-mood.md:17:10 warning passive-voice",
		"content/articles/low-mood.md:21:73 warning jargon",
		"content/articles/low-mood.md:25:1 warning tool-missing",
		"content/articles/low-mood.md:25:23 warning number-words",
		"content/articles/low-mood.md:25:61 warning acronym",
		"content/articles/sleep.md:10:1 warning figure-missing",
		"site.yaml:1:1 warning section-titles",
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", r.Diagnostics, want)
	}

	if clean := run(t, txtarSite(t, "style-clean.txtar"), Options{}); len(clean.Diagnostics) != 0 {
		t.Errorf("the clean twin has findings:\n%s", clean.Diagnostics)
	}
}
