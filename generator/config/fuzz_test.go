package config

import (
	"bytes"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse feeds any bytes to Parse as a site.yaml and checks: no panic;
// every diagnostic names site.yaml and a line and column inside it; a
// Config is returned exactly when there is no error, and then has a title,
// an absolute http(s) base URL whose path is clean and ends in a slash, a
// non-empty schema of valid, distinct ids, safe feedback and script
// addresses, and cookie patterns that spare the consent record.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"",
		"title: Clinic\n",
		"title: Clinic\nbase_url: https://clinic.example/library\nlanguage: en\nfeedback_url: mailto:a@b.example\n",
		"title: x\nmarkdown:\n  unsafe: true\n  highlight_style: monokai\nreview:\n  interval: 18m\n  warn_days: 30\nreadability:\n  max_grade: 6.5\n",
		"title: x\nsections:\n  - id: mechanism\n    title: How it works\n    headings: [Mechanism, How it works]\n    required: true\n  - id: risk\n    headings: [Risks]\n",
		"title: x\nconsent:\n  version: 2\n  expires_days: 30\n  categories:\n    - id: analytics\n      title: A\n      description: D\n      cookies: [_ga*]\n  scripts:\n    - category: analytics\n      src: https://a.example/s.js\n  allowed_origins: [https://cdn.example]\n",
		"title: \"<script>alert(1)</script>\"\nfeedback_url: javascript:alert(1)\nbase_url: data:text/html,x\n",
		"title: x\nsections: []\n",
		"title: x\nsections:\n  - id: A\n    headings: []\n  - id: a\n    headings: [x, X]\n",
		"title: x\nunknown: 1\n",
		"title: [x\n",
		"title: &a x\ndescription: *a\n",
		"- a\n- b\n",
		"title: x\nreview:\n  interval: 99999999999999999999y\n",
		"title: x\nconsent:\n  scripts:\n    - category: nope\n      src: \"::\"\n",
		"title: x\nlanguage: en\nlanguages:\n  - code: en\n    name: English\n  - code: es\n    name: Español\n    title: T\n    consent:\n      - id: analytics\n        title: A\n        description: D\nconsent:\n  categories:\n    - id: analytics\n      title: A\n      description: D\nreadability:\n  min_inflesz: 60\n",
		"title: x\nlanguages:\n  - code: es_MX\n  - name: [a]\n  - {code: ES, name: x}\n  - es\n",
		"title: x\ndescription: [[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]\n",
		"title: x\nsections:\n- - - - - - - - - - - - - - - - - - - - - - - x\n",
		"base: &b\n  unsafe: true\ntitle: x\nmarkdown:\n  <<: *b\n",
		"title: x\nbase_url: https://clinic.example//evil.example/./%2e%2e/\n",
		"title: x\nbase_url: \"https://u@clinic.example:0/\\\\x\"\n",
		"title: x\nconsent:\n  categories:\n    - id: a\n      title: A\n      description: D\n      cookies: [\"*\", handout_*, \"a;b\"]\n  allowed_origins: [\"https://cdn.example/x?y#z\"]\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, list := Parse(data)
		lines := lineCount(data)
		for _, d := range list {
			if d.Path != FileName {
				t.Errorf("diagnostic names %q: %v", d.Path, d)
			}
			if d.Line < 1 || d.Line > lines || d.Col < 1 {
				t.Errorf("diagnostic outside the file of %d lines: %v", lines, d)
			}
			if d.Message == "" {
				t.Errorf("diagnostic without a message: %v", d)
			}
		}
		if (cfg == nil) != list.HasErrors() {
			t.Fatalf("config %v returned with errors %v", cfg, list)
		}
		if cfg == nil {
			return
		}
		if strings.TrimSpace(cfg.Title) == "" {
			t.Errorf("config without a title")
		}
		base := cfg.Base()
		if base.Scheme != "http" && base.Scheme != "https" || base.Host == "" || !strings.HasSuffix(cfg.BasePath(), "/") {
			t.Errorf("base URL %q accepted", cfg.BaseURL)
		}
		if u, err := url.Parse(cfg.BaseURL); err != nil || u.String() != base.String() {
			t.Errorf("BaseURL %q does not parse back to %v", cfg.BaseURL, base)
		}
		if p := cfg.BasePath(); strings.Contains(p, "//") || strings.Contains(p, "/./") || strings.Contains(p, "/../") || strings.ContainsAny(cfg.BaseURL, "\\%@ \t") {
			t.Errorf("base URL %q accepted", cfg.BaseURL)
		}
		for _, cat := range cfg.Consent.Categories {
			for _, p := range cat.Cookies {
				prefix, wildcard := strings.CutSuffix(p, "*")
				if prefix == "" || p == ConsentCookie || wildcard && strings.HasPrefix(ConsentCookie, prefix) || strings.ContainsAny(prefix, "*;= ,") {
					t.Errorf("cookie pattern %q accepted", p)
				}
			}
		}
		if cfg.FeedbackURL != "" {
			u, err := url.Parse(cfg.FeedbackURL)
			if err != nil || u.Scheme != "mailto" && u.Scheme != "http" && u.Scheme != "https" {
				t.Errorf("feedback_url %q accepted", cfg.FeedbackURL)
			}
		}
		if len(cfg.Sections) == 0 {
			t.Errorf("empty section schema accepted")
		}
		ids := map[string]bool{}
		for _, s := range cfg.Sections {
			if !idPattern.MatchString(s.ID) || ids[s.ID] || len(s.Headings) == 0 {
				t.Errorf("section %+v accepted", s)
			}
			ids[s.ID] = true
		}
		for _, s := range cfg.Consent.Scripts {
			if u, err := url.Parse(s.Src); err != nil || u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https" {
				t.Errorf("script src %q accepted", s.Src)
			}
		}
		for _, s := range []string{cfg.Title, cfg.Description} {
			if utf8.Valid(data) && !utf8.ValidString(s) {
				t.Errorf("text %q is not UTF-8 though the file is", s)
			}
		}
	})
}

// lineCount counts lines as YAML and editors do: a line ends at "\n",
// "\r\n" or a lone "\r".
func lineCount(data []byte) int {
	return bytes.Count(data, []byte("\n")) + bytes.Count(data, []byte("\r")) - bytes.Count(data, []byte("\r\n")) + 1
}

// TestOddYAML: inputs the fuzzer found to crash go-yaml or confuse its line
// numbers give an error on the right line.
func TestOddYAML(t *testing.T) {
	tests := []struct {
		yaml string
		line int
		want string
	}{
		{"title: x\nsections:\n  - headings: !0000 ", 3, "YAML tag !0000 has no value"},
		{"title: x\nsections: !!seq\n", 2, "YAML tag !!seq has no value"},
		{"\r#\r\n0", 3, "mapping"},
		{"title: x\r\r\nunknown: 1\r\n", 3, "unknown key"},
	}
	for _, tt := range tests {
		cfg, list := Parse([]byte(tt.yaml))
		if cfg != nil || len(list) != 1 || list[0].Line != tt.line || !strings.Contains(list[0].Message, tt.want) {
			t.Errorf("Parse(%q) = %v, want one error on line %d saying %q", tt.yaml, list, tt.line, tt.want)
		}
	}
}
