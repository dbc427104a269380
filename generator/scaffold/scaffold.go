// Package scaffold writes new things for an editor: a whole new site
// (`handout init`) or a new article, glossary term or page (`handout
// new`), each with front matter filled in so the editor starts from a file
// that already builds.
package scaffold

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/handout-health/handout/generator/config"
	"github.com/handout-health/handout/generator/content"
	"github.com/handout-health/handout/generator/internal/slug"
)

// The placeholders new documents hold where only the editor can say what
// is true: check reports each as an error (rule placeholder) until it is
// replaced.
const (
	// ReviewerPlaceholder is the reviewed_by of a new article.
	ReviewerPlaceholder = "Your reviewer's name"
	// SourceTitlePlaceholder and SourceURLPlaceholder are a new
	// article's one source.
	SourceTitlePlaceholder = "Name of a public health source"
	SourceURLPlaceholder   = "https://example.org/"
)

// Kinds are the kinds `handout new` makes, with their folders.
var Kinds = map[string]content.Kind{"article": content.Article, "term": content.Term, "page": content.Page}

// New writes a new document of kind titled title into the site at dir and
// returns the file's path. The article's section headings come from the
// site's schema. It refuses to overwrite a file.
func New(dir, kind, title string, today time.Time) (string, error) {
	k, ok := Kinds[kind]
	if !ok {
		return "", fmt.Errorf("cannot make a %q: choose article, term or page", kind)
	}
	title = strings.TrimSpace(title)
	name := slug.Make(title)
	if name == "" {
		return "", fmt.Errorf("the title %q has no letters or digits to name the file after", title)
	}
	schema := config.DefaultSections()
	if data, err := os.ReadFile(filepath.Join(dir, config.FileName)); err == nil {
		if cfg, _ := config.Parse(data); cfg != nil {
			schema = cfg.Sections
		}
	}
	file := filepath.Join(dir, filepath.FromSlash(content.Folders[k]), name+".md")
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return "", err
	}
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, os.ErrExist) {
		return "", fmt.Errorf("%s already exists", file)
	}
	if err != nil {
		return "", err
	}
	_, err = f.WriteString(document(k, title, schema, today))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return file, err
}

func document(k content.Kind, title string, schema []config.Section, today time.Time) string {
	var b strings.Builder
	quoted := fmt.Sprintf("%q", title)
	switch k {
	case content.Term:
		fmt.Fprintf(&b, "---\nterm: %s\nsynonyms: []\n---\n", quoted)
		b.WriteString("Write the definition here: one plain sentence of fewer than 25 words. It is shown when a reader hovers over or taps the word.\n")
	case content.Page:
		fmt.Fprintf(&b, "---\ntitle: %s\nsummary: One plain sentence about this page.\n---\n", quoted)
		b.WriteString("Write the page here.\n")
	default:
		fmt.Fprintf(&b, "---\ntitle: %s\n", quoted)
		b.WriteString("summary: One or two plain sentences that say what this is. They are shown in search results and in the glossary.\n")
		b.WriteString("synonyms: []\ntags: []\n")
		fmt.Fprintf(&b, "reviewed_by: %q\n", ReviewerPlaceholder)
		fmt.Fprintf(&b, "last_reviewed: %s\n", today.Format("2006-01-02"))
		fmt.Fprintf(&b, "sources:\n  - title: %q\n    url: %s\ndraft: true\n---\n", SourceTitlePlaceholder, SourceURLPlaceholder)
		b.WriteString("Start with 1 or 2 short lines that say why this matters to the reader.\n")
		b.WriteString(pictureComment)
		for _, s := range schema {
			// The heading the schema accepts first; the page shows the
			// section's title for it.
			fmt.Fprintf(&b, "\n## %s\n\n", s.Headings[0])
			if s.ID == "risk" {
				b.WriteString("Say what can go wrong, and when to talk to a clinician.\n")
				b.WriteString(calloutComment)
			} else {
				b.WriteString("Write this part in short, plain words.\n")
			}
		}
	}
	return b.String()
}

// pictureComment shows an editor how to add the picture that check asks
// of every article (rule figure-missing), which only the editor can give.
const pictureComment = `
<!-- Add a picture that helps readers understand: put the file in
static/images/ and describe what it shows, with a caption in quotes:

![A drawing of clean hands under a tap](/images/hand-washing.svg "Rub for 20 seconds")

Delete this comment when you are done. -->
`

// calloutComment shows an editor how to write a callout, in an HTML
// comment that the page never shows and check never reads.
const calloutComment = `
<!-- A box that tells the reader when to get help. Start each of its lines with >:

> [!URGENT] Call your clinician the same day if
> - the pain gets worse

The kinds are [!NOTE], [!TIP], [!IMPORTANT], [!WARNING], [!CAUTION],
[!URGENT] (get advice soon) and [!EMERGENCY] (get help now: it shows the
number of contacts.emergency in site.yaml). Delete this comment when you
are done. -->
`

