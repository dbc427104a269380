package robustness

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"maps"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/handout-health/handout/generator/internal/fuzzcheck"
	"github.com/handout-health/handout/generator/output"
	"github.com/handout-health/handout/generator/site"
)

// buildDate fixes review judgements, so results do not depend on the day.
var buildDate = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

// baseSite is a small valid site: every test changes one thing in it.
func baseSite() map[string]string {
	return map[string]string{
		"site.yaml": "title: Riverside library\nbase_url: https://clinic.example/library/\nfeedback_url: mailto:library@clinic.example\n",
		"content/articles/sleep.md": `---
title: Sleep
summary: Why rest matters.
synonyms: [rest]
tags: [wellbeing]
reviewed_by: A. Clinician
last_reviewed: 2026-01-10
sources:
  - title: Sleep study
    url: https://evidence.example/sleep
---
Sleep helps the body. Serotonin plays a part; see [[Mood]].

## Context

Most adults need seven hours.

## Mechanism

The brain clears waste at night.

## Application

Keep a steady bed time.

## Metrics

Hours slept.

## Risks

Too little sleep harms mood.
`,
		"content/articles/mood.md": `---
title: Mood
summary: How you feel day to day.
tags: [wellbeing]
reviewed_by: A. Clinician
last_reviewed: 2026-01-10
sources:
  - title: Mood study
    url: https://evidence.example/mood
---
Mood changes with [[Sleep]].
`,
		"content/glossary/serotonin.md": "---\nterm: Serotonin\nsynonyms: [5-HT]\n---\nA chemical messenger in the brain.\n",
		"content/pages/about.md":        "---\ntitle: About\nsummary: Who we are.\n---\nWe are a clinic.\n",
	}
}

// mapFS turns a site's files into a file system.
func mapFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

// with returns a copy of files with the given files replaced.
func with(files map[string]string, changes ...string) map[string]string {
	out := maps.Clone(files)
	for i := 0; i+1 < len(changes); i += 2 {
		out[changes[i]] = changes[i+1]
	}
	return out
}

// buildMemory builds a site into memory.
func buildMemory(t testing.TB, files map[string]string) (*output.Memory, site.Result, error) {
	t.Helper()
	mem := output.NewMemory()
	res, err := site.Build(mapFS(files), site.Options{Writer: mem, Now: buildDate, Version: "test"})
	if err != nil && !errors.Is(err, site.ErrFailed) {
		t.Fatalf("build returned an error that is not a content failure: %v", err)
	}
	return mem, res, err
}

var (
	// The theme's own scripts: fingerprinted files under assets/, and the
	// JSON data blocks (JSON-LD, the consent settings).
	themeScript = regexp.MustCompile(`^<script (?:src="/library/assets/[a-z0-9.-]+\.js"(?: defer)?|type="application/(?:ld\+)?json"(?: id="[a-z-]+")?(?: data-path="/library/")?)>$`)
	// dataBlock is a script element that holds data, never run.
	dataBlock = regexp.MustCompile(`(?s)<script type="application/(?:ld\+)?json"[^>]*>(.*?)</script>`)
)

// unsafeOutput returns every way in which a built site could run a script
// nobody wrote into the theme: a script element that is not the theme's,
// JSON-LD that is not JSON, an event-handler attribute, an address that
// runs code; and feeds, sitemaps and JSON that do not parse.
func unsafeOutput(mem *output.Memory) []string {
	var problems []string
	for _, name := range mem.Names() {
		data, _ := mem.File(name)
		switch {
		case strings.HasSuffix(name, ".html"):
			for _, tag := range fuzzcheck.Tags(string(data)) {
				if tag.Name == "script" && !themeScript.MatchString(tag.Raw) {
					problems = append(problems, fmt.Sprintf("%s: script element %s", name, tag.Raw))
				}
			}
			for _, m := range dataBlock.FindAllSubmatch(data, -1) {
				if !json.Valid(m[1]) {
					problems = append(problems, fmt.Sprintf("%s: a JSON data block is not JSON: %s", name, m[1]))
				}
			}
			for _, p := range fuzzcheck.SafeHTML(nil, data) {
				if !strings.Contains(p, "<script>") {
					problems = append(problems, name+": "+p)
				}
			}
		case strings.HasSuffix(name, ".xml"):
			if err := wellFormed(data); err != nil {
				problems = append(problems, fmt.Sprintf("%s: not well-formed XML: %v", name, err))
			}
		case strings.HasSuffix(name, ".json"):
			if !json.Valid(data) {
				problems = append(problems, name+": not JSON")
			}
		}
	}
	return problems
}

func wellFormed(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// shows reports whether a page shows text (as text, escaped as needed).
func shows(mem *output.Memory, name, text string) bool {
	data, ok := mem.File(name)
	return ok && strings.Contains(html.UnescapeString(string(data)), text)
}
