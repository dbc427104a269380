package cachedir

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWrite writes into a cache folder that does not exist yet: the file
// is there whole and readable by all, in its subfolder; the folder is
// marked for git and backup tools, and a mark edited by hand is left as
// it is; no temporary file is left behind, and a file that cannot be
// written leaves none either.
func TestWrite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), ".handout-cache")
	if err := Write(dir, "images/a-480.webp", []byte("RIFF")); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "images", "a-480.webp")
	if data, err := os.ReadFile(path); err != nil || string(data) != "RIFF" {
		t.Fatalf("read back %q, %v", data, err)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o644 {
		t.Errorf("the file's mode is %v, want -rw-r--r--", info.Mode().Perm())
	}
	tag, err := os.ReadFile(filepath.Join(dir, "CACHEDIR.TAG"))
	if err != nil || !strings.HasPrefix(string(tag), "Signature: 8a477f597d28d172789f06886806bc55") {
		t.Errorf("CACHEDIR.TAG = %q, %v", tag, err)
	}
	ignore := filepath.Join(dir, ".gitignore")
	if err := os.WriteFile(ignore, []byte("# mine\n*\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(dir, "qr-codes", []byte("codes")); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(ignore); string(data) != "# mine\n*\n" {
		t.Errorf("a second write replaced the .gitignore: %q", data)
	}
	// A folder where the file should be: the rename fails.
	if err := os.MkdirAll(filepath.Join(dir, "pdf", "k.pdf", "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := Write(dir, "pdf/k.pdf", []byte("%PDF-")); err == nil {
		t.Error("writing over a folder did not fail")
	}
	for _, sub := range []string{".", "images", "pdf"} {
		entries, _ := os.ReadDir(filepath.Join(dir, sub))
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ".tmp-") {
				t.Errorf("%s/%s was left behind", sub, e.Name())
			}
		}
	}
}
