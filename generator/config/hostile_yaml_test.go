package config

import (
	"runtime"
	"strings"
	"testing"
)

// A site.yaml of up to 1 MB built to exhaust the YAML parser, or using
// anchors and aliases, fails at its line and column with a few MB of
// allocation. Before yamlutil.Parse the nested lists ran out of memory and
// `description: *t` was read as the text "*". The time is not asserted;
// it is reported in issue 18's notes.
func TestHostileSiteYAML(t *testing.T) {
	const size = 1<<20 - 64 // within the 1 MB a site.yaml may have
	tests := []struct{ name, yaml, want string }{
		{"anchor and alias", "title: &t Clinic\ndescription: *t\n", "site.yaml:1:8: a YAML anchor (&t) is not supported"},
		{"alias", "title: Clinic\ndescription: *t\n", "site.yaml:2:14: a YAML alias (*t) is not supported"},
		{"merge key", "title: Clinic\nmarkdown:\n  <<: {unsafe: true}\n", "site.yaml:3:3: a YAML merge key (<<) is not supported"},
		{"nested lists", "title: x\ndescription: " + strings.Repeat("[\n", size/2), "site.yaml:21:1: lists and maps nest more than 20 levels"},
		{"nested dashes", "title: x\nsections:\n" + strings.Repeat("- ", size/2), "site.yaml:3:39: lists and maps nest more than 20 levels"},
		{"aliases", "title: x\nsections: [" + strings.Repeat("*s, ", size/4) + "]\n", "site.yaml:2:12: a YAML alias (*s) is not supported"},
		{"many values", "title: x\nsections:\n" + strings.Repeat("- x\n", size/4), "too many keys, values and punctuation marks"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			cfg, list := Parse([]byte(tt.yaml))
			runtime.ReadMemStats(&after)
			if cfg != nil {
				t.Fatalf("Parse accepted it: title %q, description %q", cfg.Title, cfg.Description)
			}
			if got := list.String(); !strings.Contains(got, tt.want) {
				t.Errorf("diagnostics %q do not contain %q", got, tt.want)
			}
			if allocated := after.TotalAlloc - before.TotalAlloc; allocated > 100<<20 {
				t.Errorf("Parse allocated %d MB, want under 100 MB", allocated>>20)
			}
		})
	}
}
