package main

import (
	"encoding/json"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/mod/modfile"
)

// notice is NOTICE read back: the packages each list names, with their
// licences, and the licence texts by module.
type notice struct {
	compiled, toolOnly, npm map[string]string
	texts                   map[string]string
}

// licenceMarks are words every text of a licence holds, to catch a
// licence written down wrong.
var licenceMarks = map[string][]*regexp.Regexp{
	"MIT":          {regexp.MustCompile(`(?i)Permission is hereby granted, free of charge|\bMIT licen[cs]e`)},
	"BSD-3-Clause": {regexp.MustCompile(`Redistribution and use in source and binary forms`), regexp.MustCompile(`Neither the name|names of its\s+contributors`)},
	"Apache-2.0":   {regexp.MustCompile(`Apache License`), regexp.MustCompile(`Version 2\.0`)},
}

// TestNotice holds NOTICE to go.mod and tools/a11y: every module go.mod
// requires is listed with its licence, and the licence agrees with the
// module's own licence files; the modules compiled into handout (for every
// platform of a release) are the first list, with their licence texts
// copied whole; every npm package of tools/a11y is listed with the version
// and licence its lock file gives.
func TestNotice(t *testing.T) {
	n := readNotice(t, "../../NOTICE")
	modules := requiredModules(t)
	compiled := compiledModules(t)

	for _, m := range modules {
		licence, listed := n.compiled[m.Path]
		if !listed {
			licence, listed = n.toolOnly[m.Path]
		}
		switch {
		case !listed:
			t.Errorf("NOTICE does not list %s (go.mod requires it): look up its licence in %s and add it", m.Path, m.Dir)
			continue
		case compiled[m.Path] && n.compiled[m.Path] == "":
			t.Errorf("%s is compiled into handout: NOTICE lists it among the modules used only by the tests", m.Path)
		case !compiled[m.Path] && n.compiled[m.Path] != "":
			t.Errorf("%s is no longer compiled into handout: move it to the modules used only by the tests", m.Path)
		}
		checkLicence(t, m, licence)
		if compiled[m.Path] {
			file, text := licenceText(t, m.Dir)
			if got := n.texts[m.Path+": "+file]; got != text {
				t.Errorf("NOTICE lacks the licence text of %s, or it changed: copy %s, indented four spaces, under \"### %s: %s\"", m.Path, filepath.Join(m.Dir, file), m.Path, file)
			}
		}
	}
	for path := range compiled {
		if !slices.ContainsFunc(modules, func(m module) bool { return m.Path == path }) {
			t.Errorf("handout compiles %s, which go.mod does not require (run go mod tidy)", path)
		}
	}
	for listed := range mapsConcat(n.compiled, n.toolOnly) {
		if !slices.ContainsFunc(modules, func(m module) bool { return m.Path == listed }) {
			t.Errorf("NOTICE lists %s, which go.mod no longer requires", listed)
		}
	}
	checkNPM(t, n.npm)
}

// module is a required module and its folder in the module cache.
type module struct{ Path, Version, Dir string }

// requiredModules reads go.mod's require lines (direct and indirect) and
// has go find (or download) each module.
func requiredModules(t *testing.T) []module {
	t.Helper()
	f, err := modfile.Parse("go.mod", readAll(t, "../../go.mod"), nil)
	if err != nil {
		t.Fatal(err)
	}
	args := []string{"mod", "download", "-json"}
	for _, r := range f.Require {
		args = append(args, r.Mod.Path+"@"+r.Mod.Version)
	}
	cmd := exec.Command("go", args...)
	cmd.Dir = "../.."
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go mod download: %v", err)
	}
	var modules []module
	for dec := json.NewDecoder(strings.NewReader(string(out))); dec.More(); {
		var m module
		if err := dec.Decode(&m); err != nil {
			t.Fatal(err)
		}
		modules = append(modules, m)
	}
	if len(modules) != len(f.Require) {
		t.Fatalf("go mod download gave %d modules for %d requirements", len(modules), len(f.Require))
	}
	return modules
}

// compiledModules are the modules whose packages handout's program links
// on any platform of a release.
func compiledModules(t *testing.T) map[string]bool {
	t.Helper()
	found := map[string]bool{}
	for _, goos := range []string{"linux", "darwin", "windows"} {
		cmd := exec.Command("go", "list", "-deps", "-f", "{{with .Module}}{{if not .Main}}{{.Path}}{{end}}{{end}}", "./cmd/handout")
		cmd.Dir = "../.."
		cmd.Env = append(os.Environ(), "GOOS="+goos, "CGO_ENABLED=0")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("go list: %v", err)
		}
		for _, path := range strings.Fields(string(out)) {
			found[path] = true
		}
	}
	return found
}

