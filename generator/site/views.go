package site

import (
	"cmp"
	"html/template"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/handout-health/handout/generator/config"
	"github.com/handout-health/handout/generator/content"
	"github.com/handout-health/handout/generator/internal/slug"
	"github.com/handout-health/handout/generator/render"
)

// recentCount is how many recently reviewed articles the home page lists.
const recentCount = 5

// pageFor is one page to render, with the theme of its language, and
// where to write it.
type pageFor struct {
	file  string
	theme *render.Theme
	// site is the language's view of the site, which templates see as
	// .Site.
	site *render.Site
	// makeView makes the page's view; page is the view once made. A build
	// makes each document's view only when it renders the page, so that
	// no more views are alive than pages being rendered; a Builder first
	// makes the views of the pages it wrote before, to compare their
	// fingerprints (see Builder.changedPages).
	makeView func() *render.Page
	page     *render.Page
	// fingerprint, when set, is asked for the view's fingerprint as the
	// page is rendered, and print keeps it (see Builder.changedPages).
	fingerprint func(*render.Page) uint64
	print       uint64
}

// view returns p's view, making it if it is not made yet.
func (p *pageFor) view() *render.Page {
	if p.page == nil {
		p.page = p.makeView()
	}
	return p.page
}

// forgetView lets p's view go, when it can be made again.
func (p *pageFor) forgetView() {
	if p.makeView != nil {
		p.page = nil
	}
}

// pages lists every HTML page of the site in its language, to be
// rendered with theme (which also gives the fixed pages' words).
func (s *Site) pages(now time.Time, theme *render.Theme, view *render.Site) []pageFor {
	var out []pageFor
	prefix := s.Language.Prefix()
	add := func(p *render.Page) {
		out = append(out, pageFor{file: fileOf(p.Path), page: s.withShare(p, nil), theme: theme, site: view})
	}
	fixed := func(kind, rel, title, description string) *render.Page {
		return &render.Page{Kind: kind, Title: title, Description: description, Path: prefix + rel, Alternates: s.fixedAlternates(rel)}
	}
	// The listings' views, which list many documents each, are made
	// when rendered too.
	later := func(rel string, makeView func() *render.Page) {
		out = append(out, pageFor{file: fileOf(prefix + rel), makeView: func() *render.Page { return s.withShare(makeView(), nil) }, theme: theme, site: view})
	}
	later("", s.homePage)
	for _, d := range s.All() {
		out = append(out, s.pageOf(d, now, theme, view))
	}
	later("glossary/", func() *render.Page { return s.glossaryPage(theme) })
	later("tags/", func() *render.Page { return s.tagsPage(theme) })
	for _, t := range s.Tags {
		later(tagPath(t.Slug), func() *render.Page {
			p := fixed("tag", tagPath(t.Slug), t.Name, theme.Text("tag.description", t.Name))
			p.Entries = s.entries(t.Articles)
			// A topic is not translated as such: the other languages
			// lead to their topics page.
			p.Alternates = s.fixedAlternates("tags/")
			for i := range p.Alternates {
				p.Alternates[i].Missing = !p.Alternates[i].Current
			}
			return p
		})
	}
	add(fixed("search", "search/", theme.Text("search.title"), theme.Text("search.description")))
	add(fixed("cookies", "cookies/", theme.Text("cookies.title"), theme.Text("cookies.description")))
	notFound := fixed("404", "404.html", theme.Text("notfound.title"), "")
	notFound.NoIndex = true
	add(notFound)
	if len(s.root.Translations) > 0 {
		add(&render.Page{Kind: "untranslated", Title: theme.Text("untranslated.title"), Path: prefix + untranslatedPath, NoIndex: true})
	}
	for _, d := range s.All() {
		for _, alias := range d.Aliases {
			add(&render.Page{Kind: "redirect", Title: d.Title, Path: strings.TrimPrefix(alias, "/"), Target: d.URL(), NoIndex: true})
		}
	}
	return out
}

// fileOf is the file the page at address p is written to.
func fileOf(p string) string {
	if strings.HasSuffix(p, ".html") {
		return p
	}
	return p + "index.html"
}

// pageOf is the page of an article, term or free page, its view made
// when it is rendered.
func (s *Site) pageOf(d *Doc, now time.Time, theme *render.Theme, view *render.Site) pageFor {
	return pageFor{file: fileOf(d.URL()), theme: theme, site: view, makeView: func() *render.Page { return s.withShare(s.docPage(d, now), d) }}
}

