package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

const (
	testVersion  = "v1.2.3-rc.1"
	testRevision = "3f2a1b9c0d4e5f60718293a4b5c6d7e8f9a0b1c2"
)

var testTime = time.Date(2026, 5, 1, 9, 30, 0, 0, time.UTC)

// TestReleaseForThisMachine runs the release for the platform the test
// runs on, twice: the archive holds the program and the docs with fixed
// dates and modes, the checksum file is right, the program reports the
// version it was given, and the two runs give the same bytes.
func TestReleaseForThisMachine(t *testing.T) {
	target := Target{OS: runtime.GOOS, Arch: runtime.GOARCH}
	first := release(t, target)
	second := release(t, target)
	if len(first) != 2 {
		t.Fatalf("Release wrote %q, want an archive and the checksum file", first)
	}
	for i := range first {
		a, b := readAll(t, first[i]), readAll(t, second[i])
		if !bytes.Equal(a, b) {
			t.Errorf("two runs wrote different %s", filepath.Base(first[i]))
		}
	}

	archive, checksums := first[0], first[1]
	folder := fmt.Sprintf("handout_%s_%s_%s", testVersion, target.OS, target.Arch)
	program := "handout"
	if target.OS == "windows" {
		program += ".exe"
	}
	if got, want := filepath.Base(checksums), "handout_"+testVersion+"_checksums.txt"; got != want {
		t.Errorf("checksum file %s, want %s", got, want)
	}
	sum := sha256.Sum256(readAll(t, archive))
	if got, want := string(readAll(t, checksums)), hex.EncodeToString(sum[:])+"  "+filepath.Base(archive)+"\n"; got != want {
		t.Errorf("checksum file = %q, want %q", got, want)
	}

	files := readArchive(t, archive)
	wantNames := []string{folder + "/", folder + "/" + program, folder + "/README.md", folder + "/LICENSE", folder + "/NOTICE"}
	if names := archiveNames(files); !slices.Equal(names, wantNames) {
		t.Fatalf("archive holds %q, want %q", names, wantNames)
	}
	for _, f := range files {
		if !f.modTime.Equal(testTime) {
			t.Errorf("%s dated %v, want the commit's time %v", f.name, f.modTime, testTime)
		}
	}
	for _, doc := range docs {
		f := files[slices.IndexFunc(files, func(f archived) bool { return f.name == folder+"/"+doc })]
		if !bytes.Equal(f.data, readAll(t, filepath.Join("..", "..", doc))) || f.mode != 0o644 {
			t.Errorf("%s in the archive differs from the repository's, or has mode %v", doc, f.mode)
		}
	}
	bin := files[1]
	if bin.mode != 0o755 {
		t.Errorf("%s has mode %v, want 0755", bin.name, bin.mode)
	}
	path := filepath.Join(t.TempDir(), program)
	if err := os.WriteFile(path, bin.data, 0o755); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(path, "version").CombinedOutput()
	if err != nil {
		t.Fatalf("handout version: %v\n%s", err, out)
	}
	if want := "handout " + testVersion + " (revision " + testRevision + ", 2026-05-01T09:30:00Z)\n"; string(out) != want {
		t.Errorf("the released program says %q, want %q", out, want)
	}
}

// release runs Release for one target into a new folder.
func release(t *testing.T, target Target) []string {
	t.Helper()
	paths, err := Release(context.Background(), Options{
		Version: testVersion, Revision: testRevision, Time: testTime,
		Source: filepath.Join("..", ".."), Out: t.TempDir(), Targets: []Target{target},
	})
	if err != nil {
		t.Fatal(err)
	}
	return paths
}

