//go:build linux

package main

import (
	"strings"
	"testing"
	"time"
)

// TestReportRatios checks the printed ratio is handout's median over
// Hugo's, each median taken on its own.
func TestReportRatios(t *testing.T) {
	ms := func(n int) time.Duration { return time.Duration(n) * time.Millisecond }
	tools := []tool{{name: "handout"}, {name: "hugo"}}
	rebuild := map[string][]run{
		"handout": {{ms(300), 40 << 20}, {ms(500), 60 << 20}, {ms(400), 50 << 20}},
		"hugo":    {{ms(1000), 200 << 20}, {ms(1200), 100 << 20}, {ms(900), 150 << 20}},
	}
	first := map[string][]run{
		"handout": {{ms(600), 50 << 20}},
		"hugo":    {{ms(2400), 100 << 20}},
	}
	var b strings.Builder
	report(&b, tools, rebuild, first)
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if len(lines) != 3 {
		t.Fatalf("report has %d lines, want a header and 2 rows:\n%s", len(lines), b.String())
	}
	for i, want := range [][]string{
		{"rebuild", "400ms", "50 MiB", "1s", "150 MiB", "0.40", "0.33"},
		{"first build", "600ms", "50 MiB", "2.4s", "100 MiB", "0.25", "0.50"},
	} {
		row := lines[i+1]
		for _, field := range want {
			if !strings.Contains(row, field) {
				t.Errorf("row %q lacks %q", row, field)
			}
		}
	}
}
