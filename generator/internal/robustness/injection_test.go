package robustness

import (
	"fmt"
	"github.com/handout-health/handout/generator/output"
	"strconv"
	"strings"
	"testing"

	"github.com/handout-health/handout/generator/diag"
)

// textPayloads break out of text, attributes, scripts and URLs if they are
// written unescaped.
var textPayloads = []string{
	`<script>alert(1)</script>`,
	`"><script>alert(2)</script>`,
	`' onmouseover='alert(3)`,
	`" onfocus="alert(4)" autofocus x="`,
	`</script><script>alert(5)</script>`,
	`javascript:alert(6)`,
	`data:text/html,<script>alert(7)</script>`,
	`{{.Site.Title}} {{template "x"}}`,
}

// urlPayloads run code when used as an address.
var urlPayloads = []string{
	`javascript:alert(1)`,
	`JaVaScRiPt:alert(2)`,
	` javascript:alert(3)`,
	"java\tscript:alert(4)",
	`vbscript:msgbox(5)`,
	`data:text/html;base64,PHNjcmlwdD5hbGVydCg2KTwvc2NyaXB0Pg==`,
	`data:image/svg+xml,<svg onload=alert(7)>`,
}

// yamlQuote writes s as a YAML double-quoted scalar.
func yamlQuote(s string) string { return strconv.Quote(s) }

// TestInjectionInTextFields puts each payload in each text field that a
// page shows, and checks that the site builds, shows the text as text on
// the page that displays it, and runs nothing.
func TestInjectionInTextFields(t *testing.T) {
	fields := []struct {
		name string
		// site returns the site with v in the field.
		site func(v string) map[string]string
		// page shows the field.
		page string
	}{
		{"article title", func(v string) map[string]string {
			return edit("content/articles/sleep.md", "title: Sleep", "title: "+yamlQuote(v))
		}, "articles/sleep/index.html"},
		{"summary", func(v string) map[string]string {
			return edit("content/articles/sleep.md", "summary: Why rest matters.", "summary: "+yamlQuote(v))
		}, "articles/sleep/index.html"},
		{"synonym", func(v string) map[string]string {
			return edit("content/articles/sleep.md", "synonyms: [rest]", "synonyms: ["+yamlQuote(v)+"]")
		}, "articles/sleep/index.html"},
		{"tag", func(v string) map[string]string {
			return edit("content/articles/sleep.md", "tags: [wellbeing]", "tags: ["+yamlQuote(v)+"]")
		}, "articles/sleep/index.html"},
		{"reviewer", func(v string) map[string]string {
			return edit("content/articles/sleep.md", "reviewed_by: A. Clinician", "reviewed_by: "+yamlQuote(v))
		}, "articles/sleep/index.html"},
		{"source title", func(v string) map[string]string {
			return edit("content/articles/sleep.md", "title: Sleep study", "title: "+yamlQuote(v))
		}, "articles/sleep/index.html"},
		{"glossary term", func(v string) map[string]string {
			return edit("content/glossary/serotonin.md", "term: Serotonin", "term: "+yamlQuote(v))
		}, "glossary/serotonin/index.html"},
		{"page title", func(v string) map[string]string {
			return edit("content/pages/about.md", "title: About", "title: "+yamlQuote(v))
		}, "about/index.html"},
		{"site title", func(v string) map[string]string {
			return edit("site.yaml", "title: Riverside library", "title: "+yamlQuote(v))
		}, "index.html"},
		{"site description", func(v string) map[string]string {
			return edit("site.yaml", "title: Riverside library", "title: Riverside library\ndescription: "+yamlQuote(v))
		}, "index.html"},
		{"consent category", func(v string) map[string]string {
			return edit("site.yaml", "title: Riverside library", "title: Riverside library\nconsent:\n  categories:\n    - id: analytics\n      title: "+yamlQuote(v)+"\n      description: "+yamlQuote(v))
		}, "cookies/index.html"},
	}
	for _, f := range fields {
		for i, payload := range textPayloads {
			t.Run(fmt.Sprintf("%s/%d", f.name, i), func(t *testing.T) {
				t.Parallel()
				mem, res, err := buildMemory(t, f.site(payload))
				if err != nil {
					t.Fatalf("build failed:\n%s", res.Diagnostics.Errors())
				}
				if !shows(mem, f.page, payload) {
					t.Errorf("%s does not show the %s %q as text", f.page, f.name, payload)
				}
				for _, p := range unsafeOutput(mem) {
					t.Error(p)
				}
			})
		}
	}
}