// docPage is the page of an article, term or free page.
func (s *Site) docPage(d *Doc, now time.Time) *render.Page {
	switch d.Kind {
	case content.Article:
		return s.articlePage(d, now)
	case content.Term:
		return s.termPage(d)
	}
	return &render.Page{Kind: "page", Title: d.Title, Description: d.Summary, Path: d.URL(), Body: s.body(d), Alternates: s.docAlternates(d)}
}

// body is d's converted HTML (see mode.html).
func (s *Site) body(d *Doc) template.HTML { return template.HTML(s.mode.html(d)) }

// docPages lists the pages of the documents at the given paths, in
// either set: the pages a rebuild of the affected pages renders again.
func (s *Site) docPages(now time.Time, theme *render.Theme, view *render.Site, docs, graph map[string]bool) []pageFor {
	var out []pageFor
	add := func(p string) {
		if d := s.byPath[p]; d != nil {
			out = append(out, s.pageOf(d, now, theme, view))
		}
	}
	for p := range docs {
		add(p)
	}
	for p := range graph {
		if !docs[p] {
			add(p)
		}
	}
	return out
}

// renderLanguage is a language as templates see it.
func renderLanguage(l config.Language) render.Language {
	return render.Language{Code: l.Code, Name: l.Name, Prefix: l.Prefix()}
}

// fixedAlternates are a fixed page (rel is its address without the
// language prefix) in every language; nil for a site in one language.
func (s *Site) fixedAlternates(rel string) []render.Alternate {
	if len(s.root.Translations) == 0 {
		return nil
	}
	var out []render.Alternate
	for _, ls := range s.Sites() {
		out = append(out, render.Alternate{Language: renderLanguage(ls.Language), Path: ls.Language.Prefix() + rel, Current: ls == s})
	}
	return out
}

// docAlternates are a document's page in every language: its source and
// its source's translations, or, where a language has none, that
// language's "untranslated" page. Nil for a site in one language.
func (s *Site) docAlternates(d *Doc) []render.Alternate {
	if len(s.root.Translations) == 0 {
		return nil
	}
	source := d
	if d.Source != nil {
		source = d.Source
	}
	family := append([]*Doc{source}, source.Translations...)
	var out []render.Alternate
	for _, ls := range s.Sites() {
		a := render.Alternate{Language: renderLanguage(ls.Language), Current: ls == s}
		if i := slices.IndexFunc(family, func(x *Doc) bool { return ls.byPath[x.Path] == x }); i >= 0 {
			a.Path = family[i].URL()
		} else {
			a.Path, a.Missing = ls.Language.Prefix()+untranslatedPath, true
		}
		out = append(out, a)
	}
	return out
}

func (s *Site) entry(d *Doc) render.Entry {
	summary := d.Summary
	if d.Kind == content.Term {
		summary = d.Definition
	}
	return render.Entry{Title: d.Title, Path: d.URL(), Summary: summary, Kind: d.Kind.String(), Also: d.Synonyms, Date: d.LastReviewed}
}

func (s *Site) entries(docs []*Doc) []render.Entry {
	out := make([]render.Entry, len(docs))
	for i, d := range docs {
		out[i] = s.entry(d)
	}
	return out
}

func (s *Site) docs(list []*content.Document) []*Doc {
	out := make([]*Doc, 0, len(list))
	for _, d := range list {
		if x := s.byPath[d.Path]; x != nil {
			out = append(out, x)
		}
	}
	return out
}

func (s *Site) homePage() *render.Page {
	recent := slices.Clone(s.Articles)
	recent = slices.DeleteFunc(recent, func(d *Doc) bool { return d.LastReviewed.IsZero() })
	slices.SortStableFunc(recent, func(a, b *Doc) int {
		return cmp.Or(b.LastReviewed.Compare(a.LastReviewed), cmp.Compare(a.sortKey, b.sortKey))
	})
	recent = recent[:min(recentCount, len(recent))]
	title, description := s.titles()
	return &render.Page{
		Kind: "home", Title: title, Description: description, Path: s.Language.Prefix(),
		Entries:    s.entries(recent),
		Groups:     s.letterGroups(s.Articles),
		Alternates: s.fixedAlternates(""),
	}
}

