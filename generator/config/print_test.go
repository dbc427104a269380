package config

import (
	"strings"
	"testing"
)

// TestPrintSettings reads print.paper and print.max_pages: the defaults,
// a paper in any case, and each bad value as one located error.
func TestPrintSettings(t *testing.T) {
	for _, tt := range []struct {
		yaml      string
		paper     string
		maxPages  int
		wantError string
	}{
		{yaml: "title: A\n", paper: PaperA4, maxPages: 4},
		{yaml: "title: A\nprint:\n  paper: letter\n  max_pages: 2\n", paper: PaperLetter, maxPages: 2},
		{yaml: "title: A\nprint:\n  paper: A4\n", paper: PaperA4, maxPages: 4},
		{yaml: "title: A\nprint:\n  paper: A5\n", wantError: `site.yaml:3:10: print.paper "A5" is not a paper handout prints on: write A4 or Letter`},
		{yaml: "title: A\nprint:\n  max_pages: -1\n", wantError: "site.yaml:3:14: print.max_pages must be a number of pages above 0"},
		{yaml: "title: A\nprint:\n  pages: 3\n", wantError: `site.yaml:3:3: unknown key "pages" in print (known keys: paper, max_pages)`},
	} {
		cfg, list := Parse([]byte(tt.yaml))
		if tt.wantError != "" {
			if got := list.String(); cfg != nil || !strings.Contains(got, tt.wantError) {
				t.Errorf("%q: diagnostics %q, want %q", tt.yaml, got, tt.wantError)
			}
			continue
		}
		if len(list) > 0 {
			t.Fatalf("%q: %v", tt.yaml, list)
		}
		if cfg.Print.Paper != tt.paper || cfg.Print.MaxPages != tt.maxPages {
			t.Errorf("%q: print = %+v, want paper %s and max_pages %d", tt.yaml, cfg.Print, tt.paper, tt.maxPages)
		}
	}
}
