package main

import (
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// overdueSite has one article whose review was due on 2023-01-10 (its
// last review plus the default three years), whatever day the test runs.
var overdueSite = map[string]string{
	"site.yaml":      "title: Test library\nfeedback_url: mailto:library@clinic.example\n" + readerSections,
	"static/bed.svg": `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 30"><rect width="40" height="30"/></svg>`,
	"content/articles/sleep.md": `---
title: Sleep
summary: Sleep helps your body rest.
reviewed_by: "A. Clinician, MD"
last_reviewed: 2020-01-10
sources:
  - title: "Sleep basics"
    url: https://medlineplus.gov/healthysleep.html
---
Sleep is rest for your body and mind.

![A bed in a dark room](/bed.svg)

## Context

You sleep each night.

## Mechanism

Your brain slows down.

## Application

Go to bed at the same time.

## Metric

Most adults need 7 to 9 hours a night.

## Risk

Too little sleep can make you tired.
`,
}

// readerSections is SPEC's section schema with titles for readers.
const readerSections = `sections:
  - {id: context, headings: [Context], title: What it is, required: true}
  - {id: significance, headings: [Significance], title: Why it matters}
  - {id: mechanism, headings: [Mechanism], title: How it works, required: true}
  - {id: application, headings: [Application], title: What you can do, required: true}
  - {id: metric, headings: [Metric], title: How it is measured, required: true}
  - {id: risk, headings: [Risk], title: When to get help, required: true}
`

const overdueMessage = "content/articles/sleep.md:5:1: warning: review overdue: the next review was due on 2023-01-10"

func TestCheckOverdueExitStatus(t *testing.T) {
	dir := writeSite(t, overdueSite)

	code, stdout, _ := runHandout(t, "check", "-s", dir)
	if code != 0 || !strings.Contains(stdout, overdueMessage) {
		t.Errorf("without --strict: exit %d, want 0, and the overdue date in:\n%s", code, stdout)
	}
	if !strings.Contains(stdout, "Check passed: 0 errors, 1 warning.") {
		t.Errorf("no summary line in:\n%s", stdout)
	}

	code, stdout, _ = runHandout(t, "check", "-s", dir, "--strict")
	if code != 1 || !strings.Contains(stdout, strings.Replace(overdueMessage, "warning: ", "", 1)) {
		t.Errorf("--strict: exit %d, want 1, and the overdue date as an error in:\n%s", code, stdout)
	}

	code, stdout, stderr := runHandout(t, "check", "-s", dir, "--strict", "--format", "json")
	if code != 1 {
		t.Errorf("--strict --format json: exit %d, want 1", code)
	}
	var report struct {
		Diagnostics []struct{ Severity, Rule, Message string }
	}
	if err := json.Unmarshal([]byte(stdout), &report); err != nil {
		t.Fatalf("--format json is not JSON: %v\n%s", err, stdout)
	}
	if len(report.Diagnostics) != 1 || report.Diagnostics[0].Rule != "review-overdue" || report.Diagnostics[0].Severity != "error" ||
		!strings.Contains(report.Diagnostics[0].Message, "2023-01-10") {
		t.Errorf("JSON diagnostics: %+v", report.Diagnostics)
	}
	if !strings.Contains(stderr, "2023-01-10") {
		t.Errorf("with JSON on stdout the error still goes to stderr; stderr:\n%s", stderr)
	}

	// On the day before it was due, the review is not overdue but due
	// within review.warn_days.
	code, stdout, _ = runHandout(t, "check", "-s", dir, "--date", "2023-01-09")
	if code != 0 || !strings.Contains(stdout, "review due on 2023-01-10, in 1 day") {
		t.Errorf("--date 2023-01-09: exit %d:\n%s", code, stdout)
	}
}

func TestCheckHTMLReport(t *testing.T) {
	dir := writeSite(t, overdueSite)
	out := filepath.Join(t.TempDir(), "report.html")
	code, stdout, stderr := runHandout(t, "check", "-s", dir, "--format", "html", "-o", out)
	if code != 0 || stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	page, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<!doctype html>", `<svg id="grades-chart"`, `<svg id="review-calendar"`, "2023-01-10", "Content-Security-Policy"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the HTML report lacks %q", want)
		}
	}
}

func TestCheckUsageErrors(t *testing.T) {
	dir := writeSite(t, overdueSite)
	for _, args := range [][]string{
		{"check", "-s", dir, "--format", "xml"},
		{"check", "-s", dir, "extra"},
		{"check", "-s", dir, "--date", "10/01/2026"},
		{"check", "-s", filepath.Join(dir, "missing")},
		{"check", "--no-such-flag"},
	} {
		if code, _, stderr := runHandout(t, args...); code != 2 || stderr == "" {
			t.Errorf("%v: exit %d, want 2 with a message; stderr %q", args, code, stderr)
		}
	}
}

