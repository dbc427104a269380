package robustness

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/handout-health/handout/generator/check"
	"github.com/handout-health/handout/generator/output"
	"github.com/handout-health/handout/generator/site"
)

// TestUnsafeSlugsAndAliases refuses every slug and alias that could leave
// public/, name a folder outside the site's addresses, need quoting, or
// be too long for a file system or host, with an error on the line of
// the key.
func TestUnsafeSlugsAndAliases(t *testing.T) {
	slugs := []string{strings.Repeat("a", 101), "../../etc", "/etc/passwd", "a/b", `a\b`, "..", ".", "a b", "café", "A", "a%2e%2e", "a?b", "a#b", "-a", "a--b", "a.html", "~root"}
	aliases := []string{"/../etc/", "../x/", "/a/../../b/", "//evil.example/", "/a b/", "/a%20b/", `C:\x`, `/a\b/`, "/ü/", "/.hidden/", "/a/./b/", "/", "https://evil.example/", "relative/", "/a?b=1", "/a#b", "/a//b/", "/" + strings.Repeat("a", 300) + "/", strings.Repeat("/"+strings.Repeat("b", 200), 5) + "/"}
	var tests []struct{ key, value string }
	for _, s := range slugs {
		tests = append(tests, struct{ key, value string }{"slug", s})
	}
	for _, a := range aliases {
		tests = append(tests, struct{ key, value string }{"aliases", a})
	}
	for _, tt := range tests {
		t.Run(tt.key+"="+tt.value, func(t *testing.T) {
			files := edit("content/articles/sleep.md", "tags: [wellbeing]", "tags: [wellbeing]\n"+tt.key+": "+yamlQuote(tt.value))
			mem, res, err := buildMemory(t, files)
			if err == nil {
				t.Fatalf("%s %q accepted; files: %v", tt.key, tt.value, mem.Names())
			}
			if !hasErrorAt(res.Diagnostics, "content/articles/sleep.md", 6) {
				t.Errorf("no error at content/articles/sleep.md:6; got:\n%s", res.Diagnostics)
			}
		})
	}
}

// TestOddFileNames builds content files whose names carry spaces, accents,
// capitals and punctuation: each gets a safe address from its name, or an
// error saying to rename it; static files with such names are refused.
func TestOddFileNames(t *testing.T) {
	const page = "---\ntitle: %s\nsummary: x\n---\nText.\n"
	ok := map[string]string{
		"content/pages/Café Ünïcode (draft 2)!.md": "cafe-unicode-draft-2/index.html",
		"content/pages/UPPER case.md":              "upper-case/index.html",
		"content/pages/it's.md":                    "its/index.html",
		"content/pages/a..b.md":                    "a-b/index.html",
	}
	for name, want := range ok {
		t.Run(name, func(t *testing.T) {
			files := with(baseSite(), name, strings.Replace(page, "%s", "Odd", 1))
			mem, res, err := buildMemory(t, files)
			if err != nil {
				t.Fatalf("build failed:\n%s", res.Diagnostics.Errors())
			}
			if _, found := mem.File(want); !found {
				t.Errorf("no %s", want)
			}
		})
	}
	refused := []string{"content/pages/???.md", "content/pages/日本語.md", "static/My Photo.png", "static/a?b.pdf", "static/x/ü.png", "static/a#b.txt"}
	for _, name := range refused {
		t.Run(name, func(t *testing.T) {
			files := with(baseSite(), name, strings.Replace(page, "%s", "Odd", 1))
			_, res, err := buildMemory(t, files)
			if err == nil {
				t.Fatalf("%s accepted", name)
			}
			found := false
			for _, d := range res.Diagnostics.Errors() {
				found = found || d.Path == name || strings.HasPrefix(name, d.Path+"/")
			}
			if !found {
				t.Errorf("no error names %s:\n%s", name, res.Diagnostics)
			}
		})
	}
}

// writeTree writes files into dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// symlinks makes each link in dir pointing at its target.
func symlinks(t *testing.T, dir string, links map[string]string) {
	t.Helper()
	for name, target := range links {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
	}
}

// buildRoot builds the site in dir as handout does, through os.OpenRoot,
// and fails the test if the build does not end within a minute.
func buildRoot(t *testing.T, dir string) (*output.Memory, site.Result, error) {
	t.Helper()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	type result struct {
		mem *output.Memory
		res site.Result
		err error
	}
	done := make(chan result, 1)
	go func() {
		mem := output.NewMemory()
		res, err := site.Build(root.FS(), site.Options{Writer: mem, Now: buildDate})
		done <- result{mem, res, err}
	}()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	select {
	case r := <-done:
		if r.err != nil && !errors.Is(r.err, site.ErrFailed) {
			t.Fatalf("build: %v", r.err)
		}
		return r.mem, r.res, r.err
	case <-ctx.Done():
		t.Fatal("the build did not finish within a minute")
	}
	panic("unreachable")
}

// secret is what lies outside the site; it must never reach the output.
const secret = "OUTSIDE-THE-SITE-7f3a"

