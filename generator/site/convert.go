package site

import (
	"slices"

	"github.com/handout-health/handout/generator/config"
	"github.com/handout-health/handout/generator/content"
	"github.com/handout-health/handout/generator/glossary"
	"github.com/handout-health/handout/generator/internal/parallel"
	"github.com/handout-health/handout/generator/markdown"
	"github.com/handout-health/handout/generator/markdown/glossterm"
	"github.com/handout-health/handout/generator/markdown/sections"
)

func (s *Site) env(d *Doc, matcher *glossary.Matcher) markdown.Env {
	e := markdown.Env{Path: d.Path, BasePath: s.Config.BasePath(), Resolver: s.Names, Self: d.Path,
		Text: s.words, Contacts: markdown.Contacts(s.Config.ContactsIn(s.Language)), Images: s.root.images,
		VideoCategories: s.Config.Consent.VideoCategories()}
	if matcher != nil {
		e.Glossary = matcher
	}
	return e
}

// convert converts docs (nil: every document) and returns those it
// converted. Terms and pages go first: the terms' definitions feed the
// glossary that articles are then linked against. Only articles get
// glossary links (SPEC "Links"). When a term's definition or an article's
// summary changes, every article that linked it is converted again, since
// the links carry the definition.
func (s *Site) convert(docs []*Doc) []*Doc {
	all := docs == nil
	if all {
		docs = s.All()
	}
	s.mode.converting(s, docs, all)
	var first, articles []*Doc
	for _, d := range docs {
		if d.Kind == content.Article {
			articles = append(articles, d)
		} else {
			first = append(first, d)
		}
	}
	parallel.For(len(first), func(i int) { s.convertOne(first[i], nil) })
	changed := s.definitionsChanged(first, articles)
	// A term's search entry shows its definition, known only now.
	parallel.For(len(first), func(i int) { s.mode.indexed(s, first[i]) })
	if s.Glossary == nil || all || len(changed) > 0 {
		s.Glossary = s.newMatcher()
	}
	s.listings.definitions = len(changed) > 0
	if !all {
		articles = append(articles, s.linking(changed, articles)...)
	}
	parallel.For(len(articles), func(i int) {
		a := articles[i]
		s.convertOne(a, s.Glossary)
		a.linkedSummary = a.Summary
		s.mode.indexed(s, a)
	})
	s.mode.convertedAll(s)
	return append(first, articles...)
}

// definitionsChanged sets each converted term's definition (its first
// paragraph) and returns the glossary entries whose definition changed:
// those terms, and the articles whose summary is not the one their
// glossary links last carried.
func (s *Site) definitionsChanged(first, articles []*Doc) map[string]bool {
	changed := map[string]bool{}
	for _, t := range first {
		if t.Kind == content.Term {
			def := firstParagraph(t.Result)
			if def != t.Definition {
				changed[t.Path] = true
			}
			t.Definition = def
		}
	}
	for _, a := range articles {
		if a.linkedSummary != a.Summary {
			changed[a.Path] = true
		}
	}
	return changed
}

// linking returns the articles, besides queued, that link one of the
// glossary entries whose definitions changed.
func (s *Site) linking(changed map[string]bool, queued []*Doc) []*Doc {
	if len(changed) == 0 {
		return nil
	}
	isQueued := map[*Doc]bool{}
	for _, a := range queued {
		isQueued[a] = true
	}
	var out []*Doc
	for _, a := range s.Articles {
		if !isQueued[a] && slices.ContainsFunc(a.Result.Terms, func(id string) bool { return changed[id] }) {
			out = append(out, a)
		}
	}
	return out
}

// convertOne converts d's Markdown with glossary links from matcher (nil:
// none), and forgets what was found in its last conversion.
func (s *Site) convertOne(d *Doc, matcher *glossary.Matcher) {
	d.Body = s.mode.body(d)
	d.Result = s.conv.Convert(d.Body, s.env(d, matcher))
	d.consentChecked, d.searchDoc, d.problemsFound = false, nil, false
	d.shows = d.shows[:0]
	for _, im := range d.Result.Images {
		if len(im.Variants) > 0 && !slices.Contains(d.shows, im.Path) {
			d.shows = append(d.shows, im.Path)
		}
	}
	s.mode.converted(s, d)
}

// newMatcher indexes every glossary entry: the terms, with their
// definitions, and the articles, with their summaries.
func (s *Site) newMatcher() *glossary.Matcher {
	var entries []*glossary.Entry
	for _, d := range slices.Concat(s.Terms, s.Articles) {
		def := d.Summary
		if d.Kind == content.Term {
			def = d.Definition
		}
		entries = append(entries, &glossary.Entry{
			Entry: glossterm.Entry{ID: d.Path, URL: s.Config.BasePath() + d.URL(), Definition: def},
			Names: d.Names(),
		})
	}
	return glossary.NewMatcher(entries)
}

func schema(cfg *config.Config) []sections.Spec {
	out := make([]sections.Spec, len(cfg.Sections))
	for i, sec := range cfg.Sections {
		out[i] = sections.Spec{ID: sec.ID, Title: sec.Title, Headings: sec.Headings}
	}
	return out
}

func firstParagraph(r markdown.Result) string {
	for _, b := range r.Blocks {
		if b.Kind == markdown.Paragraph {
			return b.Text
		}
	}
	return ""
}