// TestArchiveFormats packs the same files as tar.gz and zip: both hold
// them under the folder with their modes and the given time, and packing
// again gives the same bytes.
func TestArchiveFormats(t *testing.T) {
	dir := t.TempDir()
	entries := []entry{{name: "handout", mode: 0o755}, {name: "README.md", mode: 0o644}}
	for i := range entries {
		entries[i].path = filepath.Join(dir, entries[i].name)
		if err := os.WriteFile(entries[i].path, []byte("the bytes of "+entries[i].name), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	local := testTime.In(time.FixedZone("clinic", 5*3600+1800)).Add(400 * time.Millisecond)
	for _, format := range []struct {
		ext   string
		write func(io.Writer, string, time.Time, []entry) error
	}{{".tar.gz", writeTarGz}, {".zip", writeZip}} {
		t.Run(format.ext, func(t *testing.T) {
			var runs [2][]byte
			for i := range runs {
				var b bytes.Buffer
				if err := format.write(&b, "pack", local, entries); err != nil {
					t.Fatal(err)
				}
				runs[i] = b.Bytes()
			}
			if !bytes.Equal(runs[0], runs[1]) {
				t.Error("two packings differ")
			}
			path := filepath.Join(t.TempDir(), "pack"+format.ext)
			if err := os.WriteFile(path, runs[0], 0o644); err != nil {
				t.Fatal(err)
			}
			want := []archived{
				{name: "pack/", mode: os.ModeDir | 0o755, modTime: testTime},
				{name: "pack/handout", mode: 0o755, modTime: testTime, data: []byte("the bytes of handout")},
				{name: "pack/README.md", mode: 0o644, modTime: testTime, data: []byte("the bytes of README.md")},
			}
			got := readArchive(t, path)
			if len(got) != len(want) {
				t.Fatalf("archive holds %q", archiveNames(got))
			}
			for i := range want {
				g, w := got[i], want[i]
				if g.name != w.name || g.mode != w.mode || !g.modTime.Equal(w.modTime) || !bytes.Equal(g.data, w.data) {
					t.Errorf("entry %d = %s %v %v %q, want %s %v %v %q", i, g.name, g.mode, g.modTime, g.data, w.name, w.mode, w.modTime, w.data)
				}
			}
		})
	}
}

// TestOptionsRefused: a release needs a release version, a commit hash, a
// time, a target and the docs it packs.
func TestOptionsRefused(t *testing.T) {
	good := Options{Version: "v1.2.0", Revision: testRevision, Time: testTime, Source: filepath.Join("..", ".."), Targets: Targets}
	for _, tc := range []struct {
		name   string
		change func(*Options)
		want   string
	}{
		{"no version", func(o *Options) { o.Version = "" }, "not a release version"},
		{"no v", func(o *Options) { o.Version = "1.2.0" }, "not a release version"},
		{"a tag that is not a version", func(o *Options) { o.Version = "latest" }, "not a release version"},
		{"build metadata", func(o *Options) { o.Version = "v1.2.0+abc" }, "not a release version"},
		{"a path in the version", func(o *Options) { o.Version = "v1.2.0/../../x" }, "not a release version"},
		{"no revision", func(o *Options) { o.Revision = "" }, "not a commit hash"},
		{"a branch for a revision", func(o *Options) { o.Revision = "main" }, "not a commit hash"},
		{"no time", func(o *Options) { o.Time = time.Time{} }, "no commit time"},
		{"no target", func(o *Options) { o.Targets = nil }, "no target"},
		{"no docs", func(o *Options) { o.Source = t.TempDir() }, "every archive holds README.md"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := good
			tc.change(&o)
			if err := o.check(); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("check() = %v, want an error saying %q", err, tc.want)
			}
		})
	}
	if err := good.check(); err != nil {
		t.Errorf("the good options are refused: %v", err)
	}
}

func TestParseTargets(t *testing.T) {
	o := Options{Targets: Targets}
	if err := o.parseTargets(""); err != nil || len(o.Targets) != 6 {
		t.Errorf("no -targets gives %v, %v; want all six", o.Targets, err)
	}
	if err := o.parseTargets("linux/arm64, windows/amd64"); err != nil || !slices.Equal(o.Targets, []Target{{"linux", "arm64"}, {"windows", "amd64"}}) {
		t.Errorf("parseTargets = %v, %v", o.Targets, err)
	}
	for _, bad := range []string{"linux", "linux/", "/amd64", "linux/amd64,"} {
		if err := o.parseTargets(bad); err == nil {
			t.Errorf("parseTargets(%q) accepted", bad)
		}
	}
}

// archived is one entry read back from an archive.
type archived struct {
	name    string
	mode    os.FileMode
	modTime time.Time
	data    []byte
}

func archiveNames(files []archived) []string {
	var names []string
	for _, f := range files {
		names = append(names, f.name)
	}
	return names
}

// readArchive reads a .tar.gz or .zip in order.
func readArchive(t *testing.T, path string) []archived {
	t.Helper()
	var files []archived
	if strings.HasSuffix(path, ".zip") {
		zr, err := zip.OpenReader(path)
		if err != nil {
			t.Fatal(err)
		}
		defer zr.Close()
		for _, f := range zr.File {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			data, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, archived{name: f.Name, mode: f.Mode(), modTime: f.Modified, data: data})
		}
		return files
	}
	gz, err := gzip.NewReader(bytes.NewReader(readAll(t, path)))
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(gz)
	for {
		hdr, err := tr.Next()
		if err == io.EOF {
			return files
		}
		if err != nil {
			t.Fatal(err)
		}
		if hdr.Uid != 0 || hdr.Gid != 0 || hdr.Uname != "" || hdr.Gname != "" {
			t.Errorf("%s is owned by %d:%d (%s:%s), want 0:0 and no names", hdr.Name, hdr.Uid, hdr.Gid, hdr.Uname, hdr.Gname)
		}
		data, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, archived{name: hdr.Name, mode: hdr.FileInfo().Mode() & (os.ModeDir | os.ModePerm), modTime: hdr.ModTime, data: data})
	}
}

func readAll(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
