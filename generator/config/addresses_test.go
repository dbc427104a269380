package config

import (
	"regexp"
	"strings"
	"testing"

	"github.com/handout-health/handout/templates"
)

// base_url and --base-url take an absolute http(s) address whose path is
// clean folders; anything a browser could read as another site's address
// (//evil.example/, a backslash, a dot folder hidden by %-encoding) is
// refused at the value, saying why. A missing trailing slash is added.
func TestBaseURLs(t *testing.T) {
	tests := []struct {
		raw string
		// want is the base URL accepted, or a part of the error.
		want string
		ok   bool
	}{
		{"https://clinic.example/library/", "https://clinic.example/library/", true},
		{"https://clinic.example/library", "https://clinic.example/library/", true},
		{"https://clinic.example", "https://clinic.example/", true},
		{"HTTPS://Clinic.Example/Library/", "https://clinic.example/Library/", true},
		{"http://localhost:1313/", "http://localhost:1313/", true},
		{"https://clinic.example:8443/a/b_c/d-e/v1.2/~x/", "https://clinic.example:8443/a/b_c/d-e/v1.2/~x/", true},
		{"http://127.0.0.1:8080/", "http://127.0.0.1:8080/", true},
		{"http://[::1]:1313/", "http://[::1]:1313/", true},
		{"https://clinic.example//evil.example/", "empty folder (//)", false},
		{"https://clinic.example/library//", "empty folder (//)", false},
		{"https://clinic.example/./library/", `folder "."`, false},
		{"https://clinic.example/library/../", `folder ".."`, false},
		{"https://clinic.example/%2e%2e/", "%-encoded", false},
		{"https://clinic.example/%2fevil.example/", "%-encoded", false},
		{"https://clinic.example/%5cevil.example/", "%-encoded", false},
		{`https://clinic.example/\evil.example/`, "backslash", false},
		{`https:\\evil.example/`, "backslash", false},
		{"https://clinic.example/lib\trary/", "space or control character", false},
		{"https://clinic.example/my library/", "space or control character", false},
		{"https://clinic.example/lib\u00a0rary/", "space or control character", false},
		{"https://clinic.example@evil.example/", "user name", false},
		{"https://user:secret@clinic.example/", "user name", false},
		{"ftp://clinic.example/", "absolute http(s) address", false},
		{"javascript://clinic.example/%0aalert(1)", "absolute http(s) address", false},
		{"file:///srv/site/", "absolute http(s) address", false},
		{"//clinic.example/library/", "absolute http(s) address", false},
		{"https:clinic.example/library/", "absolute http(s) address", false},
		{"https:/clinic.example/library/", "absolute http(s) address", false},
		{"/library/", "absolute http(s) address", false},
		{"https://clínica.example/", "xn--", false},
		{"https://clinic_example/", "host", false},
		{"https://clinic.example:99999/", "port", false},
		{"https://clinic.example:0/", "port", false},
		{"https://clinic.example/library/?utm=x", "query", false},
		{"https://clinic.example/library/#top", "query", false},
		{"https://clinic.example/bibliothèque/", "letters, digits", false},
		{"https://clinic.example/a;b/", "letters, digits", false},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			cfg, list := Parse([]byte("title: A\nbase_url: \"" + strings.ReplaceAll(strings.ReplaceAll(tt.raw, `\`, `\\`), "\t", `\t`) + "\"\n"))
			set := Default().SetBaseURL(tt.raw)
			if !tt.ok {
				if cfg != nil {
					t.Fatalf("base_url accepted as %q", cfg.BaseURL)
				}
				if got := list.String(); !strings.HasPrefix(got, "site.yaml:2:11: base_url ") || !strings.Contains(got, tt.want) {
					t.Errorf("diagnostics %q, want site.yaml:2:11 and %q", got, tt.want)
				}
				if set == nil || !strings.Contains(set.Error(), tt.want) {
					t.Errorf("SetBaseURL: %v, want an error saying %q", set, tt.want)
				}
				return
			}
			if cfg == nil {
				t.Fatalf("base_url refused: %v", list)
			}
			if cfg.BaseURL != tt.want || cfg.Base().String() != tt.want || !strings.HasSuffix(cfg.BasePath(), "/") {
				t.Errorf("BaseURL %q, Base %q, want %q", cfg.BaseURL, cfg.Base(), tt.want)
			}
			if set != nil {
				t.Errorf("SetBaseURL refused it: %v", set)
			}
		})
	}
}

// Cookie patterns name cookies: a name, or a prefix and one "*"; never
// every cookie, and never the consent record, which "Reject all" needs.
func TestCookiePatterns(t *testing.T) {
	tests := []struct {
		pattern string
		// want is a part of the error, or "" when the pattern is accepted.
		want string
	}{
		{"_ga", ""},
		{"_ga*", ""},
		{"_pk_id.*", ""},
		{"MUID", ""},
		{"__Secure-x", ""},
		{"handout_consent_extra", ""},
		{"handout_x*", ""},
		{"*", "every cookie"},
		{"**", "one * only, at the end"},
		{"*_ga", "one * only, at the end"},
		{"_g*a", "one * only, at the end"},
		{"", "empty"},
		{"handout_consent", ConsentCookie},
		{"handout_*", ConsentCookie},
		{"h*", ConsentCookie},
		{"_ga;path=/", "cannot hold"},
		{"_ga=1", "cannot hold"},
		{"my cookie", "cannot hold"},
		{"cookie\u00e9", "cannot hold"},
		{"a,b", "cannot hold"},
		{`a"b`, "cannot hold"},
	}
	for _, tt := range tests {
		t.Run(tt.pattern, func(t *testing.T) {
			yaml := "title: A\nconsent:\n  categories:\n    - id: analytics\n      title: Analytics\n      description: Counting visits.\n      cookies: [x, '" + tt.pattern + "']\n"
			cfg, list := Parse([]byte(yaml))
			if tt.want == "" {
				if cfg == nil {
					t.Fatalf("refused: %v", list)
				}
				return
			}
			if cfg != nil {
				t.Fatalf("cookie pattern %q accepted", tt.pattern)
			}
			if got := list.String(); !strings.HasPrefix(got, "site.yaml:7:20: cookie pattern ") || !strings.Contains(got, tt.want) {
				t.Errorf("diagnostics %q, want site.yaml:7:20 and %q", got, tt.want)
			}
		})
	}
}

// The consent record's name is the same in Go, in consent.js and on the
// cookie policy page.
func TestConsentCookieName(t *testing.T) {
	for name, want := range map[string]*regexp.Regexp{
		"assets/consent.js":    regexp.MustCompile(`const NAME = "` + ConsentCookie + `";[\s\S]*/\(\?:\^\|; \)` + ConsentCookie + `=`),
		"layouts/cookies.html": regexp.MustCompile(`<code>` + ConsentCookie + `</code>`),
	} {
		data, err := templates.FS.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if !want.Match(data) {
			t.Errorf("%s does not name the consent cookie %s as %s", name, ConsentCookie, want)
		}
	}
}

// Allowed origins are bare origins and consent scripts real addresses.
func TestConsentAddresses(t *testing.T) {
	tests := []struct{ yaml, want string }{
		{"allowed_origins: [https://cdn.example/]", ""},
		{"allowed_origins: [\"https://CDN.example:8443\"]", ""},
		{"allowed_origins: [https://cdn.example/js/]", "site.yaml:4:21: allowed origin"},
		{"allowed_origins: [\"https://user@cdn.example\"]", "site.yaml:4:21: allowed origin"},
		{"allowed_origins: [\"https://cdn.example?x\"]", "site.yaml:4:21: allowed origin"},
		{"allowed_origins: [\"https://cdn.example#x\"]", "site.yaml:4:21: allowed origin"},
		{"allowed_origins: [\"javascript://cdn.example\"]", "site.yaml:4:21: allowed origin"},
		{"allowed_origins: [\"ftp://cdn.example\"]", "site.yaml:4:21: allowed origin"},
		{"allowed_origins: [\"https://cdn.example\\\\evil.example\"]", "site.yaml:4:21: allowed origin"},
		{"allowed_origins: [\"cdn.example\"]", "site.yaml:4:21: allowed origin"},
		{"scripts: [{category: analytics, src: https://stats.example/s.js}]", ""},
		{"scripts: [{category: analytics, src: js/stats.js}]", ""},
		{"scripts: [{category: analytics, src: /js/stats.js?v=2}]", ""},
		{"scripts: [{category: analytics, src: \"//stats.example/s.js\"}]", "site.yaml:4:40: script src"},
		{"scripts: [{category: analytics, src: \"\\\\\\\\stats.example/s.js\"}]", "site.yaml:4:40: script src"},
		{"scripts: [{category: analytics, src: \"/\\\\stats.example/s.js\"}]", "site.yaml:4:40: script src"},
		{"scripts: [{category: analytics, src: \"https:stats.example/s.js\"}]", "site.yaml:4:40: script src"},
		{"scripts: [{category: analytics, src: \"https://u@stats.example/s.js\"}]", "site.yaml:4:40: script src"},
		{"scripts: [{category: analytics, src: \"javascript:alert(1)\"}]", "site.yaml:4:40: script src"},
		{"scripts: [{category: analytics, src: \"js/../../x.js\"}]", "site.yaml:4:40: script src"},
		{"scripts: [{category: analytics, src: \"js/st ats.js\"}]", "site.yaml:4:40: script src"},
	}
	for _, tt := range tests {
		t.Run(tt.yaml, func(t *testing.T) {
			yaml := "title: A\nconsent:\n  categories: [{id: analytics, title: Analytics, description: Counting visits.}]\n  " + tt.yaml + "\n"
			cfg, list := Parse([]byte(yaml))
			if tt.want == "" {
				if cfg == nil {
					t.Fatalf("refused: %v", list)
				}
				return
			}
			if cfg != nil {
				t.Fatal("accepted")
			}
			if got := list.String(); !strings.HasPrefix(got, tt.want) {
				t.Errorf("diagnostics %q, want them to start with %q", got, tt.want)
			}
		})
	}
}
