package version

import (
	"runtime/debug"
	"testing"
)

const (
	rev     = "3f2a1b9c0d4e5f60718293a4b5c6d7e8f9a0b1c2"
	revTime = "2026-05-01T09:30:00Z"
)

func buildInfo(mainVersion string, settings ...string) *debug.BuildInfo {
	info := &debug.BuildInfo{Main: debug.Module{Path: "github.com/handout-health/handout", Version: mainVersion}}
	for i := 0; i+1 < len(settings); i += 2 {
		info.Settings = append(info.Settings, debug.BuildSetting{Key: settings[i], Value: settings[i+1]})
	}
	return info
}

func TestFromBuild(t *testing.T) {
	for _, tc := range []struct {
		name    string
		info    *debug.BuildInfo
		stamped Info
		want    Info
		str     string
		short   string
	}{
		{
			name:  "go run and go test: nothing known",
			info:  buildInfo(develVersion),
			want:  Info{},
			str:   "dev",
			short: "dev",
		},
		{
			name:  "no build information at all",
			want:  Info{},
			str:   "dev",
			short: "dev",
		},
		{
			name:  "go install from the module proxy: a version, no VCS data",
			info:  buildInfo("v1.2.0"),
			want:  Info{Version: "v1.2.0"},
			str:   "v1.2.0",
			short: "v1.2.0",
		},
		{
			name:  "go install in a clean clone",
			info:  buildInfo("v0.0.0-20260501093000-3f2a1b9c0d4e", "vcs", "git", "vcs.revision", rev, "vcs.time", revTime, "vcs.modified", "false"),
			want:  Info{Version: "v0.0.0-20260501093000-3f2a1b9c0d4e", Revision: rev, Time: revTime},
			str:   "v0.0.0-20260501093000-3f2a1b9c0d4e (revision " + rev + ", " + revTime + ")",
			short: "v0.0.0-20260501093000-3f2a1b9c0d4e",
		},
		{
			name:  "go build in a clone with uncommitted changes",
			info:  buildInfo("v0.0.0-20260501093000-3f2a1b9c0d4e+dirty", "vcs.revision", rev, "vcs.time", revTime, "vcs.modified", "true"),
			want:  Info{Version: "v0.0.0-20260501093000-3f2a1b9c0d4e+dirty", Revision: rev, Time: revTime, Modified: true},
			str:   "v0.0.0-20260501093000-3f2a1b9c0d4e+dirty (revision " + rev + ", " + revTime + ", with uncommitted changes)",
			short: "v0.0.0-20260501093000-3f2a1b9c0d4e+dirty",
		},
		{
			name:  "a revision but no module version",
			info:  buildInfo(develVersion, "vcs.revision", rev, "vcs.time", revTime),
			want:  Info{Revision: rev, Time: revTime},
			str:   "revision " + rev + ", " + revTime,
			short: "3f2a1b9c0d4e",
		},
		{
			name:    "a release build: the stamp wins over what the toolchain saw",
			info:    buildInfo(develVersion, "vcs.revision", "0000000000000000000000000000000000000000", "vcs.modified", "true"),
			stamped: Info{Version: "v1.2.0", Revision: rev, Time: revTime},
			want:    Info{Version: "v1.2.0", Revision: rev, Time: revTime},
			str:     "v1.2.0 (revision " + rev + ", " + revTime + ")",
			short:   "v1.2.0",
		},
		{
			name:    "a release build stamped with a version only",
			info:    buildInfo(develVersion),
			stamped: Info{Version: "v1.2.0-rc.1"},
			want:    Info{Version: "v1.2.0-rc.1"},
			str:     "v1.2.0-rc.1",
			short:   "v1.2.0-rc.1",
		},
		{
			name:  "a short revision is kept whole",
			info:  buildInfo(develVersion, "vcs.revision", "3f2a1b9"),
			want:  Info{Revision: "3f2a1b9"},
			str:   "revision 3f2a1b9",
			short: "3f2a1b9",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := FromBuild(tc.info, tc.stamped)
			if got != tc.want {
				t.Fatalf("FromBuild = %+v, want %+v", got, tc.want)
			}
			if s := got.String(); s != tc.str {
				t.Errorf("String = %q, want %q", s, tc.str)
			}
			if s := got.Short(); s != tc.short {
				t.Errorf("Short = %q, want %q", s, tc.short)
			}
		})
	}
}
