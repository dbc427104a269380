package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// binary is the handout command built once for the end-to-end tests.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "handout-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "handout")
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building handout: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// runHandout runs the built binary and returns its exit code and output.
func runHandout(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	return runHandoutIn(t, nil, args...)
}

// runHandoutIn is runHandout with the environment env (nil: this
// process's).
func runHandoutIn(t *testing.T, env []string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Env = env
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	if exitErr, ok := err.(*exec.ExitError); ok {
		return exitErr.ExitCode(), out.String(), errOut.String()
	}
	if err != nil {
		t.Fatalf("running handout %v: %v", args, err)
	}
	return 0, out.String(), errOut.String()
}

// writeSite writes files (slash paths) into a new temporary site folder.
func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// repoRoot is the repository, which is itself the sample site.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestBuildSampleSite(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	code, stdout, stderr := runHandout(t, "build", "-s", repoRoot(t), "-d", out)
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	if !strings.HasPrefix(stdout, "Built ") {
		t.Errorf("stdout = %q", stdout)
	}
	for _, f := range []string{
		"index.html", "404.html", "sitemap.xml", "robots.txt", "feed.xml",
		"articles/neurotransmitter-optimization/index.html", "articles/serotonin/index.html",
		"glossary/index.html", "glossary/reuptake/index.html",
		"tags/index.html", "tags/mood/index.html", "about/index.html", "disclaimer/index.html",
		"search/index.html", "cookies/index.html",
	} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("missing %s", f)
		}
	}
	seed := readFile(t, filepath.Join(out, "articles/neurotransmitter-optimization/index.html"))
	for _, id := range []string{"context", "significance", "mechanism", "application", "metric", "risk"} {
		if !strings.Contains(seed, `<h2 id="`+id+`">`) || !strings.Contains(seed, `<a href="#`+id+`">`) {
			t.Errorf("seed article lacks section %q with its anchor and navigation entry", id)
		}
	}
	for _, want := range []string{
		`<h2 id="toc-title">On this page</h2>`,
		`class="section section--risk callout callout--caution"`,
		"<dt>Reviewed by</dt><dd>Dr. Amara Okafor, MD</dd>",
		"<dt>Page last reviewed</dt>",
		"<dt>Next review due</dt>",
	} {
		if !strings.Contains(seed, want) {
			t.Errorf("seed article lacks %q", want)
		}
	}
}

// goodArticle is a valid article; bad-input cases add broken files to it.
const goodArticle = `---
title: Sleep
summary: Why sleep matters.
reviewed_by: "A. Clinician, MD"
last_reviewed: 2026-10-01
sources:
  - title: NHS
    url: https://www.nhs.uk/
---
Sleep helps.

## Context
Text.
## Mechanism
Text.
## Application
Text.
## Metric
Text.
## Risk
Text.
`

