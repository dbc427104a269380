package main

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"golang.org/x/mod/semver"
)

// versionPackage is where the linker stamps the version (generator/version).
const versionPackage = "github.com/handout-health/handout/generator/version"

// Options says what to release.
type Options struct {
	// Version is a semantic version with its v, such as v1.2.0.
	Version string
	// Revision and Time are the commit's hash and time: stamped into the
	// program, and Time given to every archive entry.
	Revision string
	Time     time.Time
	// Source is the module's folder; Out the folder the archives go to.
	Source, Out string
	// Targets are the platforms to build for.
	Targets []Target
	// Log receives a line per archive written.
	Log io.Writer
}

// Target is a platform, in Go's names.
type Target struct{ OS, Arch string }

// Targets are the platforms of a release: linux, macOS and Windows, on
// amd64 and arm64.
var Targets = []Target{
	{"linux", "amd64"}, {"linux", "arm64"},
	{"darwin", "amd64"}, {"darwin", "arm64"},
	{"windows", "amd64"}, {"windows", "arm64"},
}

// docs go into every archive beside the program, from the module's folder.
var docs = []string{"README.md", "LICENSE", "NOTICE"}

// Release builds and packs every target, writes the checksum file, and
// returns the paths of the archives and, last, of the checksum file.
func Release(ctx context.Context, opts Options) ([]string, error) {
	if err := opts.check(); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(opts.Out, 0o755); err != nil {
		return nil, err
	}
	scratch, err := os.MkdirTemp("", "handout-release-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(scratch)

	var written []string
	sums := map[string]string{}
	for _, t := range opts.Targets {
		name, err := opts.releaseTarget(ctx, t, scratch)
		if err != nil {
			return nil, fmt.Errorf("%s/%s: %w", t.OS, t.Arch, err)
		}
		path := filepath.Join(opts.Out, name)
		if sums[name], err = fileSHA256(path); err != nil {
			return nil, err
		}
		written = append(written, path)
		if opts.Log != nil {
			fmt.Fprintf(opts.Log, "%s  %s\n", sums[name], path)
		}
	}
	checksums := filepath.Join(opts.Out, "handout_"+opts.Version+"_checksums.txt")
	if err := os.WriteFile(checksums, checksumFile(sums), 0o644); err != nil {
		return nil, err
	}
	return append(written, checksums), nil
}

// check refuses options that would make a misleading or broken release.
func (o *Options) check() error {
	switch {
	case !semver.IsValid(o.Version) || semver.Build(o.Version) != "":
		return fmt.Errorf("-version %q is not a release version such as v1.2.0 or v1.2.0-rc.1", o.Version)
	case len(o.Revision) < 7 || strings.Trim(o.Revision, "0123456789abcdef") != "":
		return fmt.Errorf("-revision %q is not a commit hash", o.Revision)
	case o.Time.IsZero():
		return errors.New("no commit time")
	case len(o.Targets) == 0:
		return errors.New("no target")
	}
	for _, name := range docs {
		if _, err := os.Stat(filepath.Join(o.Source, name)); err != nil {
			return fmt.Errorf("every archive holds %s: %w", name, err)
		}
	}
	return nil
}

// releaseTarget builds the program for t in scratch and packs it with the
// docs into an archive in o.Out, whose name it returns.
func (o *Options) releaseTarget(ctx context.Context, t Target, scratch string) (string, error) {
	program := "handout"
	if t.OS == "windows" {
		program += ".exe"
	}
	binary := filepath.Join(scratch, t.OS+"_"+t.Arch, program)
	if err := o.build(ctx, t, binary); err != nil {
		return "", err
	}
	folder := fmt.Sprintf("handout_%s_%s_%s", o.Version, t.OS, t.Arch)
	entries := []entry{{name: program, path: binary, mode: 0o755}}
	for _, name := range docs {
		entries = append(entries, entry{name: name, path: filepath.Join(o.Source, name), mode: 0o644})
	}
	name, write := folder+".tar.gz", writeTarGz
	if t.OS == "windows" {
		name, write = folder+".zip", writeZip
	}
	f, err := os.Create(filepath.Join(o.Out, name))
	if err != nil {
		return "", err
	}
	err = write(f, folder, o.Time, entries)
	if closeErr := f.Close(); err == nil {
		err = closeErr
	}
	return name, err
}

// build compiles cmd/handout for t into binary (see the package doc for
// the flags).
func (o *Options) build(ctx context.Context, t Target, binary string) error {
	ldflags := strings.Join([]string{
		"-s", "-w",
		"-X", versionPackage + ".version=" + o.Version,
		"-X", versionPackage + ".revision=" + o.Revision,
		"-X", versionPackage + ".revisionTime=" + o.Time.UTC().Format(time.RFC3339),
	}, " ")
	cmd := exec.CommandContext(ctx, "go", "build", "-trimpath", "-buildvcs=false", "-ldflags", ldflags, "-o", binary, "./cmd/handout")
	cmd.Dir = o.Source
	cmd.Env = append(buildEnv(os.Environ()), "CGO_ENABLED=0", "GOOS="+t.OS, "GOARCH="+t.Arch)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build: %v\n%s", err, out)
	}
	return nil
}

// buildEnv is the environment without the variables that would change
// the program's bytes behind the release's back.
func buildEnv(env []string) []string {
	return slices.DeleteFunc(slices.Clone(env), func(kv string) bool {
		name, _, _ := strings.Cut(kv, "=")
		switch name {
		case "GOFLAGS", "GOAMD64", "GOARM64", "GOEXPERIMENT", "CGO_ENABLED", "GOOS", "GOARCH":
			return true
		}
		return false
	})
}

func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// checksumFile writes sums (archive name to hex digest) as sha256sum does,
// "digest  name" a line, sorted by name.
func checksumFile(sums map[string]string) []byte {
	names := make([]string, 0, len(sums))
	for name := range sums {
		names = append(names, name)
	}
	slices.SortFunc(names, cmp.Compare)
	var b strings.Builder
	for _, name := range names {
		fmt.Fprintf(&b, "%s  %s\n", sums[name], name)
	}
	return []byte(b.String())
}
