package site

import (
	"encoding/json"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// reviewSite has a current article and an overdue one, in French, with a
// feedback address: what the review block, the JSON-LD and the feedback
// link are made from.
func reviewSite() fstest.MapFS {
	body := "Le sommeil repose le corps.\n\n## Context\n\nTexte.\n\n## Mechanism\n\nTexte.\n\n## Application\n\nTexte.\n\n## Metric\n\nTexte.\n\n## Risk\n\nTexte.\n"
	return fstest.MapFS{
		"site.yaml": {Data: []byte("title: Bibliothèque santé\nbase_url: https://clinic.example/library/\nlanguage: fr\nfeedback_url: mailto:library@clinic.example?subject=Feedback\n")},
		"content/articles/sleep.md": {Data: []byte(`---
title: Sleep
summary: Sleep is rest for the body & mind.
synonyms: [slumber, rest]
tags: [sleep]
reviewed_by: "Dr. Amara Okafor, MD"
last_reviewed: 2026-09-01
next_review: 2028-09-14
sources:
  - title: "Brain Basics: Understanding Sleep (NINDS)"
    url: https://www.ninds.nih.gov/sleep
  - title: "Sleep <and> health"
    url: https://example.org/sleep?a=1&b=2
---
` + body)},
		"content/articles/naps.md": {Data: []byte(`---
title: Naps
summary: Short sleeps in the day.
reviewed_by: "B. Clinician"
last_reviewed: 2022-01-01
next_review: 2024-01-01
sources:
  - title: "Naps"
    url: https://example.org/naps
---
` + body)},
		"content/articles/unreviewed.md": {Data: []byte("---\ntitle: Unreviewed\nsummary: Not yet reviewed.\n---\n" + body)},
	}
}

var jsonLDScript = regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)

// pageJSONLD returns the one JSON-LD object of a page, decoded.
func pageJSONLD(t *testing.T, page string) map[string]any {
	t.Helper()
	m := jsonLDScript.FindAllStringSubmatch(page, -1)
	if len(m) != 1 {
		t.Fatalf("want one JSON-LD script, found %d", len(m))
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(m[0][1]), &doc); err != nil {
		t.Fatalf("JSON-LD does not parse: %v\n%s", err, m[0][1])
	}
	return doc
}

// TestArticleJSONLD parses the MedicalWebPage JSON-LD of a built article
// and checks it field by field.
func TestArticleJSONLD(t *testing.T) {
	mem, _ := buildSite(t, reviewSite())
	doc := pageJSONLD(t, file(t, mem, "articles/sleep/index.html"))
	want := map[string]any{
		"@context":     "https://schema.org",
		"@type":        "MedicalWebPage",
		"name":         "Sleep",
		"description":  "Sleep is rest for the body & mind.",
		"url":          "https://clinic.example/library/articles/sleep/",
		"inLanguage":   "fr",
		"lastReviewed": "2026-09-01",
		"dateModified": "2026-09-01",
		"reviewedBy":   map[string]any{"@type": "Person", "name": "Dr. Amara Okafor, MD"},
		"audience":     map[string]any{"@type": "MedicalAudience", "audienceType": "Patient"},
		"about":        map[string]any{"@type": "Thing", "name": "Sleep", "alternateName": []any{"slumber", "rest"}},
		"citation": []any{
			map[string]any{"@type": "CreativeWork", "name": "Brain Basics: Understanding Sleep (NINDS)", "url": "https://www.ninds.nih.gov/sleep"},
			map[string]any{"@type": "CreativeWork", "name": "Sleep <and> health", "url": "https://example.org/sleep?a=1&b=2"},
		},
		"keywords": []any{"sleep"},
		"isPartOf": map[string]any{"@type": "WebSite", "name": "Bibliothèque santé", "url": "https://clinic.example/library/"},
	}
	for key, w := range want {
		if got, ok := doc[key]; !ok {
			t.Errorf("JSON-LD has no %q", key)
		} else if !reflect.DeepEqual(got, w) {
			t.Errorf("JSON-LD %q = %#v, want %#v", key, got, w)
		}
	}
	for key := range doc {
		if _, ok := want[key]; !ok {
			t.Errorf("JSON-LD has an unexpected field %q", key)
		}
	}

	// An article with no review record leaves the review fields out
	// rather than writing empty ones.
	doc = pageJSONLD(t, file(t, mem, "articles/unreviewed/index.html"))
	for _, key := range []string{"lastReviewed", "dateModified", "reviewedBy", "citation"} {
		if _, ok := doc[key]; ok {
			t.Errorf("unreviewed article: JSON-LD has %q = %v", key, doc[key])
		}
	}
}

// TestArticleReviewBlock checks what a reader sees about an article's
// review: who, when (in the site's language), the overdue notice, and
// the feedback link on every article.
func TestArticleReviewBlock(t *testing.T) {
	mem, _ := buildSite(t, reviewSite())
	sleep := file(t, mem, "articles/sleep/index.html")
	for _, want := range []string{
		"<dt>Reviewed by</dt><dd>Dr. Amara Okafor, MD</dd>",
		`<dt>Page last reviewed</dt><dd><time datetime="2026-09-01">1er septembre 2026</time></dd>`,
		`<dt>Next review due</dt><dd><time datetime="2028-09-14">14 septembre 2028</time></dd>`,
	} {
		if !strings.Contains(sleep, want) {
			t.Errorf("sleep: no %s", want)
		}
	}
	if strings.Contains(sleep, "notice--overdue") {
		t.Error("a current article shows the overdue notice")
	}
	naps := file(t, mem, "articles/naps/index.html")
	if !strings.Contains(naps, "notice--overdue") || !strings.Contains(naps, "1er janvier 2024") {
		t.Error("an overdue article has no overdue notice naming its due date")
	}
	for _, page := range []string{"articles/sleep/index.html", "articles/naps/index.html", "articles/unreviewed/index.html"} {
		if !strings.Contains(file(t, mem, page), `<p class="feedback"><a href="mailto:library@clinic.example?subject=Feedback">`) {
			t.Errorf("%s has no feedback link", page)
		}
	}
}
