package search_test

import (
	"testing"

	"github.com/handout-health/handout/generator/build"
	"github.com/handout-health/handout/generator/content"
	"github.com/handout-health/handout/generator/internal/corpusgen"
	"github.com/handout-health/handout/generator/search"
)

// BenchmarkIndex builds the search index of the generated 1,000-article
// corpus (with 200 glossary terms), already loaded and converted: the
// cost search adds to a build.
func BenchmarkIndex(b *testing.B) {
	fsys := corpusgen.MapFS(corpusgen.Options{Articles: 1000, Terms: 200, Seed: 1})
	site, list := build.Load(fsys, build.LoadOptions{})
	if list.HasErrors() {
		b.Fatal(list.Errors())
	}
	var docs []search.Doc
	for _, d := range site.All() {
		sd := search.Doc{URL: d.URL(), Kind: d.Kind.String(), Title: d.Title, Synonyms: d.Synonyms, Summary: d.Summary}
		if d.Kind == content.Term {
			sd.Summary = d.Definition
		}
		for _, s := range d.Result.Sections {
			sd.Sections = append(sd.Sections, search.Section{ID: s.ID, Title: s.Title})
		}
		for _, bl := range d.Result.Blocks {
			sd.Blocks = append(sd.Blocks, search.Block{Section: bl.Section, Text: bl.Text})
		}
		docs = append(docs, sd)
	}
	b.ResetTimer()
	for b.Loop() {
		search.Build(docs, nil)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1000/1e3, "µs/article")
}