// letterGroups groups documents by the first letter of their title, A to
// Z, with everything that does not start with a letter under "#" first.
func (s *Site) letterGroups(docs []*Doc) []render.Group {
	sorted := slices.Clone(docs)
	sortDocs(sorted)
	var groups []render.Group
	index := map[string]int{}
	for _, d := range sorted {
		letter := "#"
		if f := []rune(d.sortKey); len(f) > 0 && unicode.IsLetter(f[0]) {
			letter = strings.ToUpper(string(f[0]))
		}
		i, ok := index[letter]
		if !ok {
			id := "letter-" + strings.ToLower(letter)
			if letter == "#" {
				id = "letter-other"
			}
			groups = append(groups, render.Group{ID: id, Title: letter})
			i = len(groups) - 1
			index[letter] = i
		}
		groups[i].Entries = append(groups[i].Entries, s.entry(d))
	}
	// "#" sorts before the letters.
	slices.SortStableFunc(groups, func(a, b render.Group) int { return cmp.Compare(a.Title, b.Title) })
	return groups
}

func (s *Site) glossaryPage(theme *render.Theme) *render.Page {
	return &render.Page{
		Kind: "glossary", Title: theme.Text("glossary.title"), Path: s.Language.Prefix() + "glossary/",
		Description: theme.Text("glossary.description"),
		Groups:      s.letterGroups(slices.Concat(s.Terms, s.Articles)),
		Alternates:  s.fixedAlternates("glossary/"),
	}
}

// titles are the site's title and description in its language.
func (s *Site) titles() (title, description string) {
	title, description = s.Config.Title, s.Config.Description
	if s.Language.Title != "" {
		title = s.Language.Title
	}
	if s.Language.Description != "" {
		description = s.Language.Description
	}
	return title, description
}

func (s *Site) tagsPage(theme *render.Theme) *render.Page {
	p := &render.Page{Kind: "tags", Title: theme.Text("tags.title"), Path: s.Language.Prefix() + "tags/", Description: theme.Text("tags.description"), Alternates: s.fixedAlternates("tags/")}
	for _, t := range s.Tags {
		p.Groups = append(p.Groups, render.Group{ID: "topic-" + t.Slug, Title: t.Name, Path: t.URL(), Entries: s.entries(t.Articles)})
	}
	return p
}

func (s *Site) termPage(t *Doc) *render.Page {
	return &render.Page{
		Kind: "term", Title: t.Title, Description: t.Definition, Path: t.URL(),
		Body:       s.body(t),
		Alternates: s.docAlternates(t),
		Term: &render.Term{
			Definition: t.Definition,
			Synonyms:   t.Synonyms,
			UsedBy:     s.entries(s.docs(s.Graph.UsedBy[t.Path])),
		},
	}
}

func (s *Site) articlePage(a *Doc, now time.Time) *render.Page {
	art := &render.Article{
		Summary:      a.Summary,
		Synonyms:     a.Synonyms,
		ReviewedBy:   a.ReviewedBy,
		LastReviewed: a.LastReviewed,
		NextReview:   a.NextReview,
		Overdue:      !a.NextReview.IsZero() && a.NextReview.Before(content.Day(now)),
		Related:      s.entries(s.docs(s.Graph.Related[a.Path])),
		Backlinks:    s.entries(s.docs(s.Graph.Backlinks[a.Path])),
		Leaflet:      s.leafletLinks(a),
	}
	for _, id := range a.Result.Terms {
		if d := s.byPath[id]; d != nil {
			art.Terms = append(art.Terms, s.entry(d))
		}
	}
	for _, sec := range a.Result.Sections {
		art.Sections = append(art.Sections, render.Section{ID: sec.ID, Title: sec.Title})
	}
	for _, src := range a.Sources {
		art.Sources = append(art.Sources, render.Source{Title: src.Title, URL: src.URL})
	}
	for _, name := range a.Tags {
		art.Tags = append(art.Tags, render.Link{Title: name, Path: s.Language.Prefix() + tagPath(slug.Make(name))})
	}
	if src := a.Source; src != nil {
		art.Translation = &render.Translation{Source: s.entry(src), SourceLanguage: renderLanguage(s.root.Language), Stale: a.Stale()}
	}
	p := &render.Page{Kind: "article", Title: a.Title, Description: a.Summary, Path: a.URL(), Body: s.body(a), Article: art, Alternates: s.docAlternates(a)}
	art.StructData = s.medicalWebPage(a)
	return p
}
