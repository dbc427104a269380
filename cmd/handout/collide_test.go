package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCollisionsListedInOneRun: aliases and static files that would take
// the place of files the build makes, and an alias too long for a file
// system, are each reported by build and by check, all in one run, at the
// alias's line or the static file, with exit 1 and nothing written. Once
// they are gone the site builds, with its own robots.txt (and a note
// saying so), host files and .well-known/ published, and a word about
// the hidden file left out.
func TestCollisionsListedInOneRun(t *testing.T) {
	long := "/" + strings.Repeat("a", 300) + "/"
	moved := "---\ntitle: Moved\nsummary: Former addresses.\naliases:\n  - /search/index.json\n  - /feed.xml\n  - /robots.txt\n  - " + long + "\n---\nText.\n"
	site := writeSite(t, map[string]string{
		"site.yaml":                       "title: Test library\n",
		"content/articles/sleep.md":       goodArticle,
		"content/articles/moved.md":       moved,
		"static/search/index.html":        "<p>mine</p>",
		"static/sitemap.xml":              "<urlset/>",
		"static/feed.xml/a.png":           "png",
		"static/robots.txt":               "User-agent: *\nDisallow: /drafts/\n",
		"static/.htaccess":                "Options -Indexes\n",
		"static/.well-known/security.txt": "Contact: mailto:security@clinic.example\n",
		"static/.notes.txt.swp":           "swap",
	})
	want := []string{
		"content/articles/moved.md:5:5: alias /search/index.json has the address of the search index the build makes (search/index.json)",
		"content/articles/moved.md:6:5: alias /feed.xml has the address of the Atom feed the build makes (feed.xml)",
		"content/articles/moved.md:7:5: alias /robots.txt has the address of the robots.txt the build makes (robots.txt)",
		"content/articles/moved.md:8:5: alias /aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...aaaaaaaaa/ has a part of 300 characters",
		"static/feed.xml/a.png:1:1: this file needs a folder feed.xml/, but feed.xml is the Atom feed the build makes",
		"static/search/index.html:1:1: this file has the address of the search page the build makes (search/index.html)",
		"static/sitemap.xml:1:1: this file has the address of the sitemap the build makes (sitemap.xml)",
	}
	out := filepath.Join(t.TempDir(), "public")
	code, stdout, stderr := runHandout(t, "build", "-s", site, "-d", out)
	if code != 1 {
		t.Errorf("build: exit %d, want 1\n%s%s", code, stdout, stderr)
	}
	for _, w := range want {
		if !strings.Contains(stderr, w) {
			t.Errorf("build does not print %q:\n%s", w, stderr)
		}
	}
	if strings.Contains(stderr, "too long:") || strings.Contains(stderr, "mkdir") {
		t.Errorf("build printed a raw file system error:\n%s", stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a failed build made %s", out)
	}
	code, stdout, stderr = runHandout(t, "check", "-s", site)
	if code != 1 {
		t.Errorf("check: exit %d, want 1\n%s%s", code, stdout, stderr)
	}
	for _, w := range want {
		if !strings.Contains(stdout, w) {
			t.Errorf("check does not print %q:\n%s", w, stdout)
		}
	}

	for _, name := range []string{"content/articles/moved.md", "static/search/index.html", "static/sitemap.xml", "static/feed.xml/a.png"} {
		if err := os.Remove(filepath.Join(site, filepath.FromSlash(name))); err != nil {
			t.Fatal(err)
		}
	}
	code, stdout, stderr = runHandout(t, "build", "-s", site, "-d", out)
	if code != 0 {
		t.Fatalf("build: exit %d\n%s%s", code, stdout, stderr)
	}
	if note := "Note: static/robots.txt replaces the robots.txt the build makes"; !strings.Contains(stdout, note) {
		t.Errorf("build does not say %q:\n%s", note, stdout)
	}
	if warning := "static/.notes.txt.swp:1:1: warning: hidden file not published"; !strings.Contains(stderr, warning) {
		t.Errorf("build does not warn %q:\n%s", warning, stderr)
	}
	for name, data := range map[string]string{
		"robots.txt":               "User-agent: *\nDisallow: /drafts/\n",
		".htaccess":                "Options -Indexes\n",
		".well-known/security.txt": "Contact: mailto:security@clinic.example\n",
	} {
		if got := readFile(t, filepath.Join(out, filepath.FromSlash(name))); got != data {
			t.Errorf("%s = %q, want %q", name, got, data)
		}
	}
}
