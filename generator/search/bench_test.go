package search_test

import (
	"os"
	"slices"
	"strconv"
	"testing"

	"github.com/handout-health/handout/generator/content"
	"github.com/handout-health/handout/generator/internal/corpusgen"
	"github.com/handout-health/handout/generator/search"
	"github.com/handout-health/handout/generator/site"
)

// benchArticles is the corpus size of the benchmarks: 1,000 articles, or
// $HANDOUT_BENCH_ARTICLES, as in generator/site.
func benchArticles() int {
	if n, err := strconv.Atoi(os.Getenv("HANDOUT_BENCH_ARTICLES")); err == nil && n > 0 {
		return n
	}
	return 1000
}

// benchDocs loads the generated corpus of n articles and n/5 glossary
// terms and returns its search documents, each with its own version as
// the build gives them.
func benchDocs(b *testing.B, n int) []search.Doc {
	fsys := corpusgen.MapFS(corpusgen.Options{Articles: n, Terms: n / 5, Seed: 1})
	site, list := site.Load(fsys, site.LoadOptions{})
	if list.HasErrors() {
		b.Fatal(list.Errors())
	}
	var docs []search.Doc
	for _, d := range site.All() {
		sd := search.Doc{URL: d.URL(), Kind: d.Kind.String(), Title: d.Title, Synonyms: d.Synonyms, Summary: d.Summary, Version: uint64(len(docs) + 1)}
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
	return docs
}

// BenchmarkIndex builds the search index of the generated corpus (1,000
// articles with 200 glossary terms by default), already loaded and
// converted, without a cache: the cost search adds to `handout build`.
func BenchmarkIndex(b *testing.B) {
	n := benchArticles()
	docs := benchDocs(b, n)
	b.ResetTimer()
	for b.Loop() {
		search.Build(docs, nil)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n)/1e3, "µs/article")
}

// BenchmarkIndexEdit builds the index with a cache, then, in each
// iteration, edits one document's body text (a block gets the text of
// another section's block appended, as when a writer moves a paragraph)
// and builds again: the cost search adds to a rebuild in `handout serve`.
func BenchmarkIndexEdit(b *testing.B) {
	docs := benchDocs(b, benchArticles())
	var edited []int // the documents with sections to move text between
	for i, d := range docs {
		if len(d.Blocks) > 1 {
			edited = append(edited, i)
		}
	}
	cache := search.NewCache()
	search.Build(docs, cache)
	version := uint64(len(docs))
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		d := &docs[edited[i*7919%len(edited)]]
		d.Blocks = slices.Clone(d.Blocks)
		j := i % len(d.Blocks)
		d.Blocks[j].Text += " Edited: " + d.Blocks[(j+len(d.Blocks)/2)%len(d.Blocks)].Text
		version++
		d.Version = version
		search.Build(docs, cache)
	}
}