func TestBuildBadInput(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		// want are diagnostics that must all be printed, in one run.
		want []string
	}{
		{"broken yaml", map[string]string{"content/articles/a.md": "---\ntitle: [A\nsummary: B\n---\n"},
			[]string{"content/articles/a.md:3:1: ',' or ']' must be specified"}},
		{"unknown key", map[string]string{"content/articles/a.md": "---\ntitle: A\nsumary: B\n---\n"},
			[]string{`content/articles/a.md:3:1: unknown key "sumary"`, "content/articles/a.md:1:1: summary is required"}},
		{"missing title", map[string]string{"content/articles/a.md": "---\nsummary: B\n---\n"},
			[]string{"content/articles/a.md:1:1: title is required"}},
		{"duplicate slug", map[string]string{"content/articles/x/sleep.md": goodArticle},
			[]string{`content/articles/x/sleep.md:1:1: duplicate slug "sleep": content/articles/sleep.md has it too`}},
		{"bad date", map[string]string{"content/articles/a.md": "---\ntitle: A\nsummary: B\nlast_reviewed: 1 Oct 2026\n---\n"},
			[]string{`content/articles/a.md:4:16: last_reviewed "1 Oct 2026" is not a date`}},
		{"not utf-8", map[string]string{"content/articles/a.md": "---\ntitle: A\nsummary: Caf\xe9\n---\n"},
			[]string{"content/articles/a.md:3:13: the file is not UTF-8"}},
		{"empty file", map[string]string{"content/glossary/empty.md": ""},
			[]string{"content/glossary/empty.md:1:1: empty file"}},
		{"unreadable file", map[string]string{"link": "content/articles/gone.md -> /nonexistent/file.md"},
			[]string{"content/articles/gone.md:1:1: cannot read"}},
		{"broken site.yaml", map[string]string{"site.yaml": "title: A\nbase_url: [\n"},
			[]string{"site.yaml:2:"}},
		{"template error", map[string]string{"templates/layouts/article.html": "{{define \"main\"}}\n<p>{{.Page.Title</p>\n{{end}}\n"},
			[]string{"templates/layouts/article.html:2:"}},
		{"missing static file", map[string]string{"content/articles/a.md": strings.Replace(goodArticle, "title: Sleep", "title: A", 1) + "\nSee [the leaflet](/files/leaflet.pdf).\n"},
			[]string{"content/articles/a.md:23:6: broken link: no page or file in static/ at /files/leaflet.pdf"}},
		{"front matter never closed", map[string]string{"content/pages/about.md": "---\ntitle: About\n"},
			[]string{"content/pages/about.md:1:1: the front matter opened on line 1 is never closed"}},
		{"broken wiki links in two files", map[string]string{
			"content/articles/a.md": strings.NewReplacer("Sleep helps.", "See [[Nowhere]].", "title: Sleep", "title: A").Replace(goodArticle),
			"content/pages/p.md":    "---\ntitle: P\n---\nAnd [[Sleep#Dreams]] and [[Elsewhere|there]].\n",
		}, []string{
			`content/articles/a.md:10:5: broken link: no article, glossary term or page is called “Nowhere”`,
			`content/pages/p.md:4:5: content/articles/sleep.md has no section "dreams"`,
			`content/pages/p.md:4:26: broken link: no article, glossary term or page is called “Elsewhere”`,
		}},
		{"share pictures", map[string]string{
			"content/pages/notes.md":   "---\ntitle: Notes\nimage: /images/notes.png\nimage_alt: Notes\n---\nText.\n",
			"static/images/notes.png":  "these are notes, not a picture",
			"content/pages/door.md":    "---\ntitle: Door\nimage: /images/door.png\n---\nText.\n",
			"static/images/door.png":   "\x89PNG\r\n\x1a\n",
			"content/pages/missing.md": "---\ntitle: Missing\nimage: /images/gone.jpg\nimage_alt: Gone\n---\nText.\n",
		}, []string{
			"content/pages/notes.md:3:8: image /images/notes.png is not a picture that platforms show when a page is shared: use a PNG, JPEG, GIF or WebP file",
			"content/pages/door.md:3:8: image_alt is required with image:",
			"content/pages/missing.md:3:8: image /images/gone.jpg: there is no file static/images/gone.jpg",
		}},
		{"many files at once", map[string]string{
			"content/articles/a.md":      "---\ntitle: A\nsumary: B\n---\n",
			"content/articles/b.md":      "---\ntitle: B\nsummary: C\nnext_review: soon\n---\n",
			"content/glossary/t.md":      "---\nterm: T\ncolour: red\n---\nA term.\n",
			"content/pages/broken.md":    "no front matter\n",
			"static/Bad Name.pdf":        "%PDF",
			"content/articles/sleep2.md": strings.Replace(goodArticle, "title: Sleep", "title: Sleep", 1),
		}, []string{
			`content/articles/a.md:3:1: unknown key "sumary"`,
			`content/articles/b.md:4:14: next_review "soon" is not a date`,
			`content/glossary/t.md:3:1: unknown key "colour"`,
			"content/pages/broken.md:1:1: no front matter",
			`static/Bad Name.pdf:1:1: file name "Bad Name.pdf" is not safe`,
			`content/articles/sleep2.md:2:1: the name "Sleep" is also used by content/articles/sleep.md`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{
				"site.yaml":                 "title: Test library\n",
				"content/articles/sleep.md": goodArticle,
			}
			var link string
			for name, data := range tt.files {
				if name == "link" {
					link = data
					continue
				}
				files[name] = data
			}
			site := writeSite(t, files)
			if from, to, ok := strings.Cut(link, " -> "); ok {
				if err := os.Symlink(to, filepath.Join(site, from)); err != nil {
					t.Fatal(err)
				}
			}
			// A previous good build that a failed one must leave alone.
			public := filepath.Join(site, "public")
			if err := os.MkdirAll(public, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(public, "index.html"), []byte("previous build"), 0o644); err != nil {
				t.Fatal(err)
			}
			code, stdout, stderr := runHandout(t, "build", "-s", site)
			if code != 1 {
				t.Fatalf("exit %d, want 1\n%s%s", code, stdout, stderr)
			}
			for _, want := range tt.want {
				if !strings.Contains(stderr, want) {
					t.Errorf("stderr lacks %q:\n%s", want, stderr)
				}
			}
			for _, line := range strings.Split(strings.TrimSpace(stderr), "\n") {
				if !diagnosticLine.MatchString(line) && !strings.HasPrefix(line, "handout build: ") {
					t.Errorf("line is not path:line:col: message: %q", line)
				}
			}
			if got := readFile(t, filepath.Join(public, "index.html")); got != "previous build" {
				t.Errorf("public/index.html changed to %q", got)
			}
			entries, _ := os.ReadDir(public)
			if len(entries) != 1 {
				t.Errorf("public/ has %d entries after a failed build", len(entries))
			}
			siteEntries, _ := os.ReadDir(site)
			for _, e := range siteEntries {
				if strings.Contains(e.Name(), ".tmp-") {
					t.Errorf("temporary folder %s left behind", e.Name())
				}
			}
		})
	}
}

