//go:build unix

package output

import (
	"os"
	"path/filepath"
	"testing"
)

// TestNewDirTakesOverStaleStaging: a staging folder no build holds (what a
// killed build leaves) becomes the kept output, which the next build
// brings up to date; one a running build holds is left alone, and so are
// folders that are not handout's.
func TestNewDirTakesOverStaleStaging(t *testing.T) {
	parent := t.TempDir()
	target := filepath.Join(parent, "public")
	dead := filepath.Join(parent, ".public.tmp-123")
	other := filepath.Join(parent, ".other.tmp-123")
	for _, dir := range []string{filepath.Join(dead, "articles"), other} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	running, err := NewDir(target)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dead); !os.IsNotExist(err) {
		t.Errorf("the dead build's folder is still there: %v", err)
	}
	if !running.reused {
		t.Error("the dead build's folder was not taken over")
	}
	if _, err := os.Stat(filepath.Join(running.tmp, "articles")); err != nil {
		t.Errorf("the folder taken over lost its contents: %v", err)
	}
	next, err := NewDir(target)
	if err != nil {
		t.Fatal(err)
	}
	if next.reused {
		t.Error("a second build took over the running build's folder")
	}
	for _, dir := range []string{running.tmp, next.tmp, other} {
		if _, err := os.Stat(dir); err != nil {
			t.Errorf("%s was removed: %v", dir, err)
		}
	}
	if err := running.Abort(); err != nil {
		t.Fatal(err)
	}
	if err := next.Commit(); err != nil {
		t.Fatal(err)
	}
	checkParent(t, target, ".other.tmp-123", ".public.previous", "public")
}
