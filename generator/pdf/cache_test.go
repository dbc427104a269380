package pdf

import (
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
