package themetest

import (
	"encoding/json"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// vnuMessage is one finding of the Nu HTML Checker's JSON output.
type vnuMessage struct {
	Type    string `json:"type"`
	SubType string `json:"subType"`
	URL     string `json:"url"`
	Line    int    `json:"lastLine"`
	Column  int    `json:"firstColumn"`
	Message string `json:"message"`
	Extract string `json:"extract"`
}

// requireJava returns the Java runtime that runs vnu.jar: $JAVA, or java on
// the PATH.
func requireJava(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("JAVA"); p != "" {
		return p
	}
	p, err := exec.LookPath("java")
	if err != nil {
		msg := "the Nu HTML Checker needs Java, which is missing: apt-get install -y default-jre-headless (or set $JAVA)"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg + " (required under CI=true)")
		}
		t.Skip(msg + "; under CI=true this fails")
	}
	return p
}

// TestNuHTMLChecker runs the Nu HTML Checker over a page of every kind and
// the stylesheets, and fails on any error.
func TestNuHTMLChecker(t *testing.T) {
	t.Parallel()
	jar := requireTool(t, "node_modules/vnu-jar/build/dist/vnu.jar")
	java := requireJava(t)

	// The pages of every kind, and every stylesheet.
	var files []string
	for _, p := range pageKinds {
		files = append(files, filepath.Join(public, p.File))
	}
	err := filepath.WalkDir(filepath.Join(public, "assets"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".css") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}

	// A page made to fail goes along, to prove that the checker reports.
	bad := filepath.Join(t.TempDir(), "made-to-fail.html")
	if err := os.WriteFile(bad, []byte(`<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><p>stray</div></body></html>`), 0o644); err != nil {
		t.Fatal(err)
	}
	// The checker is a short run: the quick compiler and the serial
	// collector halve its CPU time; its schema code needs a deep stack.
	args := append([]string{"-Xss8m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
		"-jar", jar, "--errors-only", "--also-check-css", "--format", "json", bad}, files...)
	out, runErr := exec.Command(java, args...).CombinedOutput()
	var report struct {
		Messages []vnuMessage `json:"messages"`
	}
	if err := json.Unmarshal(out, &report); err != nil {
		t.Fatalf("reading the checker's report: %v (exit: %v)\n%s", err, runErr, out)
	}
	sawBad := false
	for _, m := range report.Messages {
		if m.Type != "error" && m.Type != "non-document-error" {
			continue
		}
		if strings.HasSuffix(m.URL, "/made-to-fail.html") {
			sawBad = true
			continue
		}
		rel := strings.TrimPrefix(m.URL, "file:")
		if r, err := filepath.Rel(public, rel); err == nil {
			rel = r
		}
		t.Errorf("public/%s:%d:%d: %s\n    %s", rel, m.Line, m.Column, m.Message, strings.ReplaceAll(m.Extract, "\n", " "))
	}
	if !sawBad {
		t.Errorf("the checker found no error in a page made to fail: it checks nothing\n%s", out)
	}
	if len(report.Messages) == 0 && runErr != nil {
		t.Errorf("the checker failed with no message: %v\n%s", runErr, out)
	}
	t.Logf("checked %d files", len(files))
}