var diagnosticLine = regexp.MustCompile(`^[^:\s][^:]*:\d+:\d+: .+`)

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{}, {"frobnicate"}, {"build", "--nope"}, {"new", "article"}, {"new", "poem", "X"}, {"init"},
		{"check", "a", "b"}, {"build", "-s", "a", "b"}, {"new", "article", "X", "a", "b"},
	} {
		if code, _, _ := runHandout(t, args...); code != 2 {
			t.Errorf("handout %v: exit %d, want 2", args, code)
		}
	}
	if code, stdout, _ := runHandout(t, "version"); code != 0 || !strings.HasPrefix(stdout, "handout ") {
		t.Errorf("version: exit %d, %q", code, stdout)
	}
}

func TestInitBuildAndNew(t *testing.T) {
	site := filepath.Join(t.TempDir(), "clinic")
	if code, stdout, stderr := runHandout(t, "init", site); code != 0 {
		t.Fatalf("init: exit %d\n%s%s", code, stdout, stderr)
	}
	// The example article names no reviewer yet: it is a draft.
	if code, stdout, stderr := runHandout(t, "build", "-s", site, "--drafts"); code != 0 {
		t.Fatalf("build of a new site: exit %d\n%s%s", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(site, "public/articles/hand-washing/index.html")); err != nil {
		t.Error("the example article was not built")
	}
	if code, _, _ := runHandout(t, "init", site); code != 1 {
		t.Error("init into a folder that is not empty must fail")
	}
	code, stdout, stderr := runHandout(t, "new", "article", "Sleep hygiene", "-s", site)
	if code != 0 {
		t.Fatalf("new article: exit %d\n%s%s", code, stdout, stderr)
	}
	text := readFile(t, filepath.Join(site, "content/articles/sleep-hygiene.md"))
	for _, want := range []string{"---\ntitle: \"Sleep hygiene\"\n", "summary: ", "last_reviewed: ", "## Context", "## Significance", "## Mechanism", "## Application", "## Metric", "## Risk", "<!-- A box", "> [!URGENT]", "[!EMERGENCY]"} {
		if !strings.Contains(text, want) {
			t.Errorf("new article lacks %q:\n%s", want, text)
		}
	}
	if code, _, _ := runHandout(t, "new", "article", "Sleep hygiene", "-s", site); code != 1 {
		t.Error("new must refuse to overwrite an existing file")
	}
	for kind, title := range map[string]string{"term": "Circadian rhythm", "page": "Contact us"} {
		if code, _, stderr := runHandout(t, "new", kind, title, "-s", site); code != 0 {
			t.Errorf("new %s: exit %d: %s", kind, code, stderr)
		}
	}
	// The callout syntax shown in the new article is a comment: check
	// reads no marker in it (no callout or acronym finding). It fails on
	// the placeholders of the drafts (see TestEditorsFirstHour).
	code, stdout, stderr = runHandout(t, "check", "-s", site, "--drafts", "--format", "json")
	if code != 1 {
		t.Fatalf("check --drafts: exit %d, want 1 for the placeholders\n%s%s", code, stdout, stderr)
	}
	var report struct {
		Diagnostics []struct{ Path, Rule, Message string }
	}
	if err := json.Unmarshal([]byte(stdout), &report); err != nil {
		t.Fatal(err)
	}
	for _, d := range report.Diagnostics {
		if d.Rule == "callout" || d.Rule == "acronym" {
			t.Errorf("check reads the new article's comment: %s %s: %s", d.Path, d.Rule, d.Message)
		}
	}
	// A new article is a draft: it builds with --drafts.
	if code, stdout, stderr := runHandout(t, "build", "-s", site, "--drafts"); code != 0 {
		t.Fatalf("build --drafts: exit %d\n%s%s", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(site, "public/articles/sleep-hygiene/index.html")); err != nil {
		t.Error("the draft was not built with --drafts")
	}
}

// TestRebuildLinksUnchangedFiles checks that a rebuild keeps every file
// whose bytes did not change (the same file, so rsync sees the same time)
// and says how many those were, while an edited article's page is new.
func TestRebuildLinksUnchangedFiles(t *testing.T) {
	site := filepath.Join(t.TempDir(), "clinic")
	if code, stdout, stderr := runHandout(t, "init", site); code != 0 {
		t.Fatalf("init: exit %d\n%s%s", code, stdout, stderr)
	}
	build := func() string {
		t.Helper()
		code, stdout, stderr := runHandout(t, "build", "-s", site, "--drafts")
		if code != 0 {
			t.Fatalf("build: exit %d\n%s%s", code, stdout, stderr)
		}
		return stdout
	}
	stat := func(name string) os.FileInfo {
		t.Helper()
		info, err := os.Stat(filepath.Join(site, "public", filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		return info
	}
	filesLine := regexp.MustCompile(`^Built \d+ pages \((\d+) files(?:, (\d+) unchanged)?\)`)
	counts := func(stdout string) (files, unchanged string) {
		t.Helper()
		m := filesLine.FindStringSubmatch(stdout)
		if m == nil {
			t.Fatalf("stdout = %q", stdout)
		}
		return m[1], m[2]
	}

	if _, unchanged := counts(build()); unchanged != "" {
		t.Errorf("first build reports %s files unchanged", unchanged)
	}
	page, notFound := stat("articles/hand-washing/index.html"), stat("404.html")
	if files, unchanged := counts(build()); unchanged != files {
		t.Errorf("a rebuild of the same site: %s of %s files unchanged", unchanged, files)
	}
	if !os.SameFile(page, stat("articles/hand-washing/index.html")) {
		t.Error("a rebuild of the same site wrote the article page again")
	}

	article := filepath.Join(site, "content/articles/hand-washing.md")
	text := readFile(t, article)
	if err := os.WriteFile(article, []byte(strings.Replace(text, "## Context\n", "## Context\nSoap helps.\n\n", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	files, unchanged := counts(build())
	if unchanged == "" || unchanged == files {
		t.Errorf("after an edit: %q of %s files unchanged", unchanged, files)
	}
	if os.SameFile(page, stat("articles/hand-washing/index.html")) {
		t.Error("the edited article's page was kept")
	}
	if !strings.Contains(readFile(t, filepath.Join(site, "public/articles/hand-washing/index.html")), "Soap helps.") {
		t.Error("the edited article's page lacks the new sentence")
	}
	if !os.SameFile(notFound, stat("404.html")) {
		t.Error("404.html was written again though the edit did not change it")
	}
}

// TestBuildRefusesOutputItWouldWreck: a build replaces its output folder
// whole, so an output folder that holds the site, lies inside its
// sources, or is a folder of other things is refused (exit 2), and left
// exactly as it was. Every path is in a temporary folder.
func TestBuildRefusesOutputItWouldWreck(t *testing.T) {
	site := writeSite(t, map[string]string{
		"site.yaml":                 "title: Test library\n",
		"content/articles/sleep.md": goodArticle,
		"static/logo.svg":           "<svg/>",
	})
	elsewhere := t.TempDir()
	home := filepath.Join(elsewhere, "home")
	documents := filepath.Join(elsewhere, "documents")
	for name, data := range map[string]string{
		filepath.Join(home, ".ssh", "id_ed25519"): "key",
		filepath.Join(documents, "letter.txt"):    "Dear",
	} {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct{ dest, want string }{
		{site, "holds the site itself"},
		{filepath.Dir(site), "holds the site itself"},
		{filepath.Join(site, "content", "out"), "inside the site's content/"},
		{filepath.Join(site, "static"), "inside the site's static/"},
		{filepath.Join(site, "site.yaml"), "is a file"},
		{home, "holds .ssh"},
		{documents, "has no index.html"},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.dest), func(t *testing.T) {
			before := readTree(t, filepath.Dir(site))
			code, stdout, stderr := runHandout(t, "build", "-s", site, "-d", tt.dest)
			if code != 2 || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, want 2 and %q\n%s%s", code, tt.want, stdout, stderr)
			}
			if after := readTree(t, filepath.Dir(site)); !maps.Equal(before, after) {
				t.Errorf("the site's folder changed: %v, was %v", after, before)
			}
			for _, dir := range []string{home, documents} {
				if entries, _ := os.ReadDir(dir); len(entries) != 1 {
					t.Errorf("%s changed: %v", dir, entries)
				}
			}
		})
	}
	// A new folder, and the output of an earlier build, are fine.
	out := filepath.Join(elsewhere, "public")
	for range 2 {
		if code, stdout, stderr := runHandout(t, "build", "-s", site, "-d", out); code != 0 {
			t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
		}
	}
}

// readTree returns every file under dir, by path, with its bytes.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			files[p] = string(data)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
