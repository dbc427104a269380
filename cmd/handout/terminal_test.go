package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// location is the start of a diagnostic: a plain or Go-quoted path, then
// line and column.
var location = regexp.MustCompile(`^(?:"(?:[^"\\]|\\.)*"|[^\s"]+):\d+:\d+: `)

// TestTerminalEscapes builds and checks a site whose article title sets
// the terminal's title and clears the screen, whose body links to a
// title holding a bell, and whose file name holds a newline and an escape: no raw ESC or
// BEL reaches the output, and every diagnostic is one line that starts
// with its path, quoted when it is odd.
func TestTerminalEscapes(t *testing.T) {
	const oddName = "content/articles/a\nb\x1b[31m.md"
	dir := writeSite(t, map[string]string{
		"site.yaml":                 "title: Riverside\nfeedback_url: mailto:library@clinic.example\n",
		"content/articles/sleep.md": strings.Replace(goodArticle, "title: Sleep", `title: "X\e]0;pwned\a\e[2J"`, 1),
		"content/articles/mood.md":  strings.NewReplacer("title: Sleep", "title: Mood", "Sleep helps.", "See [[Y\x07]].").Replace(goodArticle),
		oddName:                     strings.NewReplacer("title: Sleep", "title: Odd", "Sleep helps.", "See [[Nowhere]].").Replace(goodArticle),
	})
	quoted := `"content/articles/a\nb\x1b[31m.md":`
	for _, args := range [][]string{
		{"build", "-s", dir, "-d", filepath.Join(t.TempDir(), "public")},
		{"check", "-s", dir, "--date", "2026-11-01"},
	} {
		code, stdout, stderr := runHandout(t, args...)
		out := stdout + stderr
		if code != exitContent {
			t.Errorf("handout %s: exit %d, want 1\n%s", args[0], code, out)
		}
		if strings.ContainsAny(out, "\x1b\x07") {
			t.Errorf("handout %s prints a raw escape sequence:\n%q", args[0], out)
		}
		if !strings.Contains(out, "\n"+quoted) && !strings.HasPrefix(out, quoted) {
			t.Errorf("handout %s does not quote the odd file name as %s:\n%s", args[0], quoted, out)
		}
		if !strings.Contains(out, "“Y\\a”") {
			t.Errorf("handout %s does not show the broken link's escaped target:\n%s", args[0], out)
		}
		for _, line := range strings.Split(out, "\n") {
			if strings.Contains(line, ".md:") && !location.MatchString(line) {
				t.Errorf("handout %s: a diagnostic does not start with its path: %q", args[0], line)
			}
			if strings.HasPrefix(line, "b") {
				t.Errorf("handout %s: a line starts inside a file name: %q", args[0], line)
			}
		}
		if args[0] == "check" && !strings.Contains(stdout, `X\x1b]0;pwned\a\x1b[2J`) {
			t.Errorf("handout check does not show the title escaped:\n%s", stdout)
		}
	}

	// A summary names the output folder, escaped too.
	good := writeSite(t, map[string]string{
		"site.yaml":                 "title: Riverside\n",
		"content/articles/sleep.md": goodArticle,
	})
	code, stdout, stderr := runHandout(t, "build", "-s", good, "-d", filepath.Join(t.TempDir(), "pub\x1b]0;x\x07"))
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	if strings.ContainsAny(stdout+stderr, "\x1b\x07") || !strings.Contains(stdout, `pub\x1b]0;x\a in `) {
		t.Errorf("the build summary does not escape the output folder:\n%q", stdout+stderr)
	}
}
