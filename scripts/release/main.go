// Command release cross-compiles handout and packs one archive per
// platform, with a SHA-256 checksum file, for a GitHub release. The release
// workflow (.github/workflows/release.yml) runs it on every v* tag:
//
//	go run ./scripts/release -version v1.2.0 [-o dist] [-targets linux/amd64,windows/arm64]
//	                         [-revision SHA] [-time 2026-05-01T09:30:00Z]
//
// It writes, for linux, darwin and windows on amd64 and arm64,
//
//	dist/handout_v1.2.0_linux_amd64.tar.gz    (.zip for windows)
//	dist/handout_v1.2.0_checksums.txt         the format `sha256sum -c` reads
//
// each archive holding one folder, handout_v1.2.0_linux_amd64/, with the
// program (handout, or handout.exe), README.md, LICENSE and NOTICE.
//
// The archives are reproducible: the same commit and Go version give the
// same bytes on any machine, so anyone can rebuild a release and compare
// checksums. The program is built with CGO_ENABLED=0 (a static binary that
// runs on any Linux, including distroless and Alpine images), -trimpath (no
// path of the building machine), -buildvcs=false and the version, revision
// and commit time stamped with -ldflags -X instead (generator/version: what
// `handout version` prints), -s -w (no symbol table or DWARF: a third
// smaller); GOFLAGS, GOAMD64 and GOARM64 from the environment are ignored.
// Every archive entry has the commit's time, owner 0:0 and mode 0755 (the
// program) or 0644, in a fixed order. -revision and -time default to the
// HEAD commit of the git checkout the tool runs in.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("release", flag.ContinueOnError)
	fs.SetOutput(stderr)
	version := fs.String("version", "", "the release `version`, such as v1.2.0 (required)")
	out := fs.String("o", "dist", "the output `folder`")
	targets := fs.String("targets", "", "comma-separated `os/arch` pairs (default: all six)")
	revision := fs.String("revision", "", "the commit `hash` to stamp (default: git's HEAD)")
	commitTime := fs.String("time", "", "the commit `time` in RFC 3339, stamped and given to every archive entry (default: HEAD's)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	opts := Options{Version: *version, Revision: *revision, Source: ".", Out: *out, Targets: Targets, Log: stdout}
	if err := opts.parseTargets(*targets); err != nil {
		fmt.Fprintf(stderr, "release: %v\n", err)
		return 2
	}
	if err := opts.fillFromGit(*commitTime); err != nil {
		fmt.Fprintf(stderr, "release: %v\n", err)
		return 2
	}
	if _, err := Release(context.Background(), opts); err != nil {
		fmt.Fprintf(stderr, "release: %v\n", err)
		return 1
	}
	return 0
}

// parseTargets replaces o.Targets with a list such as
// "linux/amd64,windows/arm64"; "" keeps them.
func (o *Options) parseTargets(list string) error {
	if list == "" {
		return nil
	}
	o.Targets = nil
	for _, pair := range strings.Split(list, ",") {
		goos, goarch, ok := strings.Cut(strings.TrimSpace(pair), "/")
		if !ok || goos == "" || goarch == "" {
			return fmt.Errorf("-targets: %q is not os/arch, such as linux/amd64", pair)
		}
		o.Targets = append(o.Targets, Target{OS: goos, Arch: goarch})
	}
	return nil
}

// fillFromGit sets the revision and time not given from the HEAD commit.
func (o *Options) fillFromGit(commitTime string) error {
	if o.Revision == "" {
		rev, err := gitHead(o.Source, "%H")
		if err != nil {
			return fmt.Errorf("cannot tell the revision (give -revision): %w", err)
		}
		o.Revision = rev
	}
	if commitTime == "" {
		t, err := gitHead(o.Source, "%cI")
		if err != nil {
			return fmt.Errorf("cannot tell the commit time (give -time): %w", err)
		}
		commitTime = t
	}
	t, err := time.Parse(time.RFC3339, commitTime)
	if err != nil {
		return fmt.Errorf("-time %q is not an RFC 3339 time such as 2026-05-01T09:30:00Z", commitTime)
	}
	o.Time = t
	return nil
}

// gitHead asks git for a field of the HEAD commit, in git log's format.
func gitHead(dir, format string) (string, error) {
	cmd := exec.Command("git", "show", "-s", "--format="+format, "HEAD")
	cmd.Dir = dir
	out, err := cmd.Output()
	var exitErr *exec.ExitError
	if errors.As(err, &exitErr) {
		return "", fmt.Errorf("git: %s", strings.TrimSpace(string(exitErr.Stderr)))
	}
	return strings.TrimSpace(string(out)), err
}