// Init writes a new site into dir, which must be empty or absent: a
// site.yaml, an example article with a glossary term and an about page.
// The article and the term are drafts: the article names no reviewer
// yet (ReviewerPlaceholder), and no page may say it was reviewed until
// a clinician has; the term is used by the article only. Without
// --drafts, the new site builds and passes check --strict.
func Init(dir string, today time.Time) error {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s is not empty: choose a new folder", dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	files := map[string]string{
		config.FileName: "# handout site configuration: see the README for every key.\n" +
			"title: My clinic's patient library\n" +
			"description: Plain-language health information, reviewed by our clinicians.\n" +
			"# Your library's address, and where readers report a mistake.\n" +
			"base_url: https://clinic.example/\n" +
			"feedback_url: mailto:library@clinic.example\n" +
			"language: en\n" + initSections,
		"content/articles/hand-washing.md": exampleArticle(today),
		"content/glossary/germ.md":         "---\nterm: Germ\nsynonyms: [germs, microbe]\ndraft: true\n---\nA germ is a tiny living thing, such as a virus or bacterium, that can make you ill.\n",
		"content/pages/about.md":           "---\ntitle: About this library\nsummary: Who writes these pages and how we check them.\n---\nOur clinicians write and review every page. Each page says when it was last reviewed and when its next review is due.\n",
		"static/images/hand-washing.svg":   handWashingSVG,
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// initSections is the article sections of a new site: SPEC's schema,
// with the headings readers see (check's section-titles rule asks for
// words that say what a section holds).
const initSections = `# The sections of every article, in order: the heading an article is
# written with, and the title readers see.
sections:
  - {id: context, headings: [Context], title: What it is, required: true}
  - {id: significance, headings: [Significance], title: Why it matters}
  - {id: mechanism, headings: [Mechanism], title: How it works, required: true}
  - {id: application, headings: [Application], title: What you can do, required: true}
  - {id: metric, headings: [Metric, Metrics], title: How it is measured, required: true}
  - {id: risk, headings: [Risk, Risks], title: When to get help, required: true}
`

// handWashingSVG is the example article's picture: a simple drawing, so
// that a new site shows how an article carries one.
const handWashingSVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 480 300" font-family="system-ui, sans-serif" font-size="22" fill="#1a1a1a">
  <title>Hands rubbed together under a tap for 20 seconds</title>
  <rect width="480" height="300" rx="14" fill="#ffffff"/>
  <path d="M150 30h120v30h-40v30h-40V60h-40z" fill="#6b7280"/>
  <path d="M214 96c-6 14-6 26 0 36M226 100c4 14 4 26-2 40" stroke="#2563eb" stroke-width="4" fill="none"/>
  <ellipse cx="200" cy="190" rx="70" ry="34" fill="#f3c9a8" stroke="#7c4a2d" stroke-width="3"/>
  <ellipse cx="236" cy="206" rx="70" ry="34" fill="#e8b48f" stroke="#7c4a2d" stroke-width="3"/>
  <circle cx="170" cy="160" r="9" fill="#dbeafe" stroke="#2563eb" stroke-width="2"/>
  <circle cx="268" cy="176" r="7" fill="#dbeafe" stroke="#2563eb" stroke-width="2"/>
  <circle cx="380" cy="150" r="58" fill="none" stroke="#1a1a1a" stroke-width="4"/>
  <path d="M380 150V106M380 150l30 18" stroke="#1a1a1a" stroke-width="4"/>
  <text x="380" y="240" text-anchor="middle" font-weight="700">20 seconds</text>
</svg>
`

func exampleArticle(today time.Time) string {
	return `---
title: Hand washing
summary: Washing your hands with soap and water is one of the best ways to stop germs from spreading.
synonyms: [handwashing, hand hygiene]
tags: [everyday health]
reviewed_by: "` + ReviewerPlaceholder + `"
last_reviewed: ` + today.Format("2006-01-02") + `
sources:
  - title: "CDC: Clean Hands"
    url: https://www.cdc.gov/clean-hands/
draft: true
---
Clean hands help keep you and the people around you well.

![Two soapy hands rubbed together under a tap, beside a clock that shows 20 seconds](/images/hand-washing.svg "Rub your hands together with soap for 20 seconds")

## Context

We touch our eyes, nose and mouth many times a day. Germs on our hands can get into the body this way.

## Significance

Washing hands well can stop many colds and stomach bugs from spreading.

## Mechanism

Soap lifts germs and dirt off the skin. Rinsing with water washes them away.

## Application

Wet your hands, add soap, and rub all over for at least 20 seconds. Rinse, then dry with a clean towel.

## Metric

A good wash takes about as long as humming "Happy Birthday" twice.

## Risk

Washing very often can dry the skin. Use a moisturiser, and talk to your clinician if your skin cracks or bleeds.
`
}
