package site

import (
	"strings"
	"testing"

	"github.com/handout-health/handout/generator/output"
)

// Hosts count files: Cloudflare Pages takes 20,000 a site on its free
// plan and 25 MiB a file; Netlify and others hash and upload file by
// file.
const maxFileBytes = 25 << 20

// TestFilesPerPage builds the generated library of 1,000 articles and
// 200 glossary terms (issue 22): it writes at most 5% more files than
// pages, plus 50, and no file over 25 MiB. Before the search index packed
// its documents' cards into chunks, it wrote 2,599 files for 1,218 pages,
// 1,372 of them search files. docs/performance.md has the figures at
// 10,000 articles.
func TestFilesPerPage(t *testing.T) {
	mem := output.NewMemory()
	res, err := Build(corpusFS(1000, 200), Options{Writer: mem, Now: now})
	if err != nil {
		t.Fatalf("%v\n%s", err, res.Diagnostics.Errors())
	}
	var files, pages, search int
	for _, name := range mem.Names() {
		files++
		if data, _ := mem.File(name); len(data) > maxFileBytes {
			t.Errorf("%s holds %d bytes, over the 25 MiB a host takes in a file", name, len(data))
		}
		switch {
		case strings.HasSuffix(name, ".html"):
			pages++
		case strings.HasPrefix(name, "search/"):
			search++
		}
	}
	limit := float64(pages)*1.05 + 50
	t.Logf("%d files for %d pages (at most %.0f), %d of them search files", files, pages, limit, search)
	if float64(files) > limit {
		t.Errorf("%d files for %d pages: more than 5%% more than pages, plus 50 (%.0f)", files, pages, limit)
	}
}
