package robustness

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/handout-health/handout/generator/glossary"
	"github.com/handout-health/handout/generator/internal/corpusgen"
	"github.com/handout-health/handout/generator/markdown"
	"github.com/handout-health/handout/generator/markdown/glossterm"
	"github.com/handout-health/handout/generator/output"
	"github.com/handout-health/handout/generator/site"
)

// heavy reports whether the full-size versions of the size tests run: set
// HANDOUT_HEAVY=1. Smaller versions of the same checks always run.
func heavy() bool { return os.Getenv("HANDOUT_HEAVY") == "1" }

// usage is what a piece of work cost in memory.
type usage struct {
	// peak is the largest heap in use seen while it ran (sampled every
	// 5 ms); alloc is the total allocated.
	peak, alloc uint64
	took        time.Duration
}

func (u usage) String() string {
	return fmt.Sprintf("%v, heap in use at most %.0f MB, %.0f MB allocated", u.took.Round(time.Millisecond), mb(u.peak), mb(u.alloc))
}

// measure runs fn and reports its memory use.
func measure(fn func()) usage {
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	var peak atomic.Uint64
	peak.Store(before.HeapInuse)
	stop := make(chan struct{})
	var sampler sync.WaitGroup
	sampler.Add(1)
	go func() {
		defer sampler.Done()
		var m runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-time.After(5 * time.Millisecond):
			}
			runtime.ReadMemStats(&m)
			if m.HeapInuse > peak.Load() {
				peak.Store(m.HeapInuse)
			}
		}
	}()
	start := time.Now()
	fn()
	took := time.Since(start)
	close(stop)
	sampler.Wait()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	return usage{peak: max(peak.Load(), after.HeapInuse), alloc: after.TotalAlloc - before.TotalAlloc, took: took}
}

// discard is an output that keeps nothing but a count.
type discard struct{ files atomic.Int64 }

func (d *discard) WriteFile(string, []byte) error { d.files.Add(1); return nil }

// withArticle returns the base site with one more article whose body is
// body.
func withArticle(body string) map[string]string {
	return with(baseSite(), "content/articles/big.md", "---\ntitle: Big\nsummary: A big article.\n---\n"+body)
}

// proseOf returns paragraphs of plain prose, with headings and lists, of
// about n bytes.
func proseOf(n int) string {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		if i%40 == 0 {
			fmt.Fprintf(&b, "## Part %d\n\n", i)
		}
		b.WriteString("Serotonin helps the brain send signals, and sleep matters too; see [[Mood]].\n\n- Keep a steady bed time.\n- Eat regular meals.\n\n")
	}
	return b.String()
}

// TestHugeArticle: an article over content.MaxFileBytes (4 MB) is refused
// before it is read, with an error naming the file; the build that refuses
// a 50 MB article allocates less than 32 MB. The largest article accepted
// builds with the heap in use under 1 GB (under 256 MB for the 1 MB
// article that always runs; HANDOUT_HEAVY=1 builds a 4 MB one).
func TestHugeArticle(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, baseSite())
	big := proseOf(50 << 20)
	writeTree(t, dir, map[string]string{"content/articles/big.md": "---\ntitle: Big\nsummary: A big article.\n---\n" + big})
	big = ""
	var res site.Result
	var err error
	u := measure(func() { _, res, err = buildRoot(t, dir) })
	t.Logf("50 MB article refused in %v", u)
	if err == nil {
		t.Fatal("a 50 MB article was built")
	}
	if !hasErrorAt(res.Diagnostics, "content/articles/big.md", 1) || !strings.Contains(res.Diagnostics.String(), "50.0 MB and handout reads at most 4.0 MB") {
		t.Errorf("no clear error for the 50 MB article:\n%s", res.Diagnostics.Errors())
	}
	if u.alloc > 32<<20 {
		t.Errorf("refusing the article allocated %.0f MB, more than 32 MB", mb(u.alloc))
	}

	size, bound := 1<<20, uint64(256<<20)
	if heavy() {
		size, bound = 4<<20-1024, 1<<30
	}
	files := withArticle(proseOf(size))
	u = measure(func() {
		mem := &discard{}
		res, err = site.Build(mapFS(files), site.Options{Writer: mem, Now: buildDate})
	})
	t.Logf("%.1f MB article built in %v", float64(size)/(1<<20), u)
	if err != nil {
		t.Fatalf("build failed:\n%s", res.Diagnostics.Errors())
	}
	if u.peak > bound {
		t.Errorf("heap in use reached %.0f MB, more than %.0f MB", mb(u.peak), mb(bound))
	}
}

// TestHugeLine: a single 1 MB line (a pasted blob) is refused with an
// error on its line, after reading no more than the file; a line just
// under markdown.MaxLineBytes (64 KB) builds. Both stay under 64 MB of
// heap.
func TestHugeLine(t *testing.T) {
	for _, tt := range []struct {
		name string
		line string
		ok   bool
	}{
		{"1 MB of prose", strings.Repeat("Serotonin helps the brain send signals. ", 1<<20/40), false},
		{"1 MB of brackets", strings.Repeat("[a](", 1<<18), false},
		{"1 MB of tildes", strings.Repeat("~", 1<<20), false},
		{"1 MB of wiki-link openers", strings.Repeat("[[", 1<<19), false},
		{"64 KB of prose", strings.Repeat("Serotonin helps the brain send signals. ", (64<<10-100)/40), true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			files := withArticle("Lede.\n\n" + tt.line + "\n")
			var res site.Result
			var err error
			u := measure(func() { _, res, err = buildMemory(t, files) })
			t.Logf("%v", u)
			if tt.ok && err != nil {
				t.Fatalf("build failed:\n%s", res.Diagnostics.Errors())
			}
			if !tt.ok && (err == nil || !hasErrorAt(res.Diagnostics, "content/articles/big.md", 7)) {
				t.Fatalf("want an error at content/articles/big.md:7, got %v:\n%s", err, res.Diagnostics.Errors())
			}
			if u.peak > 64<<20 {
				t.Errorf("heap in use reached %.0f MB, more than 64 MB", mb(u.peak))
			}
		})
	}
}