// edit returns the base site with one replacement in one file.
func edit(file, old, new string) map[string]string {
	files := baseSite()
	if !strings.Contains(files[file], old) {
		panic(fmt.Sprintf("%s has no %q", file, old))
	}
	files[file] = strings.Replace(files[file], old, new, 1)
	return files
}

// TestInjectionInAddresses puts addresses that run code in every field
// that holds an address: each is refused with a diagnostic naming the
// file and line of the field.
func TestInjectionInAddresses(t *testing.T) {
	fields := []struct {
		name string
		site func(v string) map[string]string
		file string
		line int
	}{
		{"source url", func(v string) map[string]string {
			return edit("content/articles/sleep.md", "url: https://evidence.example/sleep", "url: "+yamlQuote(v))
		}, "content/articles/sleep.md", 10},
		{"feedback_url", func(v string) map[string]string {
			return edit("site.yaml", "feedback_url: mailto:library@clinic.example", "feedback_url: "+yamlQuote(v))
		}, "site.yaml", 3},
		{"base_url", func(v string) map[string]string {
			return edit("site.yaml", "base_url: https://clinic.example/library/", "base_url: "+yamlQuote(v))
		}, "site.yaml", 2},
		{"consent script", func(v string) map[string]string {
			return edit("site.yaml", "title: Riverside library", "title: Riverside library\nconsent:\n  categories:\n    - id: analytics\n      title: Analytics\n      description: Counts visits.\n  scripts:\n    - category: analytics\n      src: "+yamlQuote(v))
		}, "site.yaml", 9},
		{"alias", func(v string) map[string]string {
			return edit("content/articles/sleep.md", "tags: [wellbeing]", "tags: [wellbeing]\naliases: ["+yamlQuote(v)+"]")
		}, "content/articles/sleep.md", 6},
	}
	for _, f := range fields {
		for i, payload := range urlPayloads {
			t.Run(fmt.Sprintf("%s/%d", f.name, i), func(t *testing.T) {
				mem, res, err := buildMemory(t, f.site(payload))
				if err == nil {
					t.Fatalf("%s %q accepted", f.name, payload)
				}
				if !hasErrorAt(res.Diagnostics, f.file, f.line) {
					t.Errorf("no error at %s:%d for %q; got:\n%s", f.file, f.line, payload, res.Diagnostics)
				}
				if n := len(mem.Names()); n != 0 {
					t.Errorf("a refused build wrote %d files", n)
				}
			})
		}
	}
}

func hasErrorAt(list diag.List, file string, line int) bool {
	for _, d := range list.Errors() {
		if d.Path == file && d.Line == line {
			return true
		}
	}
	return false
}

