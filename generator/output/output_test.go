package output

import (
	"bytes"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// rebuild makes an output holding one file and starts a build to replace
// it.
func rebuild(t *testing.T, name, data string) (target string, d *Dir) {
	t.Helper()
	target = filepath.Join(t.TempDir(), "public")
	if err := os.MkdirAll(target, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(target, name), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := NewDir(target)
	if err != nil {
		t.Fatal(err)
	}
	return target, d
}

func TestDirCommitReplacesOutput(t *testing.T) {
	target, d := rebuild(t, "old.html", "old")
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
	// The old output waits beside the new one for the next build, hidden
	// from git.
	if data, _ := os.ReadFile(filepath.Join(keptName(target), "old.html")); string(data) != "old" {
		t.Errorf("the old output was not kept: old.html = %q", data)
	}
	if data, _ := os.ReadFile(filepath.Join(keptName(target), ".gitignore")); !strings.HasSuffix(string(data), "\n*\n") {
		t.Errorf("the kept output's .gitignore = %q, want one that ignores everything", data)
	}
	checkParent(t, target, ".public.previous", "public")
}

// checkParent checks the names in target's parent folder.
func checkParent(t *testing.T, target string, want ...string) {
	t.Helper()
	entries, _ := os.ReadDir(filepath.Dir(target))
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != strings.Join(want, " ") {
		t.Errorf("in the parent folder: %v, want %v", names, want)
	}
}

func TestDirAbortKeepsOutput(t *testing.T) {
	target, d := rebuild(t, "index.html", "old")
	_ = d.WriteFile("index.html", []byte("half"))
	if err := d.Abort(); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(filepath.Join(target, "index.html")); string(data) != "old" {
		t.Errorf("index.html = %q after Abort", data)
	}
	// The staging folder is kept for the next build, under one name.
	checkParent(t, target, ".public.previous", "public")
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
	target, d := rebuild(t, "index.html", "home")
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

// build writes files (name to bytes) as one build of target and commits
// it.
func build(t *testing.T, target string, files map[string]string) *Dir {
	t.Helper()
	d, err := NewDir(target)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		if err := d.WriteFile(name, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	return d
}

// TestDirBringsKeptOutputUpToDate builds three times: the third build
// starts from the first one's output, kept by the second, and must end
// with exactly its own files, whatever the kept folder held, while the
// output it replaces stays as it was.
func TestDirBringsKeptOutputUpToDate(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	first := map[string]string{
		"same.html":          "same",
		"edited.html":        "before",
		"gone/index.html":    "gone",
		"to-folder":          "a file, then a folder",
		"to-file/index.html": "a folder, then a file",
		"deep/a/b/c.html":    "deep",
	}
	build(t, target, first)
	stat := func(name string) os.FileInfo {
		t.Helper()
		info, err := os.Lstat(filepath.Join(target, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		return info
	}
	same := stat("same.html")
	if d := build(t, target, first); d.reused || d.Unchanged() != len(first) {
		t.Errorf("second build: reused %v, %d unchanged, want false, %d", d.reused, d.Unchanged(), len(first))
	}
	edited := stat("edited.html")

	third := map[string]string{
		"same.html":            "same",
		"edited.html":          "after",
		"to-folder/index.html": "now in a folder",
		"to-file":              "now a file",
		"new/index.html":       "new",
	}
	d := build(t, target, third)
	if !d.reused {
		t.Fatal("the third build did not reuse the kept output")
	}
	if d.Unchanged() != 1 {
		t.Errorf("Unchanged() = %d, want 1", d.Unchanged())
	}
	var got []string
	_ = filepath.WalkDir(target, func(p string, e os.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			rel, _ := filepath.Rel(target, p)
			data, _ := os.ReadFile(p)
			got = append(got, filepath.ToSlash(rel)+"="+string(data))
			if want := third[filepath.ToSlash(rel)]; want != string(data) {
				t.Errorf("%s = %q, want %q", rel, data, want)
			}
		}
		return err
	})
	if len(got) != len(third) {
		t.Errorf("output holds %v, want the %d files of the third build", got, len(third))
	}
	if _, err := os.Stat(filepath.Join(target, "deep")); !os.IsNotExist(err) {
		t.Error("the folder of a page no longer built is still there")
	}
	if !os.SameFile(same, stat("same.html")) {
		t.Error("an unchanged file was written again")
	}
	// The output replaced (now kept) is untouched: its edited.html was
	// replaced in the staging folder, not written into.
	kept := filepath.Join(keptName(target), "edited.html")
	if data, _ := os.ReadFile(kept); string(data) != "before" {
		t.Errorf("the replaced output's edited.html = %q, want \"before\"", data)
	}
	if info, err := os.Lstat(kept); err != nil || !os.SameFile(info, edited) {
		t.Errorf("the replaced output's edited.html is not the file it was: %v", err)
	}
}

// TestDirReplacesLinksInKeptOutput: a symbolic link in the kept output,
// where the build needs a folder or a file, is replaced, never followed.
func TestDirReplacesLinksInKeptOutput(t *testing.T) {
	parent := t.TempDir()
	target := filepath.Join(parent, "public")
	outside := filepath.Join(parent, "outside")
	if err := os.MkdirAll(outside, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(outside, "page.html"), []byte("outside"), 0o644); err != nil {
		t.Fatal(err)
	}
	keep := keptName(target)
	if err := os.MkdirAll(keep, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(keep, "articles")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := os.Symlink(filepath.Join(outside, "page.html"), filepath.Join(keep, "page.html")); err != nil {
		t.Fatal(err)
	}
	d := build(t, target, map[string]string{"articles/page.html": "inside", "page.html": "inside"})
	if !d.reused {
		t.Fatal("the kept output was not reused")
	}
	if data, _ := os.ReadFile(filepath.Join(outside, "page.html")); string(data) != "outside" {
		t.Errorf("a file outside the output was written: %q", data)
	}
	for _, name := range []string{"articles", "page.html"} {
		if info, err := os.Lstat(filepath.Join(target, name)); err != nil || info.Mode()&os.ModeSymlink != 0 {
			t.Errorf("%s is still a link (%v)", name, err)
		}
	}
}

// TestDirLeavesLinkedTargetAlone: when the target is a link to a folder,
// the build replaces the link and never writes into, keeps or reuses the
// folder it points to.
func TestDirLeavesLinkedTargetAlone(t *testing.T) {
	parent := t.TempDir()
	site := filepath.Join(parent, "www")
	if err := os.MkdirAll(site, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(site, "mine.html"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(parent, "public")
	if err := os.Symlink(site, target); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	for range 3 {
		build(t, target, map[string]string{"index.html": "home"})
	}
	entries, _ := os.ReadDir(site)
	if len(entries) != 1 || entries[0].Name() != "mine.html" {
		t.Errorf("the linked folder now holds %v", entries)
	}
	if data, _ := os.ReadFile(filepath.Join(target, "index.html")); string(data) != "home" {
		t.Errorf("index.html = %q", data)
	}
	if info, err := os.Lstat(keptName(target)); err != nil || !info.IsDir() {
		t.Errorf("no kept output folder after three builds: %v", err)
	}
}

// TestDirRandomBuilds runs seeded random builds over names that change
// between file and folder, with bytes that often repeat, some builds
// aborted half-way: the live output must stay exactly the last committed
// build until the next commit, and then be exactly that build.
func TestDirRandomBuilds(t *testing.T) {
	universe := []string{"index.html", "a", "a/index.html", "a/b", "a/b/c.html", "b/index.html", "b", "c/d/e/f.html", "c/d", "x.css"}
	contents := []string{"", "one", "two", "three"}
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 7))
	target := filepath.Join(t.TempDir(), "public")
	live := map[string]string{}
	for round := range 40 {
		files := map[string]string{}
		for _, name := range rng.Perm(len(universe)) {
			n := universe[name]
			if rng.IntN(2) == 0 || clashes(files, n) {
				continue
			}
			files[n] = contents[rng.IntN(len(contents))]
		}
		d, err := NewDir(target)
		if err != nil {
			t.Fatal(err)
		}
		abort := rng.IntN(4) == 0
		written := 0
		for name, data := range files {
			if abort && written == len(files)/2 {
				break
			}
			if err := d.WriteFile(name, []byte(data)); err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
			written++
		}
		if got := readTree(t, target); !maps.Equal(got, live) {
			t.Fatalf("round %d: the live output changed during a build: %v, want %v", round, got, live)
		}
		if abort {
			if err := d.Abort(); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := d.Commit(); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		live = files
		if got := readTree(t, target); !maps.Equal(got, live) {
			t.Fatalf("round %d: output %v, want %v", round, got, live)
		}
	}
}

// clashes reports whether name cannot join files: it is a folder of one of
// them, or one of them is in it.
func clashes(files map[string]string, name string) bool {
	for f := range files {
		if strings.HasPrefix(f, name+"/") || strings.HasPrefix(name, f+"/") {
			return true
		}
	}
	return false
}

// readTree returns the files under dir (name to bytes); none when dir is
// missing.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err != nil {
			if os.IsNotExist(err) && p == dir {
				return filepath.SkipDir
			}
			return err
		}
		if !e.IsDir() {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(dir, p)
			files[filepath.ToSlash(rel)] = string(data)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestMemoryHoldsTextCompressed: File gives back every file as written;
// text files of some size are held gzip-compressed (Encoded), pictures
// and tiny files as they are.
func TestMemoryHoldsTextCompressed(t *testing.T) {
	page := []byte(strings.Repeat("<p>Sleep helps the body rest.</p>\n", 200))
	picture := []byte("\x89PNG\r\n\x1a\n" + strings.Repeat("\x00", 600))
	m := NewMemory()
	for _, tt := range []struct {
		name    string
		data    []byte
		gzipped bool
	}{
		{"articles/sleep/index.html", page, true},
		{"search/index.json", page, true},
		{"_headers", page, true},
		{"images/bed.png", picture, false},
		{"assets/tiny.css", []byte("body{}"), false},
	} {
		if err := m.WriteFile(tt.name, tt.data); err != nil {
			t.Fatal(err)
		}
		got, ok := m.File(tt.name)
		if !ok || !bytes.Equal(got, tt.data) {
			t.Errorf("%s: File gives %d bytes back, want the %d written", tt.name, len(got), len(tt.data))
		}
		held, gzipped, _ := m.Encoded(tt.name)
		if gzipped != tt.gzipped || gzipped && len(held) >= len(tt.data)/4 {
			t.Errorf("%s: held gzipped %v in %d bytes (written %d), want gzipped %v", tt.name, gzipped, len(held), len(tt.data), tt.gzipped)
		}
	}
}
