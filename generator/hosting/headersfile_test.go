package hosting

import (
	"slices"
	"strings"
	"testing"
)

// TestHeadersFileSaysWhatRulesSay: read back as the hosts read it, the
// _headers file gives every path the security headers, and
// Cache-Control exactly where Rules.CacheControl says Immutable; the
// paths it names no Cache-Control for keep the host's, which revalidates.
// So a server that applies the file (handout serve) sends what Headers
// says.
func TestHeadersFileSaysWhatRulesSay(t *testing.T) {
	rules := For(parseConfig(t, goldenSiteYAML(t, "testdata/subpath.txtar")), Options{Videos: true})
	lines, problems := ParseHeaders([]byte(rules.HeadersFile()))
	if len(problems) > 0 {
		t.Fatalf("the generated file has problems: %v", problems)
	}
	for _, path := range []string{"/library/", "/library/articles/sleep/", "/library/assets/style.0123456789.css", "/library/search/index.json", "/library/search/d/0123456789ab.json", "/library/es/search/p/0123456789ab.json", "/library/pt-br/404.html", "/elsewhere/"} {
		got := HeadersFor(lines, path)
		var want []Header
		if strings.HasPrefix(path, rules.BasePath) {
			want = rules.Headers(path)
			if rules.CacheControl(path) == Revalidate {
				want = want[:len(want)-1]
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: the file gives\n%v\nRules.Headers says\n%v", path, got, want)
		}
	}
}

// TestHeadersFor: the headers of every matching rule add up, one value
// after another, and "! Name" takes one away.
func TestHeadersFor(t *testing.T) {
	file := `# a comment
/*
  X-One: a
  # an indented comment
/articles/*
  x-one: b
  X-Two: c
/articles/:slug/print/
  ! X-Two
`
	lines, problems := ParseHeaders([]byte(file))
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	for path, want := range map[string][]Header{
		"/":                       {{"X-One", "a"}},
		"/articles/sleep/":        {{"X-One", "a, b"}, {"X-Two", "c"}},
		"/articles/sleep/print/":  {{"X-One", "a, b"}},
		"/articles//print/":       {{"X-One", "a, b"}, {"X-Two", "c"}},
		"/articles/sleep/print/x": {{"X-One", "a, b"}, {"X-Two", "c"}},
	} {
		if got := HeadersFor(lines, path); !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", path, got, want)
		}
	}
}

// TestParseHeadersProblems: lines the hosts would not read as meant are
// named by line.
func TestParseHeadersProblems(t *testing.T) {
	file := "  X-Early: no path yet\n/ok\n  X-Fine: yes\n  not a header\nnot-a-path\n  X-Lost: under a bad path\n/ok2\n  : no name\n"
	lines, problems := ParseHeaders([]byte(file))
	if len(lines) != 1 || lines[0].Name != "X-Fine" || lines[0].Line != 3 || lines[0].Pattern != "/ok" {
		t.Errorf("lines = %+v, want X-Fine on line 3 under /ok", lines)
	}
	var at []int
	for _, p := range problems {
		at = append(at, p.Line)
	}
	if want := []int{1, 4, 5, 6, 8}; !slices.Equal(at, want) {
		t.Errorf("problems on lines %v, want %v: %v", at, want, problems)
	}
}

// TestMergeHeaders: a site's own _headers comes first, as written; each
// header it sets or detaches for a pattern of the generated file takes
// the generated one's place, and is reported; its other headers and
// patterns add up with the generated ones, as the hosts add them.
func TestMergeHeaders(t *testing.T) {
	rules := For(parseConfig(t, "title: A clinic\nbase_url: https://clinic.example/\n"), Options{})
	if file, replaced, problems := rules.MergeHeaders(nil); string(file) != rules.HeadersFile() || replaced != nil || problems != nil {
		t.Errorf("with no file of the site's, the merged file differs from HeadersFile:\n%s", file)
	}
	own := "/*\n  Content-Security-Policy: default-src 'self'\n  X-Frame-Options: DENY\n/assets/*\n  cache-control: no-cache\n/articles/*\n  Permissions-Policy: camera=(self)\n/search/:shard/*\n  ! Cache-Control"
	file, replaced, problems := rules.MergeHeaders([]byte(own))
	if problems != nil {
		t.Errorf("problems: %v", problems)
	}
	if !strings.HasPrefix(string(file), own+"\n") {
		t.Errorf("the site's lines do not come first, as written:\n%s", file)
	}
	var replacedAt []int
	for _, l := range replaced {
		replacedAt = append(replacedAt, l.Line)
	}
	if want := []int{2, 5, 9}; !slices.Equal(replacedAt, want) {
		t.Errorf("replaced lines %v, want %v", replacedAt, want)
	}
	lines, problems := ParseHeaders(file)
	if problems != nil {
		t.Fatalf("the merged file has problems: %v\n%s", problems, file)
	}
	header := func(path, name string) string {
		for _, h := range HeadersFor(lines, path) {
			if strings.EqualFold(h.Name, name) {
				return h.Value
			}
		}
		return ""
	}
	for _, tc := range []struct{ path, name, want string }{
		{"/", "Content-Security-Policy", "default-src 'self'"},
		{"/", "X-Frame-Options", "DENY"},
		{"/", "Referrer-Policy", "strict-origin-when-cross-origin"},
		{"/assets/site.0123456789.js", "Cache-Control", "no-cache"},
		{"/search/d/0123456789ab.json", "Cache-Control", ""},
		{"/articles/sleep/", "Permissions-Policy", "camera=(self), " + rules.Security[2].Value},
	} {
		if got := header(tc.path, tc.name); got != tc.want {
			t.Errorf("%s %s: %q, want %q", tc.path, tc.name, got, tc.want)
		}
	}
	if !strings.Contains(string(file), "replace the build's Content-Security-Policy for /*, Cache-Control for /assets/*, Cache-Control for /search/:shard/*") {
		t.Errorf("the merged file does not say which of its lines the site's replace:\n%s", file)
	}
}
