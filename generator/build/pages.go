package build

import (
	"cmp"
	"html/template"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/handout-health/handout/generator/content"
	"github.com/handout-health/handout/generator/internal/parallel"
	"github.com/handout-health/handout/generator/internal/slug"
	"github.com/handout-health/handout/generator/render"
)

// recentCount is how many recently reviewed articles the home page lists.
const recentCount = 5

// pageFor is one page to render and where to write it.
type pageFor struct {
	file string
	page *render.Page
}

// pages lists every HTML page of the site.
func (s *Site) pages(now time.Time) []pageFor {
	var out []pageFor
	add := func(p *render.Page) {
		file := p.Path
		if !strings.HasSuffix(file, ".html") {
			file += "index.html"
		}
		out = append(out, pageFor{file: file, page: p})
	}
	add(s.homePage())
	// Article views are independent of each other: made on every core.
	articles := make([]*render.Page, len(s.Articles))
	parallel.For(len(s.Articles), func(i int) { articles[i] = s.articlePage(s.Articles[i], now) })
	for _, p := range articles {
		add(p)
	}
	for _, t := range s.Terms {
		add(s.termPage(t))
	}
	for _, p := range s.Pages {
		add(&render.Page{Kind: "page", Title: p.Title, Description: p.Summary, Path: p.URL(), Body: template.HTML(p.Result.HTML)})
	}
	add(s.glossaryPage())
	add(s.tagsPage())
	for _, t := range s.Tags {
		add(&render.Page{Kind: "tag", Title: t.Name, Description: "Articles about " + t.Name + ".", Path: t.URL(), Entries: s.entries(t.Articles)})
	}
	add(&render.Page{Kind: "search", Title: "Search", Description: "Search the library.", Path: "search/"})
	add(&render.Page{Kind: "cookies", Title: "Cookies", Description: "How this site uses cookies, and your choices.", Path: "cookies/"})
	add(&render.Page{Kind: "404", Title: "Page not found", Path: "404.html", NoIndex: true})
	for _, d := range s.All() {
		for _, alias := range d.Aliases {
			add(&render.Page{Kind: "redirect", Title: d.Title, Path: strings.TrimPrefix(alias, "/"), Target: d.URL(), NoIndex: true})
		}
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
	return &render.Page{
		Kind: "home", Title: s.Config.Title, Description: s.Config.Description,
		Entries: s.entries(recent),
		Groups:  s.letterGroups(s.Articles),
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

func (s *Site) glossaryPage() *render.Page {
	return &render.Page{
		Kind: "glossary", Title: "Glossary", Path: "glossary/",
		Description: "Plain-language meanings of the words used in this library.",
		Groups:      s.letterGroups(slices.Concat(s.Terms, s.Articles)),
	}
}

func (s *Site) tagsPage() *render.Page {
	p := &render.Page{Kind: "tags", Title: "Topics", Path: "tags/", Description: "Articles by topic."}
	for _, t := range s.Tags {
		p.Groups = append(p.Groups, render.Group{ID: "topic-" + t.Slug, Title: t.Name, Path: t.URL(), Entries: s.entries(t.Articles)})
	}
	return p
}

func (s *Site) termPage(t *Doc) *render.Page {
	return &render.Page{
		Kind: "term", Title: t.Title, Description: t.Definition, Path: t.URL(),
		Body: template.HTML(t.Result.HTML),
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
		Overdue:      !a.NextReview.IsZero() && a.NextReview.Before(today(now)),
		Related:      s.entries(s.docs(s.Graph.Related[a.Path])),
		Backlinks:    s.entries(s.docs(s.Graph.Backlinks[a.Path])),
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
		art.Tags = append(art.Tags, render.Link{Title: name, Path: "tags/" + slug.Make(name) + "/"})
	}
	p := &render.Page{Kind: "article", Title: a.Title, Description: a.Summary, Path: a.URL(), Body: template.HTML(a.Result.HTML), Article: art}
	art.StructData = s.medicalWebPage(a)
	return p
}
