package main

import (
	"bytes"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// attrURL finds the addresses in href, src and action attributes.
var attrURL = regexp.MustCompile(`\s(?:href|src|action)="([^"]*)"`)

// TestBaseURLSubPath builds the sample site for a sub-path and crawls every
// page: each internal link and asset must stay under /library/ and resolve
// to a written file, and each #fragment to an id on the target page.
func TestBaseURLSubPath(t *testing.T) {
	const base = "https://example.org/library/"
	out := filepath.Join(t.TempDir(), "public")
	if code, stdout, stderr := runHandout(t, "build", "-s", repoRoot(t), "-d", out, "--base-url", base); code != 0 {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	pages := map[string]string{} // file -> contents
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(out, p)
			pages[filepath.ToSlash(rel)] = string(data)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 50 {
		t.Fatalf("only %d pages built", len(pages))
	}
	checked := 0
	for file, text := range pages {
		for _, m := range attrURL.FindAllStringSubmatch(text, -1) {
			raw := html.UnescapeString(m[1])
			target, internal := strings.CutPrefix(raw, "https://example.org")
			if !internal && !strings.HasPrefix(raw, "/") && !strings.HasPrefix(raw, "#") {
				continue // external, mailto: and the like
			}
			if strings.HasPrefix(raw, "#") {
				target = "/library/" + strings.TrimSuffix(file, "index.html") + raw
			}
			checked++
			rest, ok := strings.CutPrefix(target, "/library/")
			if !ok {
				t.Errorf("%s: %q is not under /library/", file, raw)
				continue
			}
			rest, fragment, _ := strings.Cut(rest, "#")
			rest, _, _ = strings.Cut(rest, "?")
			name := rest
			if name == "" || strings.HasSuffix(name, "/") {
				name += "index.html"
			}
			data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
			if err != nil {
				t.Errorf("%s: %q leads to no file (%s)", file, raw, name)
				continue
			}
			if fragment != "" && !bytes.Contains(data, []byte(`id="`+fragment+`"`)) {
				t.Errorf("%s: %q: %s has no id %q", file, raw, name, fragment)
			}
		}
	}
	if checked < 1000 {
		t.Errorf("only %d internal addresses checked", checked)
	}
	for _, f := range []string{"sitemap.xml", "feed.xml", "robots.txt"} {
		text := readFile(t, filepath.Join(out, f))
		if !strings.Contains(text, base) {
			t.Errorf("%s does not use the base URL %s", f, base)
		}
		if strings.Contains(strings.ReplaceAll(text, base, ""), "https://example.org/") {
			t.Errorf("%s has an address outside %s", f, base)
		}
	}
}

// TestReproducibleBuild builds the sample site twice: the outputs must be
// byte-identical, file for file, the WebP variants of its pictures and its
// share cards included. Each build goes into a folder of its own, with no
// image cache beside it, so both encode every variant.
func TestReproducibleBuild(t *testing.T) {
	read := func() map[string][]byte {
		out := filepath.Join(t.TempDir(), "public")
		if code, stdout, stderr := runHandout(t, "build", "-s", repoRoot(t), "-d", out); code != 0 {
			t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
		}
		files := map[string][]byte{}
		_ = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				rel, _ := filepath.Rel(out, p)
				files[rel], _ = os.ReadFile(p)
			}
			return err
		})
		return files
	}
	first, second := read(), read()
	if len(first) != len(second) || len(first) == 0 {
		t.Fatalf("%d files, then %d", len(first), len(second))
	}
	made := map[string]int{}
	for name := range first {
		switch {
		case strings.HasPrefix(name, filepath.FromSlash("assets/images/")) && strings.HasSuffix(name, ".webp"):
			made["WebP variants"]++
		case strings.HasPrefix(name, filepath.FromSlash("assets/share/")) && strings.HasSuffix(name, ".png"):
			made["share cards"]++
		}
	}
	for _, kind := range []string{"WebP variants", "share cards"} {
		if made[kind] == 0 {
			t.Errorf("the sample site's output has no %s, so this test does not compare them", kind)
		}
	}
	for name, data := range first {
		if !bytes.Equal(data, second[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}
