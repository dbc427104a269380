package output

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestDirCommitReplacesOutput(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	if err := os.MkdirAll(target, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(target, "old.html"), []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := NewDir(target)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.WriteFile("a/b/index.html", []byte("new")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(target, "a")); !os.IsNotExist(err) {
		t.Fatal("new files appeared before Commit")
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(filepath.Join(target, "a/b/index.html")); string(data) != "new" {
		t.Errorf("new file = %q", data)
	}
	if _, err := os.Stat(filepath.Join(target, "old.html")); !os.IsNotExist(err) {
		t.Error("old file survived the swap")
	}
	entries, _ := os.ReadDir(filepath.Dir(target))
	if len(entries) != 1 {
		t.Errorf("temporary folders left behind: %v", entries)
	}
}

func TestDirAbortKeepsOutput(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	if err := os.MkdirAll(target, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(target, "index.html"), []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := NewDir(target)
	if err != nil {
		t.Fatal(err)
	}
	_ = d.WriteFile("index.html", []byte("half"))
	if err := d.Abort(); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(filepath.Join(target, "index.html")); string(data) != "old" {
		t.Errorf("index.html = %q after Abort", data)
	}
	entries, _ := os.ReadDir(filepath.Dir(target))
	if len(entries) != 1 {
		t.Errorf("temporary folders left behind: %v", entries)
	}
}

func TestUnsafeNamesRefused(t *testing.T) {
	m := NewMemory()
	for _, name := range []string{"../x", "/etc/passwd", "a/../../b", "", "a\\b"} {
		if err := m.WriteFile(name, nil); err == nil {
			t.Errorf("WriteFile(%q) accepted", name)
		}
	}
}

// TestDirLinksUnchangedFiles checks that a file with the same bytes as in
// the output being replaced is that very file afterwards (same inode and
// modification time), and that every other file is written anew.
func TestDirLinksUnchangedFiles(t *testing.T) {
	tests := []struct {
		name string
		// before sets up the file in the old output; nil leaves it out.
		before func(t *testing.T, path string)
		write  string
		linked bool
	}{
		{"same bytes", writeOld("same page"), "same page", true},
		{"same size, other bytes", writeOld("same pagE"), "same page", false},
		{"other size", writeOld("a shorter"), "a longer page", false},
		{"empty both times", writeOld(""), "", true},
		{"new file", nil, "new page", false},
		{"old one a link to the same bytes", func(t *testing.T, path string) {
			writeOld("same page")(t, path+".real")
			if err := os.Symlink(filepath.Base(path)+".real", path); err != nil {
				t.Skip("no symbolic links here:", err)
			}
		}, "same page", false},
		{"old one a folder", func(t *testing.T, path string) {
			if err := os.MkdirAll(path, 0o755); err != nil {
				t.Fatal(err)
			}
		}, "page", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			target := filepath.Join(t.TempDir(), "public")
			old := filepath.Join(target, "a", "index.html")
			if err := os.MkdirAll(filepath.Dir(old), 0o755); err != nil {
				t.Fatal(err)
			}
			var before os.FileInfo
			if tt.before != nil {
				tt.before(t, old)
				before, _ = os.Lstat(old)
			}
			d, err := NewDir(target)
			if err != nil {
				t.Fatal(err)
			}
			if err := d.WriteFile("a/index.html", []byte(tt.write)); err != nil {
				t.Fatal(err)
			}
			if err := d.Commit(); err != nil {
				t.Fatal(err)
			}
			after, err := os.Lstat(old)
			if err != nil {
				t.Fatal(err)
			}
			if !after.Mode().IsRegular() {
				t.Fatalf("a/index.html is %v, not a regular file", after.Mode())
			}
			if data, _ := os.ReadFile(old); string(data) != tt.write {
				t.Errorf("a/index.html = %q, want %q", data, tt.write)
			}
			linked := before != nil && os.SameFile(before, after)
			if linked != tt.linked {
				t.Errorf("kept the old file: %v, want %v", linked, tt.linked)
			}
			if tt.linked && !after.ModTime().Equal(before.ModTime()) {
				t.Errorf("modification time %v, want the old %v", after.ModTime(), before.ModTime())
			}
			if want := map[bool]int{true: 1}[tt.linked]; d.Unchanged() != want {
				t.Errorf("Unchanged() = %d, want %d", d.Unchanged(), want)
			}
		})
	}
}

// writeOld returns a set-up that writes data, dated an hour ago so a file
// written anew could not have the same time.
func writeOld(data string) func(t *testing.T, path string) {
	return func(t *testing.T, path string) {
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		hourAgo := time.Now().Add(-time.Hour)
		if err := os.Chtimes(path, hourAgo, hourAgo); err != nil {
			t.Fatal(err)
		}
	}
}

// TestDirAbortAfterLinking checks that a failed build that linked files
// leaves the old output whole.
func TestDirAbortAfterLinking(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	if err := os.MkdirAll(target, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(target, "index.html"), []byte("home"), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := NewDir(target)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.WriteFile("index.html", []byte("home")); err != nil {
		t.Fatal(err)
	}
	if d.Unchanged() != 1 {
		t.Fatalf("Unchanged() = %d, want 1", d.Unchanged())
	}
	if err := d.Abort(); err != nil {
		t.Fatal(err)
	}
	if data, err := os.ReadFile(filepath.Join(target, "index.html")); err != nil || string(data) != "home" {
		t.Errorf("index.html = %q, %v after Abort", data, err)
	}
}