// TestDeepNesting: lists and quotes nested 10,000 deep are refused with
// an error on the first line deeper than markdown.MaxDepth (100), quickly
// and in under 64 MB of heap; 100 levels build. (A list indented 10,000
// levels is 100 MB of spaces, refused as too large a file.)
func TestDeepNesting(t *testing.T) {
	indented := func(depth int) string {
		var b strings.Builder
		for i := range depth {
			b.WriteString(strings.Repeat("  ", i) + "- item\n")
		}
		return b.String()
	}
	for _, tt := range []struct {
		name, body string
		line       int // the refused line, 0 when it builds
	}{
		{"list 100 deep", indented(100), 0},
		{"list 1,000 deep", indented(1000), 105},
		{"list 10,000 deep on one line", strings.Repeat("- ", 10_000) + "x\n", 5},
		{"ordered list 10,000 deep", strings.Repeat("1. ", 10_000) + "x\n", 5},
		{"quotes 10,000 deep", strings.Repeat(">", 10_000) + " x\n", 5},
		{"quotes and lists 10,000 deep", strings.Repeat("> - ", 5_000) + "x\n", 5},
	} {
		t.Run(tt.name, func(t *testing.T) {
			files := withArticle(tt.body)
			var res site.Result
			var err error
			u := measure(func() { _, res, err = buildMemory(t, files) })
			t.Logf("%v", u)
			if tt.line == 0 && err != nil {
				t.Fatalf("build failed:\n%s", res.Diagnostics.Errors())
			}
			if tt.line > 0 && (err == nil || !hasErrorAt(res.Diagnostics, "content/articles/big.md", tt.line)) {
				t.Fatalf("want an error at content/articles/big.md:%d, got %v:\n%s", tt.line, err, res.Diagnostics.Errors())
			}
			if u.peak > 64<<20 {
				t.Errorf("heap in use reached %.0f MB, more than 64 MB", mb(u.peak))
			}
		})
	}
}

// TestManyGlossaryTerms: a glossary of 100,000 terms (each with a
// synonym) is indexed, and a 900-word article linked against it, in under
// 256 MB of heap. HANDOUT_HEAVY=1 also builds a whole site of 100,000
// terms and 1,000 articles (over 200,000 files) under 2 GB of heap.
func TestManyGlossaryTerms(t *testing.T) {
	const terms = 100_000
	var matcher *glossary.Matcher
	u := measure(func() {
		entries := make([]*glossary.Entry, terms)
		for i := range entries {
			name := corpusgen.TermName(i)
			entries[i] = &glossary.Entry{
				Entry: glossterm.Entry{ID: fmt.Sprint(i), URL: "/glossary/" + fmt.Sprint(i) + "/", Definition: "A definition of " + name + "."},
				Names: []string{name, name + " form"},
			}
		}
		matcher = glossary.NewMatcher(entries)
	})
	t.Logf("matcher of %d terms: %v", terms, u)
	if u.peak > 256<<20 {
		t.Errorf("heap in use reached %.0f MB, more than 256 MB", mb(u.peak))
	}
	var article string
	for _, f := range corpusgen.Generate(corpusgen.Options{Articles: 1, Terms: terms, Seed: 3}) {
		if strings.HasPrefix(f.Path, "content/articles/") {
			article = string(f.Data)
		}
	}
	conv := markdown.New(markdown.Options{})
	var res markdown.Result
	u = measure(func() {
		res = conv.Convert([]byte(article), markdown.Env{Path: "a.md", BasePath: "/", Glossary: matcher})
	})
	t.Logf("article linked against %d terms: %v, %d links", terms, u, len(res.Terms))
	if len(res.Terms) == 0 {
		t.Error("no term was linked")
	}
	runtime.KeepAlive(matcher)
	if !heavy() {
		return
	}
	fsys := mapFS(nil)
	for _, f := range corpusgen.Generate(corpusgen.Options{Articles: 1000, Terms: terms, Seed: 3}) {
		fsys[f.Path] = &fstest.MapFile{Data: f.Data}
	}
	out := &discard{}
	var bres site.Result
	var err error
	u = measure(func() { bres, err = site.Build(fsys, site.Options{Writer: out, Now: buildDate}) })
	t.Logf("site of %d terms and 1,000 articles built: %d files in %v", terms, out.files.Load(), u)
	if err != nil {
		t.Fatalf("build failed:\n%s", bres.Diagnostics.Errors()[:min(10, len(bres.Diagnostics.Errors()))])
	}
	if u.peak > 2<<30 {
		t.Errorf("heap in use reached %.0f MB, more than 2 GB", mb(u.peak))
	}
}

var _ output.Writer = (*discard)(nil)
