package site

import (
	"bytes"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/handout-health/handout/generator/config"
	"github.com/handout-health/handout/generator/internal/corpusgen"
	"github.com/handout-health/handout/generator/markdown"
	"github.com/handout-health/handout/generator/output"
)

// corpusFS returns a generated site as an in-memory file system.
func corpusFS(articles, terms int) fstest.MapFS {
	return corpusgen.MapFS(corpusgen.Options{Articles: articles, Terms: terms, Seed: 1})
}

// discard is an output that drops every file, so a benchmark measures the
// build and not the disk.
type discard struct{}

func (discard) WriteFile(string, []byte) error { return nil }

var _ output.Writer = discard{}

// benchArticles is the corpus size of the benchmarks: 1,000 articles, or
// $HANDOUT_BENCH_ARTICLES (CI runs them at a small size so they cannot
// rot; docs/performance.md has the figures at 1,000 to 100,000).
func benchArticles() int {
	if n, err := strconv.Atoi(os.Getenv("HANDOUT_BENCH_ARTICLES")); err == nil && n > 0 {
		return n
	}
	return 1000
}

// BenchmarkBuild builds the generated articles (about 900 words each) with
// a glossary a fifth their number, and reports the time per article.
func BenchmarkBuild(b *testing.B) {
	n := benchArticles()
	benchmarkBuild(b, n, n/5)
}

func benchmarkBuild(b *testing.B, articles, terms int) {
	fsys := corpusFS(articles, terms)
	b.ResetTimer()
	for b.Loop() {
		buildDiscarding(b, fsys)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(articles)/1e3, "µs/article")
}

// buildDiscarding builds fsys and drops the files.
func buildDiscarding(b *testing.B, fsys fstest.MapFS) {
	if res, err := Build(fsys, Options{Writer: discard{}}); err != nil {
		b.Fatalf("%v\n%s", err, res.Diagnostics.Errors())
	}
}

// BenchmarkGoldmarkFloor converts the same article bodies with plain
// goldmark (GFM) on every core and nothing else: the floor every build
// figure is compared with.
func BenchmarkGoldmarkFloor(b *testing.B) {
	_, bodies := corpusArticles(b)
	convertInParallel(b, bodies, floorConvert())
}

// BenchmarkDialect converts the same bodies with handout's own Markdown
// set-up (the floor's GFM plus footnotes, highlighting, heading ids,
// sections, wiki links and the outline of each document) but no glossary
// and no site to resolve links in: what the dialect the SPEC asks for
// costs above the floor, before any site work.
func BenchmarkDialect(b *testing.B) {
	fsys, bodies := corpusArticles(b)
	convertInParallel(b, bodies, dialectConvert(b, fsys))
}

// converter converts one body, into buf when it writes HTML there.
type converter func(body []byte, buf *bytes.Buffer)

// floorConvert is plain goldmark with GFM.
func floorConvert() converter {
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	return func(body []byte, buf *bytes.Buffer) { _ = md.Convert(body, buf) }
}

// dialectConvert is handout's Markdown set-up for the site's config, with
// no glossary and no site.
func dialectConvert(b *testing.B, fsys fstest.MapFS) converter {
	cfg, list := config.Load(fsys)
	if list.HasErrors() {
		b.Fatal(list.Errors())
	}
	conv := markdown.New(markdown.Options{Unsafe: cfg.Markdown.Unsafe, Sections: schema(cfg)})
	return func(body []byte, _ *bytes.Buffer) { _ = conv.Convert(body, markdown.Env{}) }
}

// corpusArticles returns the benchmark corpus and its articles' files.
func corpusArticles(b *testing.B) (fstest.MapFS, [][]byte) {
	fsys := corpusFS(benchArticles(), benchArticles()/5)
	var bodies [][]byte
	for name, f := range fsys {
		if strings.HasPrefix(name, "content/articles/") {
			bodies = append(bodies, f.Data)
		}
	}
	return fsys, bodies
}

// convertInParallel times convert over every body, on every core, and
// reports the time per body.
func convertInParallel(b *testing.B, bodies [][]byte, convert converter) {
	b.ResetTimer()
	for b.Loop() {
		convertAll(bodies, convert)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(bodies))/1e3, "µs/article")
}

// convertAll converts every body, on every core.
func convertAll(bodies [][]byte, convert converter) {
	var wg sync.WaitGroup
	next := make(chan []byte)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			var buf bytes.Buffer
			for body := range next {
				buf.Reset()
				convert(body, &buf)
			}
		})
	}
	for _, body := range bodies {
		next <- body
	}
	close(next)
	wg.Wait()
}

// BenchmarkGlossaryLinking loads (converts and links) the articles against
// a glossary of a fifth and of twice their number (200 and 2,000 terms for
// 1,000 articles): how linking cost grows with the glossary.
func BenchmarkGlossaryLinking(b *testing.B) {
	n := benchArticles()
	for _, terms := range []int{n / 5, 2 * n} {
		b.Run(fmt.Sprintf("terms=%d", terms), func(b *testing.B) {
			fsys := corpusFS(n, terms)
			links := 0
			for b.Loop() {
				site, list := Load(fsys, LoadOptions{})
				if list.HasErrors() {
					b.Fatal(list.Errors())
				}
				links = 0
				for _, a := range site.Articles {
					links += len(a.Result.Terms)
				}
			}
			b.ReportMetric(float64(links)/float64(n), "links/article")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n)/1e3, "µs/article")
		})
	}
}
