package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestEditorsFirstHour runs what a new clinic's editor runs first, the
// site folder given as an argument: init, new, build and check --strict
// pass, and each says what the drafts are and how to see them; with
// --drafts, check finds nothing in the new documents but the placeholders
// only the editor can fill in (reviewer, source).
func TestEditorsFirstHour(t *testing.T) {
	site := filepath.Join(t.TempDir(), "my-clinic")
	step := func(wantCode int, args ...string) string {
		t.Helper()
		code, stdout, stderr := runHandout(t, args...)
		if code != wantCode {
			t.Fatalf("handout %s: exit %d, want %d\n%s%s", strings.Join(args, " "), code, wantCode, stdout, stderr)
		}
		return stdout
	}
	if out := step(0, "init", site); !strings.Contains(out, "handout serve "+site) {
		t.Errorf("init does not say how to preview the site:\n%s", out)
	}
	out := step(0, "new", "article", "Sleep hygiene", site)
	for _, want := range []string{"Wrote " + filepath.Join(site, "content/articles/sleep-hygiene.md"), "It is a draft", "handout serve " + site + " --drafts", "handout check " + site + " --drafts"} {
		if !strings.Contains(out, want) {
			t.Errorf("new does not say %q:\n%s", want, out)
		}
	}
	out = step(0, "build", site)
	if want := "Left out 3 documents marked draft: true (content/articles/hand-washing.md, content/articles/sleep-hygiene.md, content/glossary/germ.md): build with --drafts to include them"; !strings.Contains(out, want) {
		t.Errorf("build does not say %q:\n%s", want, out)
	}
	out = step(0, "check", site, "--strict")
	if want := "Not checked: 3 documents marked draft: true"; !strings.Contains(out, want) || !strings.Contains(out, "check --drafts") {
		t.Errorf("check does not say %q and how to check them:\n%s", want, out)
	}

	out = step(1, "check", site, "--strict", "--drafts", "--format", "json")
	var report struct {
		Diagnostics []struct {
			Path, Rule, Message string
			Line                int
		}
	}
	if err := json.Unmarshal([]byte(out), &report); err != nil {
		t.Fatal(err)
	}
	placeholders := map[string]int{}
	for _, d := range report.Diagnostics {
		if d.Rule == "figure-missing" && d.Path == "content/articles/sleep-hygiene.md" {
			continue // the picture only the editor can give; new's comment says how
		}
		if d.Rule != "placeholder" {
			t.Errorf("the new site fails %s: %s:%d: %s", d.Rule, d.Path, d.Line, d.Message)
			continue
		}
		placeholders[d.Path]++
	}
	if placeholders["content/articles/sleep-hygiene.md"] != 2 || placeholders["content/articles/hand-washing.md"] != 1 {
		t.Errorf("placeholders found %v, want the new article's reviewer and source and the example's reviewer", placeholders)
	}
	// The site folder as -s still works, and as both when they agree.
	step(0, "build", "-s", site, site)
}
