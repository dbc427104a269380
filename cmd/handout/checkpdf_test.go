package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckLeafletPages: check --pdf prints each article's leaflet and
// reports the one longer than print.max_pages at its file, as a warning
// (an error with --strict), with every article's page count in the JSON
// report; build --pdf afterwards finds every leaflet in the cache that
// check filled, and prints nothing again.
func TestCheckLeafletPages(t *testing.T) {
	requireChromium(t)
	long := strings.Repeat("Sleep helps your body and brain rest. Go to bed at the same time each night.\n\n", 60)
	site := writeSite(t, map[string]string{
		"site.yaml": "title: Clinic\nbase_url: https://clinic.example/\nprint:\n  paper: A4\n  max_pages: 1\n" +
			"sections:\n  - id: context\n    title: Context\n    headings: [Context]\n",
		"content/articles/long.md":  "---\ntitle: A long article\nsummary: Rest well.\n---\n" + long,
		"content/articles/short.md": "---\ntitle: A short article\nsummary: Rest well.\n---\nSleep well.\n",
	})
	report := checkJSON(t, site, "--pdf")
	pages := map[string]int{}
	for _, a := range report.Articles {
		pages[filepath.Base(a.Path)] = a.PrintPages
	}
	if pages["short.md"] != 1 || pages["long.md"] < 2 {
		t.Errorf("print_pages %v, want the short article on 1 page and the long one on more", pages)
	}
	for _, strict := range []bool{false, true} {
		args, severity := []string{"--pdf"}, "warning"
		if strict {
			args, severity = append(args, "--strict"), "error"
		}
		var found []string
		for _, d := range checkJSON(t, site, args...).Diagnostics {
			if d.Rule != "print-pages" {
				continue
			}
			found = append(found, d.Path)
			if d.Path != "content/articles/long.md" || d.Line != 1 || d.Col != 1 || d.Severity != severity ||
				!strings.Contains(d.Message, "pages of A4, more than print.max_pages (1)") {
				t.Errorf("%v: print-pages finding %+v, want a %s", args, d, severity)
			}
		}
		if len(found) != 1 {
			t.Errorf("%v: print-pages findings on %v, want the long article only", args, found)
		}
	}
	if report := checkJSON(t, site); len(report.Articles) != 2 || report.Articles[0].PrintPages != 0 {
		t.Errorf("check without --pdf reports print_pages %d, want 0 (nothing printed)", report.Articles[0].PrintPages)
	}
	code, stdout, stderr := runHandout(t, "build", site, "--pdf")
	if code != 0 || !strings.Contains(stdout, "Printed 0 PDF leaflets (4 unchanged, from the cache)") {
		t.Errorf("build --pdf after check --pdf: exit %d\n%s%s\nwant every leaflet from check's cache", code, stdout, stderr)
	}
}

// checkReport is what TestCheckLeafletPages reads of check's JSON report.
type checkReport struct {
	Articles []struct {
		Path       string `json:"path"`
		PrintPages int    `json:"print_pages"`
	} `json:"articles"`
	Diagnostics []struct {
		Path, Rule, Severity, Message string
		Line, Col                     int
	} `json:"diagnostics"`
}

// checkJSON runs handout check on site with args and reads its JSON
// report.
func checkJSON(t *testing.T, site string, args ...string) checkReport {
	t.Helper()
	_, stdout, stderr := runHandout(t, append([]string{"check", site, "--format", "json"}, args...)...)
	var report checkReport
	if err := json.Unmarshal([]byte(stdout), &report); err != nil {
		t.Fatalf("check %v: %v\n%s", args, err, stderr)
	}
	return report
}
