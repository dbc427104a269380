package pdf

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestLoads lists the files of the site a page loads, which name its
// leaflets in the cache: stylesheets, icons, scripts, pictures and each
// address of a srcset, under the base path or relative to the page; not
// other hosts, data: addresses, links or anchors.
func TestLoads(t *testing.T) {
	page := []byte(`<!DOCTYPE html><html><head>
<link rel="stylesheet" href="/library/assets/style.1a2b.css"><link rel="icon" href="/library/assets/icon.svg">
<link rel="canonical" href="https://clinic.example/library/articles/sleep/"><link rel="alternate" href="/library/feed.xml">
<script src="/library/assets/site.js" defer></script><script src="https://analytics.example/a.js"></script>
</head><body><a href="/library/glossary/">Glossary</a>
<picture><source srcset="/library/assets/images/chart.480.webp 480w, /library/assets/images/chart.800.webp 800w"><img src="/library/images/chart.png" alt=""></picture>
<img src="drawing.svg" alt=""><img src="data:image/png;base64,AAAA" alt=""><img src="//cdn.example/x.png" alt=""><img src="/elsewhere/x.png" alt="">
</body></html>`)
	got := loads(page, "/library/", "articles/sleep/")
	want := []string{"assets/style.1a2b.css", "assets/icon.svg", "assets/site.js",
		"assets/images/chart.480.webp", "assets/images/chart.800.webp", "images/chart.png", "articles/sleep/drawing.svg"}
	if !slices.Equal(got, want) {
		t.Errorf("loads =\n%q\nwant\n%q", got, want)
	}
}

// TestKeysNameEverythingThatShapesALeaflet: a leaflet's cache key
// changes with the page, a file it loads, the paper and Chromium's
// version, and with nothing else; the large print has a key of its own.
func TestKeysNameEverythingThatShapesALeaflet(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("articles/sleep/index.html", `<link rel="stylesheet" href="/assets/style.css"><p>Sleep.</p>`)
	write("assets/style.css", "p { color: #000 }")
	job := Job{Page: "articles/sleep/", PDF: "articles/sleep/sleep.pdf", LargePrint: "articles/sleep/sleep-large-print.pdf"}
	key := func(paper, version string) [2]string {
		t.Helper()
		keys, err := keysOf(Options{Dir: dir, BasePath: "/", Paper: paper}, version, job)
		if err != nil {
			t.Fatal(err)
		}
		return keys
	}
	first := key("A4", "Chromium 156.0.8078.129")
	if first[0] == first[1] {
		t.Error("the leaflet and its large print share a key")
	}
	if again := key("A4", "Chromium 156.0.8078.129"); again != first {
		t.Error("the same page, paper and Chromium give another key")
	}
	changes := map[string]func() [2]string{
		"Chromium's version": func() [2]string { return key("A4", "Chromium 157.0.1.1") },
		"the paper":          func() [2]string { return key("Letter", "Chromium 156.0.8078.129") },
		"a file the page loads": func() [2]string {
			write("assets/style.css", "p { color: #111 }")
			return key("A4", "Chromium 156.0.8078.129")
		},
		"the page": func() [2]string {
			write("articles/sleep/index.html", `<link rel="stylesheet" href="/assets/style.css"><p>Sleep well.</p>`)
			return key("A4", "Chromium 156.0.8078.129")
		},
	}
	seen := map[[2]string]string{first: "the first"}
	for _, what := range []string{"Chromium's version", "the paper", "a file the page loads", "the page"} {
		k := changes[what]()
		if by, dup := seen[k]; dup {
			t.Errorf("a change of %s gives the key of %s", what, by)
		}
		seen[k] = what
	}
}
