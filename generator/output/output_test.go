package output

import (
	"os"
	"path/filepath"
	"testing"
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