// TestCheckSampleLibraryStrict is the sample library's promise: it passes
// `handout check --strict`. The date is fixed so that the test does not
// start failing when the library's reviews fall due; the sample's
// earliest next review is 2027-11-12.
func TestCheckSampleLibraryStrict(t *testing.T) {
	code, stdout, stderr := runHandout(t, "check", "-s", repoRoot(t), "--strict", "--date", "2026-11-26")
	if code != 0 {
		t.Errorf("the sample library fails check --strict (exit %d):\n%s%s", code, stdout, stderr)
	}
}

// TestCheckStaleTranslationExitStatus checks a Spanish translation reviewed
// before its English source was: a warning, and a failure with --strict.
func TestCheckStaleTranslationExitStatus(t *testing.T) {
	site := map[string]string{
		"site.yaml":                 "title: Test library\nfeedback_url: mailto:library@clinic.example\nlanguages:\n  - code: en\n    name: English\n  - code: es\n    name: Español\n",
		"content/articles/sleep.md": strings.Replace(overdueSite["content/articles/sleep.md"], "last_reviewed: 2020-01-10", "last_reviewed: 2026-10-01", 1),
		"static/bed.svg":            overdueSite["static/bed.svg"],
		"content/articles/sleep.es.md": `---
title: Sueño
summary: Dormir ayuda a que su cuerpo descanse.
reviewed_by: "A. Clinician, MD"
last_reviewed: 2026-09-01
sources:
  - title: "Sueño saludable"
    url: https://medlineplus.gov/spanish/healthysleep.html
---
Dormir es descanso para el cuerpo y la mente.

## Contexto

Usted duerme cada noche.

## Mecanismo

Su cerebro va más despacio.

## Aplicación

Acuéstese a la misma hora.

## Medición

Casi todos los adultos necesitan dormir de siete a nueve horas.

## Riesgos

Dormir poco puede cansarle.
`,
	}
	dir := writeSite(t, site)
	const stale = "content/articles/sleep.es.md:5:1: warning: stale translation: reviewed 2026-09-01, but its source content/articles/sleep.md was reviewed 2026-10-01"
	code, stdout, _ := runHandout(t, "check", "-s", dir, "--date", "2026-11-26")
	if code != 0 || !strings.Contains(stdout, stale) {
		t.Errorf("without --strict: exit %d, want 0, and the stale translation in:\n%s", code, stdout)
	}
	code, stdout, _ = runHandout(t, "check", "-s", dir, "--date", "2026-11-26", "--strict")
	if code != 1 || !strings.Contains(stdout, strings.Replace(stale, "warning: ", "", 1)) {
		t.Errorf("--strict: exit %d, want 1, and the stale translation as an error in:\n%s", code, stdout)
	}
}

// TestCheckRefusesHostileConfig: a base_url that browsers read as another
// site's address, a cookie pattern that deletes the consent record, and
// front matter with a YAML alias fail `check` (exit 1) at their line and
// column; so does --base-url with the same address on `build`.
func TestCheckRefusesHostileConfig(t *testing.T) {
	consent := "consent:\n  categories:\n    - id: analytics\n      title: Analytics\n      description: Counting visits.\n      cookies: [\"*\"]\n"
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"base_url with //", map[string]string{"site.yaml": "title: Test library\nbase_url: https://clinic.example//evil.example/\n"},
			`site.yaml:2:11: base_url "https://clinic.example//evil.example/": the path has an empty folder (//)`},
		{"every cookie", map[string]string{"site.yaml": "title: Test library\n" + consent},
			`site.yaml:7:17: cookie pattern "*" would delete every cookie, the consent record handout_consent with them`},
		{"alias in front matter", map[string]string{"content/pages/about.md": "---\ntitle: &t About\nsummary: *t\n---\nWho we are.\n"},
			"content/pages/about.md:2:8: a YAML anchor (&t) is not supported"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := maps.Clone(overdueSite)
			maps.Copy(files, tt.files)
			code, stdout, stderr := runHandout(t, "check", "-s", writeSite(t, files))
			if code != 1 || !strings.Contains(stdout+stderr, tt.want) {
				t.Errorf("exit %d, want 1, and %q in:\n%s%s", code, tt.want, stdout, stderr)
			}
		})
	}
	dir := writeSite(t, overdueSite)
	code, stdout, stderr := runHandout(t, "build", "-s", dir, "-d", t.TempDir(), "--base-url", "https://clinic.example//evil.example/")
	if want := `site.yaml:1:1: --base-url: "https://clinic.example//evil.example/": the path has an empty folder (//)`; code != 1 || !strings.Contains(stderr, want) {
		t.Errorf("build --base-url: exit %d, want 1, and %q in:\n%s%s", code, want, stdout, stderr)
	}
}
