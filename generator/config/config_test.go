package config

import (
	"strings"
	"testing"
	"time"
)

func TestParseDefaults(t *testing.T) {
	cfg, list := Parse([]byte("title: Clinic\n"))
	if len(list) > 0 {
		t.Fatalf("unexpected diagnostics: %v", list)
	}
	if cfg.Language != "en" || cfg.BasePath() != "/" || len(cfg.Sections) != 6 || cfg.Readability.MaxGrade != 8 {
		t.Errorf("defaults not applied: %+v", cfg)
	}
	last := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	if got := cfg.Review.NextReview(last); !got.Equal(time.Date(2029, 10, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("NextReview = %v, want 2029-10-01", got)
	}
	if s, ok := cfg.SectionFor("  METRICS "); !ok || s.ID != "metric" {
		t.Errorf("SectionFor(METRICS) = %v, %v", s, ok)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"empty", "", "site.yaml:1:1: empty file"},
		{"no title", "language: en\n", "title is required"},
		{"unknown key", "title: A\ntitel: B\n", "site.yaml:2:1: unknown key \"titel\""},
		{"broken yaml", "title: [a\n", "site.yaml:1:"},
		{"relative base", "title: A\nbase_url: /library/\n", "site.yaml:2:11: base_url \"/library/\" must be an absolute"},
		{"bad interval", "title: A\nreview:\n  interval: soon\n", "site.yaml:3:13: review interval"},
		{"section without heading", "title: A\nsections:\n  - id: what\n", "needs at least one heading"},
		{"script category", "title: A\nconsent:\n  scripts:\n    - category: ads\n      src: https://x.example/a.js\n", "script category \"ads\""},
		{"wrong type", "title: A\nreadability:\n  max_grade: easy\n", "site.yaml:3:"},
		{"bad language", "title: A\nlanguage: english please\n", "site.yaml:2:11: language \"english please\" must be a language code"},
		{"language code", "title: A\nlanguages:\n  - code: en_US\n    name: English\n", "site.yaml:3:11: language code \"en_US\""},
		{"language twice", "title: A\nlanguages:\n  - code: es\n    name: Español\n  - code: ES\n    name: Español\n", "site.yaml:5:11: language \"ES\" is listed twice"},
		{"language name", "title: A\nlanguages:\n  - code: en\n    name: English\n  - code: es\n", "site.yaml:5:9: language \"es\" needs a name"},
		{"language and languages", "title: A\nlanguage: fr\nlanguages:\n  - code: en\n    name: English\n", "site.yaml:2:11: language \"fr\" is not the first of languages (en)"},
		{"consent text category", "title: A\nlanguages:\n  - code: en\n    name: English\n  - code: es\n    name: Español\n    consent:\n      - id: ads\n        title: Anuncios\n        description: Anuncios.\n", "site.yaml:8:13: consent category \"ads\" is not one of consent.categories"},
		{"video category", "title: A\nconsent:\n  categories:\n    - id: analytics\n      title: Analytics\n      description: Counts.\n  videos:\n    vimeo: videos\n", "site.yaml:8:12: consent.videos.vimeo names \"videos\", which is not one of consent.categories"},
		{"min inflesz", "title: A\nreadability:\n  min_inflesz: 120\n", "site.yaml:3:16: min_inflesz must be between 0 and 100"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, list := Parse([]byte(tt.yaml))
			if cfg != nil || !list.HasErrors() {
				t.Fatalf("Parse accepted %q", tt.yaml)
			}
			if got := list.String(); !strings.Contains(got, tt.want) {
				t.Errorf("diagnostics %q do not contain %q", got, tt.want)
			}
		})
	}
}

func TestLanguages(t *testing.T) {
	cfg, list := Parse([]byte("title: A\nlanguages:\n  - code: en-GB\n    name: English\n  - code: pt-BR\n    name: Português\n    title: Biblioteca\n"))
	if list.HasErrors() {
		t.Fatal(list)
	}
	if cfg.Language != "en-GB" {
		t.Errorf("Language = %q, want the first of languages", cfg.Language)
	}
	var got []string
	for _, l := range cfg.Languages {
		got = append(got, l.Code+" "+l.Name+" "+l.Title+" ["+l.Prefix()+"]")
	}
	want := []string{"en-GB English  []", "pt-BR Português Biblioteca [pt-br/]"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("languages %q, want %q", got, want)
	}
	if l, ok := cfg.Lang("PT-br"); !ok || l.Code != "pt-BR" {
		t.Errorf("Lang(PT-br) = %v, %v", l, ok)
	}
	one, _ := Parse([]byte("title: A\nlanguage: de\n"))
	if len(one.Languages) != 1 || one.Languages[0].Code != "de" || one.Languages[0].Prefix() != "" {
		t.Errorf("a site in one language: %+v", one.Languages)
	}
}

func TestBaseURL(t *testing.T) {
	cfg, list := Parse([]byte("title: A\nbase_url: https://clinic.example/library\n"))
	if len(list) > 0 {
		t.Fatal(list)
	}
	if cfg.BasePath() != "/library/" || cfg.BaseURL != "https://clinic.example/library/" {
		t.Errorf("base = %q %q", cfg.BaseURL, cfg.BasePath())
	}
	if err := cfg.SetBaseURL("https://example.org/x"); err != nil || cfg.BasePath() != "/x/" {
		t.Errorf("SetBaseURL: %v %q", err, cfg.BasePath())
	}
	if err := cfg.SetBaseURL("example.org"); err == nil {
		t.Error("SetBaseURL accepted a relative address")
	}
}

func TestVideoCategories(t *testing.T) {
	cfg, list := Parse([]byte("title: A\nconsent:\n  categories:\n    - id: analytics\n      title: Analytics\n      description: Counts.\n  videos:\n    youtube: analytics\n"))
	if list.HasErrors() {
		t.Fatal(list)
	}
	got := cfg.Consent.VideoCategories()
	if got["youtube"] != "analytics" || got["vimeo"] != DefaultVideoCategory {
		t.Errorf("video categories %v, want youtube analytics and vimeo %s", got, DefaultVideoCategory)
	}
	if !cfg.Consent.HasCategory("analytics") || cfg.Consent.HasCategory("marketing") {
		t.Error("HasCategory does not tell the configured categories")
	}
}
