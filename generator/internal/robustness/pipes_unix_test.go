//go:build unix

package robustness

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestNamedPipes puts named pipes where content and static files go:
// opening one would block the build for ever, so each is reported and
// none is opened.
func TestNamedPipes(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, baseSite())
	pipes := []string{"content/articles/pipe.md", "static/pipe.png", "site.yaml"}
	for _, name := range pipes {
		p := filepath.Join(dir, filepath.FromSlash(name))
		_ = os.MkdirAll(filepath.Dir(p), 0o755)
		_ = os.Remove(p)
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, res, err := buildRoot(t, dir)
	if err == nil || !hasErrorAt(res.Diagnostics, "site.yaml", 1) {
		t.Fatalf("want an error for the site.yaml pipe, got %v:\n%s", err, res.Diagnostics)
	}
	writeTree(t, dir, map[string]string{"site.yaml.new": baseSite()["site.yaml"]})
	if err := os.Rename(filepath.Join(dir, "site.yaml.new"), filepath.Join(dir, "site.yaml")); err != nil {
		t.Fatal(err)
	}
	_, res, err = buildRoot(t, dir)
	for _, name := range pipes[:2] {
		if err == nil || !hasErrorAt(res.Diagnostics, name, 1) {
			t.Errorf("no error for %s:\n%s", name, res.Diagnostics)
		}
	}
}
