package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// commitTime is the date of the commit TestVersionOfAFreshClone makes.
const commitTime = "2026-05-01T09:30:00Z"

// TestVersionOfAFreshClone is issue 22's "Done when": in a git checkout,
// `go install ./cmd/handout` then `handout version` prints the revision
// and its date, and says so when the tree has uncommitted changes. The
// checkout is one the test makes (a commit of this module's sources), so
// the revision is known, and Go's default -buildvcs=auto is set again
// since this machine's GOFLAGS turns VCS stamping off.
func TestVersionOfAFreshClone(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatal("this test needs git, as a clone does")
	}
	src := filepath.Join(t.TempDir(), "handout")
	copyModuleSources(t, repoRoot(t), src)
	git(t, src, "init", "-q")
	git(t, src, "add", "-A")
	git(t, src, "-c", "user.name=Test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "a release")
	revision := strings.TrimSpace(git(t, src, "rev-parse", "HEAD"))

	want := "handout v0.0.0-20260501093000-" + revision[:12] + " (revision " + revision + ", " + commitTime + ")\n"
	if got := installAndAskVersion(t, src); got != want {
		t.Errorf("handout version in a clean clone printed\n%q, want\n%q", got, want)
	}

	// An edit not committed yet.
	f := filepath.Join(src, "cmd", "handout", "main.go")
	data := readFile(t, f)
	if err := os.WriteFile(f, []byte(data+"\n// an edit\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	want = "handout v0.0.0-20260501093000-" + revision[:12] + "+dirty (revision " + revision + ", " + commitTime + ", with uncommitted changes)\n"
	if got := installAndAskVersion(t, src); got != want {
		t.Errorf("handout version with an uncommitted edit printed\n%q, want\n%q", got, want)
	}
}

// installAndAskVersion runs `go install ./cmd/handout` in src and returns
// what the installed binary's `version` prints.
func installAndAskVersion(t *testing.T, src string) string {
	t.Helper()
	bin := t.TempDir()
	install := exec.Command("go", "install", "./cmd/handout")
	install.Dir = src
	install.Env = append(os.Environ(), "GOBIN="+bin, "GOFLAGS=-buildvcs=auto")
	if out, err := install.CombinedOutput(); err != nil {
		t.Fatalf("go install ./cmd/handout: %v\n%s", err, out)
	}
	out, err := exec.Command(filepath.Join(bin, "handout"), "version").CombinedOutput()
	if err != nil {
		t.Fatalf("handout version: %v\n%s", err, out)
	}
	return string(out)
}

// copyModuleSources copies what `go install ./cmd/handout` reads (go.mod,
// go.sum and the packages' files, tests and test data left out) from the
// repository, as git lists them, so that build output and ignored files
// stay behind.
func copyModuleSources(t *testing.T, from, to string) {
	t.Helper()
	list := git(t, from, "ls-files", "--cached", "--others", "--exclude-standard", "--", "go.mod", "go.sum", "cmd", "generator", "templates")
	for _, name := range strings.Split(strings.TrimSpace(list), "\n") {
		if strings.HasSuffix(name, "_test.go") || strings.Contains(name, "/testdata/") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(from, name))
		if os.IsNotExist(err) {
			continue // deleted in the working tree, not yet in git
		}
		if err != nil {
			t.Fatal(err)
		}
		dest := filepath.Join(to, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(dest), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dest, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// git runs git in dir with the commit's dates fixed and returns its output.
func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_DATE="+commitTime, "GIT_COMMITTER_DATE="+commitTime, "GIT_CONFIG_NOSYSTEM=1", "HOME="+dir)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}
