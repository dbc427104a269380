package site

import (
	"flag"
	"os"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/handout-health/handout/generator/output"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

// now is the fixed "today" of the tests.
var now = time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)

// loadSite reads a txtar site from testdata.
func loadSite(t testing.TB, name string) fstest.MapFS {
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

func buildSite(t *testing.T, fsys fstest.MapFS) (*output.Memory, Result) {
	t.Helper()
	mem := output.NewMemory()
	res, err := Build(fsys, Options{Writer: mem, Now: now, Version: "test"})
	if err != nil {
		t.Fatalf("%v\n%s", err, res.Diagnostics)
	}
	return mem, res
}

func file(t *testing.T, mem *output.Memory, name string) string {
	t.Helper()
	data, ok := mem.File(name)
	if !ok {
		t.Fatalf("%s was not written; have %v", name, mem.Names())
	}
	return string(data)
}

// TestGoldenArticle compares a whole article page with
// testdata/golden/serotonin.html (go test -update rewrites it).
func TestGoldenArticle(t *testing.T) {
	mem, _ := buildSite(t, loadSite(t, "site.txtar"))
	got := file(t, mem, "articles/serotonin/index.html")
	golden := "testdata/golden/serotonin.html"
	if *update {
		if err := os.MkdirAll("testdata/golden", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./generator/site -update)", err)
	}
	if got != string(want) {
		t.Errorf("articles/serotonin/index.html differs from %s (if the change is intended, run go test ./generator/site -update and review the diff)\n%s", golden, firstDifference(got, string(want)))
	}
}

func firstDifference(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			return "line " + strconv.Itoa(i+1) + ":\n got: " + g[i] + "\nwant: " + w[i]
		}
	}
	return "lengths differ"
}

func TestPipeline(t *testing.T) {
	mem, res := buildSite(t, loadSite(t, "site.txtar"))
	if len(res.Diagnostics) != 0 {
		t.Errorf("unexpected diagnostics:\n%s", res.Diagnostics)
	}
	serotonin := file(t, mem, "articles/serotonin/index.html")
	sleep := file(t, mem, "articles/sleep/index.html")
	tests := []struct {
		name, page, want string
	}{
		{"display title replaces the heading", serotonin, `<h2 id="mechanism">How it works</h2>`},
		{"wiki link to a section under the base path", serotonin, `<a href="/library/articles/sleep/#risk">a problem</a>`},
		{"wiki link with a label to a term", serotonin, `<a href="/library/glossary/reuptake/">reuptake</a>`},
		{"risk is a caution callout", sleep, `<section class="section section--risk callout callout--caution" role="note" aria-labelledby="risk">`},
		{"overdue review shows a notice", sleep, "This page is due for review."},
		{"backlinks", sleep, `<h2 id="backlinks-title">Articles that link here</h2>`},
		{"related by shared tag", sleep, `<a class="entry__title" href="/library/articles/serotonin/">Serotonin</a>`},
		{"feedback route", serotonin, `href="mailto:library@clinic.example"`},
		{"review dates written out", serotonin, `<time datetime="2026-10-01">1 October 2026</time>`},
		{"next review from the interval", serotonin, `<time datetime="2029-10-01">1 October 2029</time>`},
		{"term lists the articles that use it", file(t, mem, "glossary/reuptake/index.html"), `href="/library/articles/serotonin/"`},
		{"tag page", file(t, mem, "tags/brain-chemistry/index.html"), `<h1 id="page-title">Brain chemistry</h1>`},
		{"glossary lists terms and articles", file(t, mem, "glossary/index.html"), `href="/library/glossary/reuptake/"`},
		{"alias redirect", file(t, mem, "old/serotonin/index.html"), `<meta http-equiv="refresh" content="0; url=/library/articles/serotonin/">`},
		{"alias canonical", file(t, mem, "old/serotonin/index.html"), `<link rel="canonical" href="https://clinic.example/library/articles/serotonin/">`},
		{"redirects file", file(t, mem, "_redirects"), "/library/old/serotonin/ /library/articles/serotonin/ 301\n"},
		{"sitemap", file(t, mem, "sitemap.xml"), "<loc>https://clinic.example/library/articles/sleep/</loc>\n    <lastmod>2024-01-15</lastmod>"},
		{"feed", file(t, mem, "feed.xml"), `<link href="https://clinic.example/library/articles/serotonin/"></link>`},
		{"robots", file(t, mem, "robots.txt"), "Sitemap: https://clinic.example/library/sitemap.xml"},
		{"404 uses absolute paths", file(t, mem, "404.html"), `<a href="/library/">Go to the home page</a>`},
		{"glossary link with its definition", serotonin, `<a class="gloss" href="/library/articles/sleep/" data-definition="Sleep lets the body and brain rest and repair.">sleep</a>`},
		{"print glossary of the words used", sleep, `<dt>Reuptake</dt><dd>Reuptake is when a nerve cell takes back a messenger it released.</dd>`},
		{"home lists recently reviewed first", file(t, mem, "index.html"), `<h2 id="recent-title">Recently reviewed</h2>`},
	}
	for _, tt := range tests {
		if !strings.Contains(tt.page, tt.want) {
			t.Errorf("%s: page lacks %q", tt.name, tt.want)
		}
	}
	if strings.Contains(serotonin, "This page is due for review.") {
		t.Error("a page that is not overdue shows the overdue notice")
	}
}

