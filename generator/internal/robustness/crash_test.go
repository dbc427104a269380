package robustness

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/handout-health/handout/generator/internal/corpusgen"
)

// snapshot returns the hash of every file under dir, by slash path.
func snapshot(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	out := map[string][32]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = sha256.Sum256(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sameFiles(a, b map[string][32]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// tempFiles counts the build folders beside public/, except those in skip,
// and the files in them written since the given time (a build's staging
// folder starts with the files of an earlier output, which it brings up
// to date).
func tempFiles(parent string, skip map[string]bool, since time.Time) (folders, files int) {
	matches, _ := filepath.Glob(filepath.Join(parent, ".public.tmp-*"))
	for _, m := range matches {
		if skip[m] {
			continue
		}
		folders++
		_ = filepath.WalkDir(m, func(_ string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			if info, err := d.Info(); err == nil && !info.ModTime().Before(since) {
				files++
			}
			return nil
		})
	}
	return folders, files
}

func runBuild(t *testing.T, bin string, args ...string) time.Duration {
	t.Helper()
	start := time.Now()
	out, err := exec.Command(bin, append([]string{"build"}, args...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("handout build %v: %v\n%s", args, err, out)
	}
	return time.Since(start)
}

// TestKilledBuildLeavesPublicWhole runs `handout build` on a generated
// library and kills it (SIGKILL) at several moments: as soon as it starts
// writing, a quarter and three quarters of the way through writing, after
// a random number of files, and at a random time. After every kill public/ is exactly the previous build
// (or, if the kill came after the swap, exactly the new one); the next
// build removes what the killed ones left and puts the new site in place.
func TestKilledBuildLeavesPublicWhole(t *testing.T) {
	bin := handoutBinary(t)
	dir := t.TempDir()
	for _, f := range corpusgen.Generate(corpusgen.Options{Articles: 150, Terms: 60, Seed: 10}) {
		writeTree(t, dir, map[string]string{f.Path: string(f.Data)})
	}
	public := filepath.Join(dir, "public")
	runBuild(t, bin, "-s", dir)
	before := snapshot(t, public)
	// A new title changes every page, so a mixed public/ cannot pass.
	site, _ := os.ReadFile(filepath.Join(dir, "site.yaml"))
	writeTree(t, dir, map[string]string{"site.yaml": strings.Replace(string(site), "Generated library", "Renamed library", 1)})
	expected := filepath.Join(t.TempDir(), "expected")
	took := runBuild(t, bin, "-s", dir, "-d", expected)
	after := snapshot(t, expected)
	if sameFiles(before, after) {
		t.Fatal("the change did not change the output")
	}
	// The files a build writes: those whose bytes change (the others are
	// linked from the previous output, and keep their time).
	total := 0
	for name, sum := range after {
		if before[name] != sum {
			total++
		}
	}

	type moment struct {
		name string
		// ready reports, from the files written so far, when to kill.
		ready func(files int, elapsed time.Duration) bool
	}
	// A new seed each run covers more moments over time; it is logged so
	// that a failure can be replayed.
	seed := uint64(time.Now().UnixNano())
	t.Logf("moments seeded with %d", seed)
	rng := rand.New(rand.NewPCG(seed, 2))
	moments := []moment{
		{"first write", func(files int, _ time.Duration) bool { return files >= 1 }},
		{"a quarter written", func(files int, _ time.Duration) bool { return files >= total/4 }},
		{"three quarters written", func(files int, _ time.Duration) bool { return files >= 3*total/4 }},
	}
	for range 3 {
		n := 1 + rng.IntN(total-1)
		moments = append(moments, moment{fmt.Sprintf("%d of %d files written", n, total), func(files int, _ time.Duration) bool { return files >= n }})
	}
	// And once at a random time in the first half of a build: while it
	// reads and converts, or as it starts writing.
	at := time.Duration(rng.Int64N(int64(took / 2)))
	moments = append(moments, moment{"at " + at.Round(time.Millisecond).String(), func(_ int, elapsed time.Duration) bool { return elapsed >= at }})
	midWrite := 0
	for _, m := range moments {
		// What earlier kills left is not this build's progress.
		left, _ := filepath.Glob(filepath.Join(dir, ".public.tmp-*"))
		skip := map[string]bool{}
		for _, l := range left {
			skip[l] = true
		}
		cmd := exec.Command(bin, "build", "-s", dir)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		start := time.Now()
		killed := false
	wait:
		for {
			select {
			case <-exited:
				break wait
			case <-time.After(2 * time.Millisecond):
			}
			if _, files := tempFiles(dir, skip, start); m.ready(files, time.Since(start)) {
				killed = cmd.Process.Signal(syscall.SIGKILL) == nil
				if killed && files > 0 {
					midWrite++
				}
				<-exited
				break
			}
		}
		now := snapshot(t, public)
		switch {
		case sameFiles(now, before):
		case sameFiles(now, after):
			before = after // the build had swapped public/ in already
		default:
			t.Fatalf("killed at %s (killed: %v): public/ is neither the previous build nor the new one", m.name, killed)
		}
		folders, files := tempFiles(dir, nil, start)
		t.Logf("killed at %s: %v; left %d build folders with %d files", m.name, killed, folders, files)
	}
	if midWrite < 2 {
		t.Errorf("only %d kills came while files were being written; the test did not test", midWrite)
	}
	runBuild(t, bin, "-s", dir)
	if !sameFiles(snapshot(t, public), after) {
		t.Error("the build after the kills did not write the new site")
	}
	if folders, _ := tempFiles(dir, nil, time.Time{}); folders != 0 {
		t.Errorf("%d build folders of killed builds are still there", folders)
	}
}
