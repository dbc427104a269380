package main

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/mod/modfile"
)

// instruction is one Dockerfile instruction, continuation lines joined.
type instruction struct {
	line      int
	cmd, args string
}

// parseDockerfile splits a Dockerfile into instructions: comments and
// blank lines dropped, lines ending in a backslash joined to the next.
func parseDockerfile(text string) []instruction {
	var out []instruction
	var cur strings.Builder
	start := 0
	for i, line := range strings.Split(text, "\n") {
		trimmed := strings.TrimSpace(line)
		if cur.Len() == 0 && (trimmed == "" || strings.HasPrefix(trimmed, "#")) {
			continue
		}
		if cur.Len() == 0 {
			start = i + 1
		}
		if body, more := strings.CutSuffix(trimmed, "\\"); more {
			cur.WriteString(strings.TrimSpace(body) + " ")
			continue
		}
		cur.WriteString(trimmed)
		cmd, args, _ := strings.Cut(cur.String(), " ")
		out = append(out, instruction{line: start, cmd: strings.ToUpper(cmd), args: strings.TrimSpace(args)})
		cur.Reset()
	}
	return out
}

// TestDockerfile holds the Dockerfile to the rules that matter (no
// container engine runs in CI to build it): every base image pinned, the
// build on go.mod's Go version, a static binary stamped like a release,
// a run stage on distroless as a user that is not root, with handout as
// the entrypoint and /site as the folder, and nothing fetched by ADD.
func TestDockerfile(t *testing.T) {
	steps := parseDockerfile(string(readAll(t, "../../Dockerfile")))
	mod, err := modfile.Parse("go.mod", readAll(t, "../../go.mod"), nil)
	if err != nil {
		t.Fatal(err)
	}
	var stages [][]instruction
	for _, s := range steps {
		if s.cmd == "FROM" {
			stages = append(stages, nil)
			checkBase(t, s)
		}
		if len(stages) == 0 {
			t.Fatalf("line %d: %s before the first FROM", s.line, s.cmd)
		}
		stages[len(stages)-1] = append(stages[len(stages)-1], s)
		if s.cmd == "ADD" && regexp.MustCompile(`(?i)\b(https?://|git@)`).MatchString(s.args) {
			t.Errorf("line %d: ADD fetches %s: download in a RUN step that checks a checksum, or COPY", s.line, s.args)
		}
	}
	if len(stages) != 2 {
		t.Fatalf("%d stages, want two: build and run", len(stages))
	}

	build, run := stages[0], stages[1]
	if want := "docker.io/library/golang:" + mod.Go.Version + "-"; !strings.HasPrefix(build[0].args, want) {
		t.Errorf("the build stage is %q, want %s... (go.mod's go %s)", build[0].args, want, mod.Go.Version)
	}
	compile := find(build, "RUN", "go build")
	for _, must := range []string{"CGO_ENABLED=0", "-trimpath", "./cmd/handout", versionPackage + ".version=", versionPackage + ".revision=", versionPackage + ".revisionTime="} {
		if !strings.Contains(compile.args, must) {
			t.Errorf("line %d: the go build step lacks %s", compile.line, must)
		}
	}

	if !strings.HasPrefix(run[0].args, "gcr.io/distroless/static") {
		t.Errorf("the run stage is %q, want distroless/static (no shell, no package manager)", run[0].args)
	}
	users := slices.DeleteFunc(slices.Clone(run), func(s instruction) bool { return s.cmd != "USER" })
	if len(users) == 0 || !regexp.MustCompile(`^(nonroot|65532)(:(nonroot|65532))?$`).MatchString(users[len(users)-1].args) {
		t.Errorf("the run stage's user is %v, want nonroot", users)
	}
	for cmd, want := range map[string]string{"ENTRYPOINT": `["handout"]`, "WORKDIR": "/site", "CMD": `["build"]`} {
		if got := find(run, cmd, ""); got.args != want {
			t.Errorf("%s %s, want %s", cmd, got.args, want)
		}
	}
	if got := find(run, "COPY", ""); got.args != "--from=build /out/handout /usr/local/bin/handout" {
		t.Errorf("the run stage copies %q, want only the program from the build", got.args)
	}

	ignore := strings.Fields(string(readAll(t, "../../.dockerignore")))
	if !slices.Contains(ignore, "*") || slices.Contains(ignore, "!public/") || !slices.Contains(ignore, "!cmd/") {
		t.Errorf(".dockerignore must send only the sources (start from * and allow cmd/, generator/, templates/): %q", ignore)
	}
}

// checkBase holds a FROM to a pinned image: a version tag or a digest,
// never latest or none.
func checkBase(t *testing.T, from instruction) {
	t.Helper()
	image := strings.Fields(from.args)[0]
	if strings.Contains(image, "@sha256:") {
		return
	}
	_, tag, ok := strings.Cut(image[strings.LastIndex(image, "/")+1:], ":")
	if !ok || tag == "" || tag == "latest" {
		t.Errorf("line %d: FROM %s is not pinned: name a version tag or a digest", from.line, image)
	}
}

// find returns the first instruction cmd whose arguments hold substr.
func find(steps []instruction, cmd, substr string) instruction {
	for _, s := range steps {
		if s.cmd == cmd && strings.Contains(s.args, substr) {
			return s
		}
	}
	return instruction{cmd: cmd}
}

func TestParseDockerfile(t *testing.T) {
	got := parseDockerfile("# a comment\nFROM a:1 AS b\n\nRUN x \\\n  y \\\n  z\nuser nonroot\n")
	want := []instruction{{2, "FROM", "a:1 AS b"}, {4, "RUN", "x y z"}, {7, "USER", "nonroot"}}
	if !slices.Equal(got, want) {
		t.Errorf("parseDockerfile = %+v, want %+v", got, want)
	}
}
