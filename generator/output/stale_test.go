//go:build unix

package output

import (
	"os"
	"path/filepath"
	"testing"
)

// TestNewDirRemovesStaleTemps: a temporary folder no build holds (what a
// killed build leaves) is removed by the next build; one a running build
// holds is left alone, and so are folders that are not handout's.
func TestNewDirRemovesStaleTemps(t *testing.T) {
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
	next, err := NewDir(target)
	if err != nil {
		t.Fatal(err)
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
	// Once committed, nothing of the build is left to clean.
	after, err := NewDir(target)
	if err != nil {
		t.Fatal(err)
	}
	defer after.Abort()
	entries, _ := os.ReadDir(parent)
	if len(entries) != 3 { // public, .other.tmp-123, after's folder
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("left in the parent: %v", names)
	}
}