// checkLicence checks that the module's licence and notice files hold the
// marks of every licence NOTICE names for it ("Apache-2.0 AND MIT").
func checkLicence(t *testing.T, m module, licence string) {
	t.Helper()
	var all strings.Builder
	entries, err := os.ReadDir(m.Dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if licenceFile.MatchString(e.Name()) || strings.HasPrefix(strings.ToUpper(e.Name()), "NOTICE") {
			all.Write(readAll(t, filepath.Join(m.Dir, e.Name())))
		}
	}
	for _, id := range strings.Split(licence, " AND ") {
		marks, known := licenceMarks[id]
		if !known {
			t.Errorf("%s: NOTICE names the licence %q, which this test does not know: add its marks to licenceMarks", m.Path, id)
		}
		for _, mark := range marks {
			if !mark.MatchString(all.String()) {
				t.Errorf("%s: NOTICE says %s, but its licence files lack %q", m.Path, licence, mark)
			}
		}
	}
}

var licenceFile = regexp.MustCompile(`(?i)^(licen[cs]e|copying)(\.(md|txt))?$`)

// licenceText returns the name and text of a module's licence file.
func licenceText(t *testing.T, dir string) (name, text string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if licenceFile.MatchString(e.Name()) {
			return e.Name(), normalise(string(readAll(t, filepath.Join(dir, e.Name()))))
		}
	}
	t.Fatalf("no licence file in %s", dir)
	return "", ""
}

// normalise drops trailing spaces and blank lines at the ends.
func normalise(text string) string {
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n")
}

// readNotice reads NOTICE's lists (four-space-indented "name licence"
// lines under a "## ..." heading) and its licence texts ("### module:
// file" headings, then the text indented four spaces).
func readNotice(t *testing.T, path string) notice {
	t.Helper()
	n := notice{compiled: map[string]string{}, toolOnly: map[string]string{}, npm: map[string]string{}, texts: map[string]string{}}
	var list map[string]string
	var textKey string
	var text []string
	flush := func() {
		if textKey != "" {
			n.texts[textKey] = normalise(strings.Join(text, "\n"))
		}
		textKey, text = "", nil
	}
	for _, line := range strings.Split(string(readAll(t, path)), "\n") {
		switch {
		case strings.HasPrefix(line, "### "):
			flush()
			textKey = strings.TrimPrefix(line, "### ")
		case strings.HasPrefix(line, "## "):
			flush()
			list = map[string]map[string]string{
				"## Go modules compiled into the handout program":     n.compiled,
				"## Go modules used only by the tests and tools":      n.toolOnly,
				"## npm packages used only by the tests (tools/a11y)": n.npm,
			}[line]
		case textKey != "":
			text = append(text, strings.TrimPrefix(line, "    "))
		case list != nil && strings.HasPrefix(line, "    "):
			fields := strings.Fields(line)
			list[fields[0]] = strings.Join(fields[1:], " ")
		}
	}
	flush()
	if len(n.compiled) == 0 || len(n.toolOnly) == 0 || len(n.npm) == 0 {
		t.Fatalf("NOTICE has lost one of its lists: %d compiled, %d test-only, %d npm", len(n.compiled), len(n.toolOnly), len(n.npm))
	}
	return n
}

// checkNPM holds the npm list to tools/a11y/package-lock.json.
func checkNPM(t *testing.T, listed map[string]string) {
	t.Helper()
	var lock struct {
		Packages map[string]struct{ Version, License string }
	}
	if err := json.Unmarshal(readAll(t, "../../tools/a11y/package-lock.json"), &lock); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for path, p := range lock.Packages {
		if name, ok := strings.CutPrefix(path, "node_modules/"); ok {
			want[name+"@"+p.Version] = p.License
		}
	}
	for pkg, licence := range want {
		if listed[pkg] != licence {
			t.Errorf("NOTICE lists %s with licence %q; tools/a11y/package-lock.json says %q", pkg, listed[pkg], licence)
		}
	}
	for pkg := range listed {
		if _, ok := want[pkg]; !ok {
			t.Errorf("NOTICE lists %s, which tools/a11y/package-lock.json does not hold", pkg)
		}
	}
}

func mapsConcat(a, b map[string]string) map[string]string {
	out := maps.Clone(a)
	maps.Copy(out, b)
	return out
}