func TestMissingSectionIsAWarning(t *testing.T) {
	fsys := loadSite(t, "site.txtar")
	fsys["content/articles/short.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Short\nsummary: S.\n---\nText.\n\n## Context\n\nMore.\n")}
	_, res := buildSite(t, fsys)
	got := res.Diagnostics.String()
	for _, want := range []string{
		`content/articles/short.md:7:1: warning: missing required section "mechanism"`,
		`content/articles/short.md:7:1: warning: missing required section "risk"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, got)
		}
	}
}

func TestDraftsOnlyWithOption(t *testing.T) {
	fsys := loadSite(t, "site.txtar")
	fsys["content/articles/draft.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Draft\nsummary: S.\ndraft: true\n---\n## Context\n## Mechanism\n## Risk\n")}
	mem, _ := buildSite(t, fsys)
	if _, ok := mem.File("articles/draft/index.html"); ok {
		t.Error("a draft was built without --drafts")
	}
	mem = output.NewMemory()
	if _, err := Build(fsys, Options{Writer: mem, Now: now, LoadOptions: LoadOptions{Drafts: true}}); err != nil {
		t.Fatal(err)
	}
	if _, ok := mem.File("articles/draft/index.html"); !ok {
		t.Error("a draft was not built with Drafts")
	}
}

// TestSampleLibraryGlossary checks the sample library in content/: every
// article links at least three glossary entries and every glossary term
// is used by some article.
func TestSampleLibraryGlossary(t *testing.T) {
	site, list := Load(os.DirFS("../.."), LoadOptions{})
	if site == nil || list.HasErrors() {
		t.Fatalf("the sample library does not load:\n%s", list)
	}
	if len(site.Articles) < 12 || len(site.Terms) < 25 {
		t.Errorf("the sample library has %d articles and %d terms; want at least 12 and 25", len(site.Articles), len(site.Terms))
	}
	for _, a := range site.Articles {
		if n := len(a.Result.Terms); n < 3 {
			t.Errorf("%s links %d glossary entries, want at least 3", a.Path, n)
		}
	}
	for _, term := range site.Terms {
		if len(site.Graph.UsedBy[term.Path]) == 0 {
			t.Errorf("%s is used by no article", term.Path)
		}
	}
	for _, d := range list {
		if d.Rule == "term-unused" {
			t.Errorf("unexpected warning: %s", d)
		}
	}
}

func TestUnusedTermWarning(t *testing.T) {
	fsys := loadSite(t, "site.txtar")
	fsys["content/glossary/orphan.md"] = &fstest.MapFile{Data: []byte("---\nterm: Orphan word\n---\nA word nobody uses.\n")}
	_, res := buildSite(t, fsys)
	if want := `content/glossary/orphan.md:2:1: warning: glossary term "Orphan word" is not used by any article`; !strings.Contains(res.Diagnostics.String(), want) {
		t.Errorf("diagnostics lack %q:\n%s", want, res.Diagnostics)
	}
}

func TestAliasCollision(t *testing.T) {
	fsys := loadSite(t, "site.txtar")
	fsys["content/articles/sleep.md"].Data = []byte(strings.Replace(string(fsys["content/articles/sleep.md"].Data), "tags: [Sleep, mood]", "tags: [Sleep, mood]\naliases: [/articles/serotonin/]", 1))
	res, err := Build(fsys, Options{Writer: output.NewMemory(), Now: now})
	if err == nil {
		t.Fatal("an alias that is a real page's address was accepted")
	}
	if want := "content/articles/sleep.md:5:11: alias /articles/serotonin/ has the address of the page of content/articles/serotonin.md (articles/serotonin/index.html)"; !strings.Contains(res.Diagnostics.String(), want) {
		t.Errorf("diagnostics lack %q:\n%s", want, res.Diagnostics)
	}
}

// TestTagsWithOneSlugListArticleOnce: two tags of one article that make one
// address ("Mood" and "mood", not side by side) list the article once on
// that topic's page, among the other articles in title order.
func TestTagsWithOneSlugListArticleOnce(t *testing.T) {
	fsys := loadSite(t, "site.txtar")
	f := fsys["content/articles/serotonin.md"]
	f.Data = []byte(strings.Replace(string(f.Data), "tags: [Brain chemistry, mood]", "tags: [Mood, Brain chemistry, mood]", 1))
	site, list := Load(fsys, LoadOptions{})
	if list.HasErrors() {
		t.Fatal(list.Errors())
	}
	var titles []string
	for _, tag := range site.Tags {
		if tag.Slug == "mood" {
			for _, a := range tag.Articles {
				titles = append(titles, a.Title)
			}
		}
	}
	if got := strings.Join(titles, ", "); got != "Serotonin, Sleep" {
		t.Errorf("the mood topic lists %q, want \"Serotonin, Sleep\"", got)
	}
}
