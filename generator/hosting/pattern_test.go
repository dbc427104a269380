package hosting

import (
	"regexp"
	"testing"
)

// TestPatterns: matchPattern reads _headers patterns as Netlify and
// Cloudflare Pages do, and patternRegexp says the same to nginx and
// Apache.
func TestPatterns(t *testing.T) {
	patterns := []string{"/library/assets/*", "/library/search/:shard/*", "/library/es/search/:shard/*"}
	re := regexp.MustCompile(patternRegexp("/library/", patterns))
	for _, tc := range []struct {
		path string
		want bool
	}{
		{"/library/assets/style.51f38cd8ce.css", true},
		{"/library/assets/", true},
		{"/library/assets", false},
		{"/library/search/w/z.ns57i6b27gqc.json", true},
		{"/library/search/d/pdr7r88lvq52.json", true},
		{"/library/search/index.json", false},
		{"/library/search/index.html", false},
		{"/library/search/", false},
		{"/library/search//x.json", false},
		{"/library/es/search/w/a.json", true},
		{"/library/es/search/index.json", false},
		{"/library/fr/search/w/a.json", false},
		{"/library/articles/search/index.html", false},
		{"/library/glossary/assets/index.html", false},
		{"/assets/style.css", false},
		{"/libraryXassets/style.css", false},
	} {
		got := false
		for _, p := range patterns {
			got = got || matchPattern(p, tc.path)
		}
		if got != tc.want {
			t.Errorf("matchPattern(%q) = %v, want %v", tc.path, got, tc.want)
		}
		if re.MatchString(tc.path) != tc.want {
			t.Errorf("%s matches %q: %v, want %v", re, tc.path, !tc.want, tc.want)
		}
	}
	if got, want := patternRegexp("/v1.2/", []string{"/v1.2/assets/*"}), `^/v1\.2/(?:assets/)`; got != want {
		t.Errorf("patternRegexp quotes the base path as %q, want %q", got, want)
	}
}

// TestPatternsOfSites: the patterns a site's own _headers may hold, which
// handout serve applies as the hosts do: "*" anywhere, a placeholder only
// as a whole segment.
func TestPatternsOfSites(t *testing.T) {
	for _, tc := range []struct {
		pattern, path string
		want          bool
	}{
		{"/*", "/", true},
		{"/*", "/a/b/c.html", true},
		{"/*.pdf", "/leaflets/sleep.pdf", true},
		{"/*.pdf", "/leaflets/sleep.pdf.html", false},
		{"/leaflets/*/print.css", "/leaflets/a/b/print.css", true},
		{"/:lang/404.html", "/es/404.html", true},
		{"/:lang/404.html", "/404.html", false},
		{"/:lang/404.html", "/es/x/404.html", false},
		{"/v1:2/*", "/v1:2/a", true},
		{"/v1:2/*", "/v1x/a", false},
		{"/:-/x", "/:-/x", true},
		{"/exact", "/exact", true},
		{"/exact", "/exact/", false},
	} {
		if got := matchPattern(tc.pattern, tc.path); got != tc.want {
			t.Errorf("matchPattern(%q, %q) = %v, want %v", tc.pattern, tc.path, got, tc.want)
		}
	}
}
