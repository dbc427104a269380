// Package version tells which build of handout is running, for `handout
// version`, bug reports and the generator meta tag of every page.
//
// It reads two sources, field by field, the first that is set winning:
//
//  1. What a release build stamps with the linker (scripts/release does):
//
//     go build -trimpath -buildvcs=false -ldflags "
//     -X github.com/handout-health/handout/generator/version.version=v1.2.0
//     -X github.com/handout-health/handout/generator/version.revision=3f2a…
//     -X github.com/handout-health/handout/generator/version.revisionTime=2026-05-01T09:30:00Z"
//
//  2. The build information the Go toolchain embeds
//     (runtime/debug.ReadBuildInfo): the main module's version and the
//     vcs.revision, vcs.time and vcs.modified settings.
//
// What each way of building reports:
//
//   - `go install github.com/handout-health/handout/cmd/handout@v1.2.0`:
//     v1.2.0 (a module download holds no VCS data, so no revision).
//   - `go install ./cmd/handout` or `go build` in a git clone: the version
//     Go derives from the commit (v0.0.0-20260501093000-3f2a1b9c0d4e, or a
//     tag; "+dirty" with uncommitted changes), the revision, its time and
//     whether the tree was modified.
//   - a release archive: what scripts/release stamped.
//   - `go run`, `go test` and builds with -buildvcs=false: "dev", the only
//     case with neither a version nor a revision.
package version

import (
	"runtime/debug"
	"strings"
)

// Stamped by release builds with -ldflags "-X" (see the package doc).
var (
	version      string
	revision     string
	revisionTime string
)

// develVersion is what the Go toolchain reports as the main module's
// version when it knows none.
const develVersion = "(devel)"

// Info describes one build of handout.
type Info struct {
	// Version is the module version, such as "v1.2.0"; "" when unknown.
	Version string
	// Revision is the full VCS commit hash; "" when unknown.
	Revision string
	// Time is the commit's time in RFC 3339, as git gives it to Go.
	Time string
	// Modified says the working tree had uncommitted changes.
	Modified bool
}

// Current describes the running binary.
func Current() Info {
	info, _ := debug.ReadBuildInfo()
	return FromBuild(info, Info{Version: version, Revision: revision, Time: revisionTime})
}

// FromBuild merges what release builds stamp (stamped; its Modified is
// ignored: a release is built from a clean tag) with the toolchain's build
// information, which may be nil. Stamped fields win.
func FromBuild(info *debug.BuildInfo, stamped Info) Info {
	var built Info
	if info != nil {
		if v := info.Main.Version; v != develVersion {
			built.Version = v
		}
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				built.Revision = s.Value
			case "vcs.time":
				built.Time = s.Value
			case "vcs.modified":
				built.Modified = s.Value == "true"
			}
		}
	}
	return Info{
		Version:  first(stamped.Version, built.Version),
		Revision: first(stamped.Revision, built.Revision),
		Time:     first(stamped.Time, built.Time),
		Modified: stamped.Revision == "" && built.Modified,
	}
}

func first(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// String is the line `handout version` prints after "handout ", such as
// "v1.2.0 (revision 3f2a…, 2026-05-01T09:30:00Z)", or "dev" when the build
// knows neither its version nor its revision.
func (i Info) String() string {
	var details []string
	if i.Revision != "" {
		details = append(details, "revision "+i.Revision)
	}
	if i.Time != "" {
		details = append(details, i.Time)
	}
	if i.Modified {
		details = append(details, "with uncommitted changes")
	}
	switch {
	case i.Version == "" && len(details) == 0:
		return "dev"
	case i.Version == "":
		return strings.Join(details, ", ")
	case len(details) == 0:
		return i.Version
	}
	return i.Version + " (" + strings.Join(details, ", ") + ")"
}

// Short names the build in a word, for the generator meta tag of every
// page: the version, else the revision's first 12 characters (as Go's
// pseudo-versions write it), else "dev".
func (i Info) Short() string {
	switch {
	case i.Version != "":
		return i.Version
	case len(i.Revision) > 12:
		return i.Revision[:12]
	case i.Revision != "":
		return i.Revision
	}
	return "dev"
}
