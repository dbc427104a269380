package check

import (
	"testing"
	"testing/fstest"

	"github.com/handout-health/handout/generator/internal/corpusgen"
	"github.com/handout-health/handout/generator/site"
)

func corpus(articles, terms int) fstest.MapFS {
	return corpusgen.MapFS(corpusgen.Options{Articles: articles, Terms: terms, Seed: 1})
}

// BenchmarkCheck runs `handout check` on 1,000 generated articles (about
// 900 words each) and 200 glossary terms: loading, converting and linking
// the site, then every rule.
func BenchmarkCheck(b *testing.B) {
	fsys := corpus(1000, 200)
	for b.Loop() {
		r := Site(fsys, Options{Now: today})
		if len(r.Articles) != 1000 {
			b.Fatalf("checked %d articles", len(r.Articles))
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1000/1e3, "µs/article")
}

// BenchmarkRules runs only the rules on the same loaded site: what check
// adds to site.Load.
func BenchmarkRules(b *testing.B) {
	s, list := site.Load(corpus(1000, 200), site.LoadOptions{})
	for b.Loop() {
		Run(s, list, Options{Now: today})
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1000/1e3, "µs/article")
}
