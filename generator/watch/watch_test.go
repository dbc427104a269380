package watch

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// newSite makes a site folder with content/articles and starts watching it.
func newSite(t *testing.T) (string, *Watcher) {
	t.Helper()
	root := t.TempDir()
	for _, d := range []string{"content/articles", "templates", "static"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write(t, root, "site.yaml", "title: T\n")
	write(t, root, "content/articles/a.md", "a")
	w, err := New(root)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	go w.Run(ctx)
	return root, w
}

func write(t *testing.T, root, name, data string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// collect gathers batches until none comes for a while.
func collect(t *testing.T, w *Watcher) [][]string {
	t.Helper()
	var batches [][]string
	timeout := time.After(5 * time.Second)
	for {
		select {
		case b := <-w.Batches:
			if b.First.IsZero() || time.Since(b.First) < Quiet {
				t.Errorf("batch %v says its first event came at %v, less than %v ago", b.Paths, b.First, Quiet)
			}
			batches = append(batches, b.Paths)
		case <-time.After(600 * time.Millisecond):
			return batches
		case <-timeout:
			t.Fatal("events never stopped")
		}
	}
}

func flatten(batches [][]string) []string {
	var all []string
	for _, b := range batches {
		all = append(all, b...)
	}
	slices.Sort(all)
	return slices.Compact(all)
}

func TestAtomicSave(t *testing.T) {
	root, w := newSite(t)
	// An editor's atomic save: write a temporary file, rename it into place.
	write(t, root, "content/articles/.a.md.tmp", "new text")
	if err := os.Rename(filepath.Join(root, "content/articles/.a.md.tmp"), filepath.Join(root, "content/articles/a.md")); err != nil {
		t.Fatal(err)
	}
	batches := collect(t, w)
	if len(batches) != 1 || !slices.Equal(batches[0], []string{"content/articles/a.md"}) {
		t.Errorf("batches = %v, want one with content/articles/a.md (dot files are ignored)", batches)
	}
}

func TestBackupThenWrite(t *testing.T) {
	root, w := newSite(t)
	if err := os.Rename(filepath.Join(root, "content/articles/a.md"), filepath.Join(root, "content/articles/a.md~")); err != nil {
		t.Fatal(err)
	}
	write(t, root, "content/articles/a.md", "saved")
	batches := collect(t, w)
	if len(batches) != 1 || !slices.Contains(batches[0], "content/articles/a.md") {
		t.Errorf("batches = %v", batches)
	}
}

// TestSlowBackupThenWrite moves the file aside and writes the new one
// well after Quiet, as an editor does when it syncs the backup to a slow
// disk first: still one batch, so the page is never seen missing.
func TestSlowBackupThenWrite(t *testing.T) {
	root, w := newSite(t)
	if err := os.Rename(filepath.Join(root, "content/articles/a.md"), filepath.Join(root, "content/articles/a.md~")); err != nil {
		t.Fatal(err)
	}
	time.Sleep(4 * Quiet)
	write(t, root, "content/articles/a.md", "saved")
	batches := collect(t, w)
	if len(batches) != 1 || !slices.Equal(batches[0], []string{"content/articles/a.md"}) {
		t.Errorf("batches = %v, want one with content/articles/a.md", batches)
	}
}

// TestRemovalWaitsToSettle removes a file for good: it is reported, once
// Settle has passed without its coming back.
func TestRemovalWaitsToSettle(t *testing.T) {
	root, w := newSite(t)
	if err := os.Remove(filepath.Join(root, "content/articles/a.md")); err != nil {
		t.Fatal(err)
	}
	expectLateBatch(t, w, "the removal", Settle, "Settle")
}

// expectLateBatch waits for one batch of content/articles/a.md, which
// must come no sooner than least after its first event.
func expectLateBatch(t *testing.T, w *Watcher, what string, least time.Duration, leastName string) {
	t.Helper()
	select {
	case b := <-w.Batches:
		if !slices.Equal(b.Paths, []string{"content/articles/a.md"}) {
			t.Errorf("batch %v, want content/articles/a.md", b.Paths)
		}
		if waited := time.Since(b.First); waited < least {
			t.Errorf("%s was sent %v after it happened, before %s (%v)", what, waited, leastName, least)
		}
	case <-time.After(5 * time.Second):
		t.Fatalf("%s was never reported", what)
	}
}

func TestNewFolderWithArticle(t *testing.T) {
	root, w := newSite(t)
	// The folder and its file appear together, as with a copy or checkout:
	// the file may be written before the folder is watched.
	write(t, root, "content/articles/new/deep/b.md", "b")
	all := flatten(collect(t, w))
	if !slices.Contains(all, "content/articles/new/deep/b.md") {
		t.Fatalf("the new article was not reported: %v", all)
	}
	// The new folder is watched from now on.
	write(t, root, "content/articles/new/deep/c.md", "c")
	if all := flatten(collect(t, w)); !slices.Contains(all, "content/articles/new/deep/c.md") {
		t.Errorf("a file in the new folder was not reported: %v", all)
	}
}

func TestDeleteAndRecreateFolder(t *testing.T) {
	root, w := newSite(t)
	write(t, root, "content/articles/sub/x.md", "x")
	collect(t, w)
	if err := os.RemoveAll(filepath.Join(root, "content/articles/sub")); err != nil {
		t.Fatal(err)
	}
	if all := flatten(collect(t, w)); !slices.Contains(all, "content/articles/sub") && !slices.Contains(all, "content/articles/sub/x.md") {
		t.Errorf("the removal was not reported: %v", all)
	}
	write(t, root, "content/articles/sub/y.md", "y")
	if all := flatten(collect(t, w)); !slices.Contains(all, "content/articles/sub/y.md") {
		t.Errorf("a file in the re-created folder was not reported: %v", all)
	}
}

func TestBurst(t *testing.T) {
	root, w := newSite(t)
	for i := range 200 {
		write(t, root, fmt.Sprintf("content/articles/burst-%03d.md", i), "x")
	}
	// A burst is coalesced into a few batches, not one per file. On a
	// loaded machine the writer can pause longer than Quiet between two
	// files, so a handful of batches is allowed; without debouncing there
	// would be one batch per event, about 200.
	batches := collect(t, w)
	if len(batches) < 1 || len(batches) > 10 {
		t.Errorf("200 files gave %d batches, want between 1 and 10", len(batches))
	}
	if all := flatten(batches); len(all) != 200 {
		t.Errorf("%d paths reported, want 200", len(all))
	}
}

func TestIgnoresOutputAndOtherFiles(t *testing.T) {
	root, w := newSite(t)
	write(t, root, "public/index.html", "x")
	write(t, root, "notes.txt", "x")
	write(t, root, "site.yaml", "title: U\n")
	batches := collect(t, w)
	if all := flatten(batches); strings.Join(all, ",") != "site.yaml" {
		t.Errorf("reported %v, want only site.yaml", all)
	}
}

// TestEmptyFileWaits empties a file, as an editor does before it writes
// the new text, and writes nothing more: the batch comes, but only once
// EmptyQuiet has passed without an event.
func TestEmptyFileWaits(t *testing.T) {
	root, w := newSite(t)
	write(t, root, "content/articles/a.md", "")
	expectLateBatch(t, w, "the emptied file", EmptyQuiet, "EmptyQuiet")
}

// TestFilling holds a batch while a changed file is empty, until
// EmptyQuiet after the last event and never past MaxDelay after the
// first; a file with text, a folder or a missing file holds nothing.
func TestFilling(t *testing.T) {
	root := t.TempDir()
	write(t, root, "content/articles/empty.md", "")
	write(t, root, "content/articles/full.md", "text")
	w := &Watcher{root: root}
	now := time.Now()
	for _, tc := range []struct {
		name        string
		paths       []string
		first, last time.Time
		hold        bool
	}{
		{"an empty file, just changed", []string{"content/articles/full.md", "content/articles/empty.md"}, now, now, true},
		{"an empty file, quiet for EmptyQuiet", []string{"content/articles/empty.md"}, now.Add(-EmptyQuiet), now.Add(-EmptyQuiet), false},
		{"an empty file in a batch as old as MaxDelay", []string{"content/articles/empty.md"}, now.Add(-MaxDelay), now, false},
		{"files with text", []string{"content/articles/full.md", "site.yaml"}, now, now, false},
		{"a folder", []string{"content/articles"}, now, now, false},
		{"a missing file", []string{"content/articles/gone.md"}, now, now, false},
	} {
		pending := map[string]bool{}
		for _, p := range tc.paths {
			pending[p] = true
		}
		wait := w.filling(pending, tc.first, tc.last)
		if hold := wait > 0; hold != tc.hold || wait > EmptyQuiet {
			t.Errorf("%s: filling = %v, want a hold: %v (at most %v)", tc.name, wait, tc.hold, EmptyQuiet)
		}
	}
}
