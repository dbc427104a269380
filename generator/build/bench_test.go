package build

import (
	"bytes"
	"fmt"
	"runtime"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/handout-health/handout/generator/internal/corpusgen"
	"github.com/handout-health/handout/generator/output"
)

// corpusFS returns a generated site as an in-memory file system.
func corpusFS(articles, terms int) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, f := range corpusgen.Generate(corpusgen.Options{Articles: articles, Terms: terms, Seed: 1}) {
		fsys[f.Path] = &fstest.MapFile{Data: f.Data}
	}
	return fsys
}

// discard is an output that drops every file, so a benchmark measures the
// build and not the disk.
type discard struct{}

func (discard) WriteFile(string, []byte) error { return nil }

var _ output.Writer = discard{}

// BenchmarkBuild builds 1,000 generated articles (about 900 words each)
// with 200 glossary terms, and reports the time per article.
func BenchmarkBuild(b *testing.B) {
	benchmarkBuild(b, 1000, 200)
}

func benchmarkBuild(b *testing.B, articles, terms int) {
	fsys := corpusFS(articles, terms)
	b.ResetTimer()
	for b.Loop() {
		res, err := Build(fsys, Options{Writer: discard{}})
		if err != nil {
			b.Fatalf("%v\n%s", err, res.Diagnostics.Errors())
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(articles)/1e3, "µs/article")
}

// BenchmarkGoldmarkFloor converts the same article bodies with plain
// goldmark (GFM) on every core and nothing else: the floor every build
// figure is compared with.
func BenchmarkGoldmarkFloor(b *testing.B) {
	fsys := corpusFS(1000, 200)
	var bodies [][]byte
	for name, f := range fsys {
		if len(name) > 17 && name[:17] == "content/articles/" {
			bodies = append(bodies, f.Data)
		}
	}
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	b.ResetTimer()
	for b.Loop() {
		var wg sync.WaitGroup
		next := make(chan []byte)
		for range runtime.GOMAXPROCS(0) {
			wg.Go(func() {
				var buf bytes.Buffer
				for body := range next {
					buf.Reset()
					_ = md.Convert(body, &buf)
				}
			})
		}
		for _, body := range bodies {
			next <- body
		}
		close(next)
		wg.Wait()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(bodies))/1e3, "µs/article")
}

// BenchmarkGlossaryLinking loads (converts and links) 1,000 articles
// against 200 and 2,000 glossary terms: how linking cost grows with the
// glossary.
func BenchmarkGlossaryLinking(b *testing.B) {
	for _, terms := range []int{200, 2000} {
		b.Run(fmt.Sprintf("terms=%d", terms), func(b *testing.B) {
			fsys := corpusFS(1000, terms)
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
			b.ReportMetric(float64(links)/1000, "links/article")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1000/1e3, "µs/article")
		})
	}
}