// TestSymlinksLeavingTheSite links content and static files, and whole
// folders, to places outside the site: none is followed, each is reported,
// and nothing from outside reaches the output. A link that stays inside
// the site is followed.
func TestSymlinksLeavingTheSite(t *testing.T) {
	outside := t.TempDir()
	writeTree(t, outside, map[string]string{
		"article.md":     "---\ntitle: Leaked\nsummary: " + secret + "\n---\n" + secret + "\n",
		"data.txt":       secret,
		"folder/more.md": "---\ntitle: Leaked too\nsummary: " + secret + "\n---\n" + secret + "\n",
	})
	dir := filepath.Join(t.TempDir(), "site")
	writeTree(t, dir, with(baseSite(), "content/shared/extra.md", "---\ntitle: Extra\nsummary: Shared.\n---\nText.\n"))
	symlinks(t, dir, map[string]string{
		"content/articles/leak.md":  filepath.Join(outside, "article.md"),
		"content/articles/rel.md":   "../../../" + filepath.Base(outside) + "/article.md",
		"content/pages/passwd.md":   "/etc/passwd",
		"content/articles/folder":   filepath.Join(outside, "folder"),
		"content/articles/extra.md": "../shared/extra.md", // inside the site
		"static/leak.txt":           filepath.Join(outside, "data.txt"),
		"static/folder":             filepath.Join(outside, "folder"),
	})
	steps := []struct {
		refused []string // files that must be reported
		remove  []string // links removed after the step
	}{
		{[]string{"content/articles/leak.md", "content/articles/rel.md", "content/pages/passwd.md"}, []string{"content/articles/leak.md", "content/articles/rel.md", "content/pages/passwd.md"}},
		// Static files are copied only once the content is good.
		{[]string{"static/leak.txt", "static/folder"}, []string{"static/leak.txt", "static/folder"}},
		{nil, nil},
	}
	for _, step := range steps {
		mem, res, err := buildRoot(t, dir)
		for _, d := range res.Diagnostics {
			if strings.Contains(d.Message, secret) {
				t.Errorf("a message shows what lies outside: %v", d)
			}
		}
		for _, name := range mem.Names() {
			data, _ := mem.File(name)
			if strings.Contains(string(data), secret) {
				t.Errorf("%s holds what lies outside the site", name)
			}
		}
		if len(step.refused) == 0 {
			if err != nil {
				t.Fatalf("build failed:\n%s", res.Diagnostics.Errors())
			}
			if _, ok := mem.File("articles/extra/index.html"); !ok {
				t.Error("the link inside the site was not followed")
			}
			break
		}
		if err == nil {
			t.Fatalf("built with links leaving the site: %v", step.refused)
		}
		for _, name := range step.refused {
			if !hasErrorAt(res.Diagnostics, name, 1) {
				t.Errorf("no error for %s:\n%s", name, res.Diagnostics)
			}
		}
		for _, name := range step.remove {
			if err := os.Remove(filepath.Join(dir, filepath.FromSlash(name))); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestSymlinkLoops builds a site with links to themselves, to each other
// and to a parent folder: each build ends (within a minute) with errors
// naming the looping files.
func TestSymlinkLoops(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, baseSite())
	symlinks(t, dir, map[string]string{
		"content/articles/self.md": "self.md",
		"content/articles/a.md":    "b.md",
		"content/articles/b.md":    "a.md",
		"content/articles/up":      "..",
		"content/glossary/loop":    "loop",
		"static/self.png":          "self.png",
		"static/up":                "../static",
	})
	content := []string{"content/articles/self.md", "content/articles/a.md", "content/articles/b.md"}
	for _, refused := range [][]string{content, {"static/self.png"}} {
		_, res, err := buildRoot(t, dir)
		if err == nil {
			t.Fatal("a site with looping links built without an error")
		}
		for _, name := range refused {
			if !hasErrorAt(res.Diagnostics, name, 1) {
				t.Errorf("no error for %s:\n%s", name, res.Diagnostics)
			}
			if err := os.Remove(filepath.Join(dir, filepath.FromSlash(name))); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestTemplatesLeavingTheSite links the site's templates/ folder, and
// then a folder inside it, to a theme outside the site: build and check
// both refuse it, at the link, as they do in content/; a file named
// templates is refused too.
func TestTemplatesLeavingTheSite(t *testing.T) {
	outside := t.TempDir()
	writeTree(t, outside, map[string]string{"theme/partials/footer.html": "<footer>" + secret + "</footer>"})
	steps := []struct {
		links  map[string]string
		files  map[string]string
		refuse string
	}{
		{links: map[string]string{"templates": filepath.Join(outside, "theme")}, refuse: "templates"},
		{links: map[string]string{"templates/partials": filepath.Join(outside, "theme/partials")}, refuse: "templates/partials"},
		{files: map[string]string{"templates": "not a folder"}, refuse: "templates"},
	}
	for _, step := range steps {
		t.Run(step.refuse, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "site")
			writeTree(t, dir, baseSite())
			writeTree(t, dir, step.files)
			symlinks(t, dir, step.links)
			mem, res, err := buildRoot(t, dir)
			if err == nil {
				t.Fatal("built with templates/ outside the site")
			}
			if !hasErrorAt(res.Diagnostics, step.refuse, 1) {
				t.Errorf("no error for %s:\n%s", step.refuse, res.Diagnostics)
			}
			for _, name := range mem.Names() {
				if data, _ := mem.File(name); strings.Contains(string(data), secret) {
					t.Errorf("%s holds what lies outside the site", name)
				}
			}
			root, err := os.OpenRoot(dir)
			if err != nil {
				t.Fatal(err)
			}
			defer root.Close()
			if r := check.Site(root.FS(), check.Options{Now: buildDate}); !hasErrorAt(r.Diagnostics, step.refuse, 1) {
				t.Errorf("check: no error for %s:\n%s", step.refuse, r.Diagnostics)
			}
		})
	}
}