// TestInjectionInLinks writes links and images whose targets carry
// scripts or code-running addresses into an article body: a wiki link to
// no page is refused (a broken link, with its line); everything else is
// built with the address dropped or escaped. (An entity-encoded scheme
// is not a scheme to the link resolver, so it is refused as a relative
// link; a wiki link to a section the page lacks is refused too.)
func TestInjectionInLinks(t *testing.T) {
	tests := []struct {
		name, markdown string
		// brokenLine is the line of the expected broken-link error; 0 when
		// the build must succeed.
		brokenLine int
	}{
		{"wiki target", "[[<script>alert(1)</script>]]", 12},
		{"wiki target with quotes", `[["><img src=x onerror=alert(1)>]]`, 12},
		{"wiki target javascript", "[[javascript:alert(1)]]", 12},
		{"wiki label", "[[Mood|<script>alert(1)</script>]]", 0},
		{"wiki label quotes", `[[Mood|" onmouseover="alert(1)]]`, 0},
		{"wiki section", `[[Mood#"><script>alert(1)</script>]]`, 12},
		{"markdown javascript", "[x](javascript:alert(1))", 0},
		{"markdown javascript mixed case", "[x](JaVaScRiPt:alert(1))", 0},
		{"markdown javascript entity", "[x](&#106;avascript:alert(1))", 12},
		{"markdown javascript tab", "[x](java&#9;script:alert(1))", 12},
		{"markdown vbscript", "[x](vbscript:msgbox(1))", 0},
		{"markdown data html", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", 0},
		{"image data svg", "![x](data:image/svg+xml,%3Csvg%20onload%3Dalert(1)%3E)", 0},
		{"image javascript", "![x](javascript:alert(1))", 0},
		{"reference javascript", "[x][r]\n\n[r]: javascript:alert(1)", 0},
		{"autolink javascript", "<javascript:alert(1)>", 0},
		{"title attribute", `[x](https://e.example "a\" onmouseover=\"alert(1)")`, 0},
		{"raw html link", `<a href="javascript:alert(1)">x</a>`, 0},
		{"raw html handler", `<img src=x onerror=alert(1)>`, 0},
		{"raw html script", "<script>alert(1)</script>", 0},
		{"raw html iframe", `<iframe src="data:text/html,<script>alert(1)</script>"></iframe>`, 0},
		{"linkify", `www.example.com/"onmouseover="alert(1)`, 0},
		{"heading", `## <script>alert(1)</script> " onmouseover="x`, 0},
		{"code", "`<script>alert(1)</script>`\n\n```html\n<script>alert(1)</script>\n```", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := baseSite()
			// Line 12 of sleep.md is its first body line.
			files["content/articles/sleep.md"] = strings.Replace(files["content/articles/sleep.md"], "Sleep helps the body.", tt.markdown+"\n\nSleep helps the body.", 1)
			mem, res, err := buildMemory(t, files)
			if tt.brokenLine > 0 {
				if err == nil || !hasErrorAt(res.Diagnostics, "content/articles/sleep.md", tt.brokenLine) {
					t.Fatalf("want a broken-link error at line %d, got %v:\n%s", tt.brokenLine, err, res.Diagnostics)
				}
				return
			}
			if err != nil {
				t.Fatalf("build failed:\n%s", res.Diagnostics.Errors())
			}
			if _, ok := mem.File("articles/sleep/index.html"); !ok {
				t.Fatal("no article page")
			}
			for _, p := range unsafeOutput(mem) {
				t.Error(p)
			}
		})
	}
}

// TestScannerFindsScripts proves the scanner above can fail: on a page
// holding a script, an event handler and a javascript: link, it reports
// all three.
func TestScannerFindsScripts(t *testing.T) {
	mem := output.NewMemory()
	page := "<!DOCTYPE html><title>x</title><script>alert(1)</script>\n<img src=x onerror=alert(2)>\n<a href=\"javascript:alert(3)\">x</a>"
	if err := mem.WriteFile("articles/sleep/index.html", []byte(page)); err != nil {
		t.Fatal(err)
	}
	got := strings.Join(unsafeOutput(mem), "\n")
	for _, want := range []string{"script element <script>", `event handler onerror="alert(2)"`, `<a href="javascript:alert(3)"> runs code`} {
		if !strings.Contains(got, want) {
			t.Errorf("scanner missed %s; it found:\n%s", want, got)
		}
	}
}

// TestRawHTMLRunsNoScript: with raw HTML allowed (markdown.unsafe, a
// site's explicit choice), a pasted script, event handler and javascript:
// link never reach the page, and each is a warning at its line.
func TestRawHTMLRunsNoScript(t *testing.T) {
	files := edit("site.yaml", "title: Riverside library", "title: Riverside library\nmarkdown:\n  unsafe: true")
	files["content/articles/sleep.md"] = strings.Replace(files["content/articles/sleep.md"], "Sleep helps the body.",
		"<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n<a href=\"javascript:alert(3)\">x</a>\n\nSleep helps the body.", 1)
	mem, res, err := buildMemory(t, files)
	if err != nil {
		t.Fatalf("build failed:\n%s", res.Diagnostics.Errors())
	}
	for _, p := range unsafeOutput(mem) {
		t.Error(p)
	}
	for _, line := range []int{12, 14, 16} {
		found := false
		for _, d := range res.Diagnostics {
			found = found || d.Path == "content/articles/sleep.md" && d.Line == line && d.Rule == "raw-html"
		}
		if !found {
			t.Errorf("no raw-html warning at line %d:\n%s", line, res.Diagnostics)
		}
	}
}
