package site

import (
	"fmt"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/handout-health/handout/generator/internal/slug"
	"github.com/handout-health/handout/generator/render"
)

// A Leaflet is an article as handout build --pdf prints it: two PDFs
// beside its page, the leaflet on the site's paper and its large-print
// twin, which package pdf prints from the built page. Its page links to
// both only in a build that prints them (LoadOptions.Leaflets), and the
// output plan claims their names then, so that a static file of the same
// name is an error, not a leaflet silently replaced.
type Leaflet struct {
	// Source is the article's file, to which problems with its leaflet
	// (one longer than print.max_pages) are reported.
	Source string
	// Title is the article's; Language its language's code.
	Title, Language string
	// Tags are the article's topics as written, and TagSlugs their
	// addresses' slugs, to choose a rack set by (handout pdf --set).
	Tags, TagSlugs []string
	// Page is the article's page in the output ("articles/sleep/"), and
	// PDF and LargePrint the files printed from it
	// ("articles/sleep/sleep.pdf", "articles/sleep/sleep-large-print.pdf").
	Page, PDF, LargePrint string
}

// largePrintSuffix ends the name of a large-print leaflet.
const largePrintSuffix = "-large-print.pdf"

// leafletOf names the leaflets of the article a.
func (s *Site) leafletOf(a *Doc) Leaflet {
	page := a.URL()
	name := path.Base(strings.TrimSuffix(page, "/"))
	l := Leaflet{
		Source: a.Path, Title: a.Title, Language: s.Language.Code, Tags: a.Tags,
		Page: page, PDF: page + name + ".pdf", LargePrint: page + name + largePrintSuffix,
	}
	for _, t := range a.Tags {
		l.TagSlugs = append(l.TagSlugs, slug.Make(t))
	}
	return l
}

// Leaflets returns the leaflets of every article in every language, the
// default language's first, each language's articles by file path.
func (s *Site) Leaflets() []Leaflet {
	var out []Leaflet
	for _, ls := range s.Sites() {
		for _, a := range ls.Articles {
			out = append(out, ls.leafletOf(a))
		}
	}
	return out
}

// leafletLinks is what the page of the article a shows of its leaflets:
// nothing unless this build prints them.
func (s *Site) leafletLinks(a *Doc) *render.Leaflet {
	if !s.opts.Leaflets {
		return nil
	}
	l := s.leafletOf(a)
	return &render.Leaflet{PDF: l.PDF, LargePrint: l.LargePrint}
}

// planLeaflets claims the leaflets' files in a build that prints them.
func (s *Site) planLeaflets(p *outputPlan) {
	if !s.opts.Leaflets {
		return
	}
	for _, l := range s.Leaflets() {
		p.add(&claim{name: l.PDF, source: generated, what: fmt.Sprintf("the PDF leaflet the build prints of %s", l.Source)})
		p.add(&claim{name: l.LargePrint, source: generated, what: fmt.Sprintf("the large-print PDF leaflet the build prints of %s", l.Source)})
	}
}

// AllArticles is the rack set of every article of the default language
// (handout pdf --set all), unless a topic has that name.
const AllArticles = "all"

// A RackSet is the leaflets of a topic, to print as one file for a
// waiting room's rack (handout pdf --set).
type RackSet struct {
	// Title is the topic's name, or the site's title for every article;
	// Slug the topic's slug, or AllArticles; Language the code of the
	// set's language.
	Title, Slug, Language string
	Leaflets              []Leaflet
	// Words are the theme's words for the set's cover and contents,
	// in its language.
	Contents, Count, Page, PrintedOn string
}

// RackSet returns the set of the articles on topic, which is a topic's
// name or the slug of its address, in any case and any language (the
// first language with such a topic), or AllArticles. When there is no
// such topic, the error lists the topics there are.
func (s *Site) RackSet(topic string) (RackSet, error) {
	var names []string
	for _, ls := range s.Sites() {
		for _, t := range ls.Tags {
			names = append(names, t.Name)
			if strings.EqualFold(t.Name, strings.TrimSpace(topic)) || t.Slug == slug.Make(topic) {
				return ls.rackSet(t.Name, t.Slug, t.Articles), nil
			}
		}
	}
	if strings.EqualFold(strings.TrimSpace(topic), AllArticles) {
		title, _ := s.root.titles()
		return s.root.rackSet(title, AllArticles, s.root.Articles), nil
	}
	return RackSet{}, fmt.Errorf("no topic %q: choose one of %s, or %s for every article", topic, strings.Join(names, ", "), AllArticles)
}

// rackSet makes the set of articles titled title, in s's language.
func (s *Site) rackSet(title, slug string, articles []*Doc) RackSet {
	if first, size := utf8.DecodeRuneInString(title); first != utf8.RuneError {
		title = string(unicode.ToUpper(first)) + title[size:] // a cover's title: "Mood", not "mood"
	}
	set := RackSet{
		Title: title, Slug: slug, Language: s.Language.Code,
		Contents: s.words("print.rack_contents"), Count: s.words("print.rack_count", len(articles)),
		Page: s.words("print.rack_page"), PrintedOn: s.words("print.printed_on"),
	}
	for _, a := range articles {
		set.Leaflets = append(set.Leaflets, s.leafletOf(a))
	}
	return set
}
