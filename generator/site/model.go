package site

import (
	"cmp"
	"slices"

	"github.com/handout-health/handout/generator/config"
	"github.com/handout-health/handout/generator/content"
	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/glossary"
	"github.com/handout-health/handout/generator/linkgraph"
	"github.com/handout-health/handout/generator/markdown"
	"github.com/handout-health/handout/generator/render"
	"github.com/handout-health/handout/generator/search"
)

// LoadOptions control what is read.
type LoadOptions struct {
	// Drafts includes documents marked draft: true.
	Drafts bool
	// BaseURL, when set, replaces site.yaml's base_url.
	BaseURL string
	// Leaflets is set when the build's pages will have their PDF
	// leaflets beside them (handout build --pdf, which prints them after
	// the build: package pdf): each article's page links to them, and
	// the output plan claims their names (leaflets.go).
	Leaflets bool
}

// Doc is a document with its converted Markdown.
type Doc struct {
	*content.Document
	Result markdown.Result
	// Definition is the plain-text first paragraph of a glossary term.
	Definition string
	// sortKey is the folded title, computed once.
	sortKey string
	// linkedSummary is the summary the glossary links carried when the
	// article was last converted.
	linkedSummary string
	// consentProblems are what the consent check found in this
	// conversion; consentChecked is false until it has run.
	consentProblems diag.List
	consentChecked  bool
	// Source is the default-language document a translation was made
	// from; nil for documents in the default language and for
	// translations of nothing.
	Source *Doc
	// Translations are a default-language document's translations, in
	// the order of site.yaml's languages.
	Translations []*Doc
	// searchDoc is the document as the search index reads it; nil until
	// made, and again after each conversion.
	searchDoc *search.Doc
	// problems are what docProblems found in this conversion, once
	// problemsFound is true.
	problems      diag.List
	problemsFound bool
	// sharePicture is the picture of image:, once the build judged it
	// (checkShareImages); nil without one, or when it is not fit.
	sharePicture *sharePicture
	// html is where a one-shot build holds the converted HTML until the
	// page is rendered (Result.HTML is then nil; see streaming).
	html spot
	// packedBody and packedHTML are where a Builder keeps the Markdown
	// and HTML of its last conversion (see serving).
	packedBody, packedHTML packed
	// shows are the site paths of the images with variants that its page
	// shows, which the output plan and the write stage read after
	// Result.Images is let go.
	shows []string
}

// Tag is a topic and its articles.
type Tag struct {
	Name, Slug string
	Articles   []*Doc
	// prefix is the language's part of the address ("" or "es/").
	prefix string
}

// URL is the tag page's address relative to the base URL.
func (t *Tag) URL() string { return t.prefix + tagPath(t.Slug) }

func tagPath(slug string) string { return "tags/" + slug + "/" }

// Site is a loaded, converted and linked site in one language: everything
// render and check need. Load returns the site in its default language,
// whose Translations hold the same site in its other languages. A
// Builder's rebuilds change it in place (see reread).
type Site struct {
	Config *config.Config
	// Language is the language of this Site's documents and pages.
	Language config.Language
	// Translations are the site in its other languages, in site.yaml's
	// order; only the default language's Site has them.
	Translations []*Site
	// root is the default language's Site; itself for that one.
	root *Site

	Content *content.Site
	Names   *linkgraph.Index
	// Articles, Terms and Pages are sorted by file path.
	Articles, Terms, Pages []*Doc
	byPath                 map[string]*Doc
	Graph                  *linkgraph.Graph
	Tags                   []*Tag
	// Glossary finds mentions of terms and articles.
	Glossary *glossary.Matcher

	opts LoadOptions
	// mode is what the build keeps between its stages (see mode).
	mode mode
	conv *markdown.Converter
	// words are the theme's words in the site's language, which callouts
	// and tables write into converted Markdown.
	words func(key string, args ...any) string
	// fileProblems are the diagnostics of reading each content file, kept
	// so that an incremental update reports the files it did not touch.
	fileProblems map[string]diag.List
	// searchCache keeps documents' search tokens between builds; nil
	// outside a Builder that builds again (serve), to save the memory.
	searchCache *search.Cache
	// searchKept are the search documents last given to the index, each
	// copied from the one at the same place of searchFrom: a Builder's
	// next build copies only those that changed (see searchDocs).
	searchKept []search.Doc
	searchFrom []*search.Doc
	// searchFiles are the names of the search index's files written with
	// the cache, each with the round of writeSearch that last made it:
	// every one but the manifest is named by its bytes, so none is
	// written twice.
	searchFiles map[string]uint64
	searchRound uint64
	// indexer, in a site built once, takes each document into the search
	// index as it is converted (see startIndex).
	indexer *search.Indexer
	// listings says what the last refresh changed, for the Builder.
	listings listingChanges
	// indexProblems are those of the last makeNames.
	indexProblems diag.List
	// sharePicture is site.yaml's share_image, once judged (on the
	// default language's Site).
	sharePicture *sharePicture
	// outputNotes are what the last output plan noted (a static file
	// that replaces a generated one on purpose).
	outputNotes []string
	// images are the site's images (the default language's Site only: one
	// library serves every language).
	images *imageLibrary
	// brand is the site's brand (brand.go), read with site.yaml and
	// again when a static file changes; on the default language's Site.
	brand *siteBrand
	// menus are the header's and footer's links in s's language, made
	// in the link stage (menu.go).
	menus render.Menus
}

// listingChanges says which documents' pages a refresh may have changed.
type listingChanges struct {
	// docs are the documents converted again, and graph those whose
	// backlinks, related articles or users changed; nil means every
	// document (a full refresh).
	docs, graph map[string]bool
	// shown is true when a document changed what other pages show of it:
	// its title, summary, names, tags or review date (set by Update on
	// the default language's Site, for every language).
	shown bool
	// definitions is true when a glossary definition changed.
	definitions bool
}

// Doc returns the document stored at a site path.
func (s *Site) Doc(path string) *Doc { return s.byPath[path] }

// All returns articles, terms and pages.
func (s *Site) All() []*Doc { return slices.Concat(s.Articles, s.Terms, s.Pages) }

// Drafts returns the files of the documents marked draft: true that were
// left out (LoadOptions.Drafts was false), sorted.
func (s *Site) Drafts() []string {
	var out []string
	for _, d := range s.root.Content.Drafts {
		out = append(out, d.Path)
	}
	slices.Sort(out)
	return out
}

// Sites returns the site in each of its languages, the default first.
func (s *Site) Sites() []*Site { return append([]*Site{s.root}, s.root.Translations...) }

// fixedAddresses are the pages every language of a build writes besides
// documents, relative to the language's prefix.
var fixedAddresses = []string{"", "glossary/", "tags/", "search/", "cookies/", "404.html", "feed.xml"}

// rootAddresses are the files written once for every language.
var rootAddresses = []string{"sitemap.xml", "robots.txt"}

// untranslatedPath is the page, in each language, that the language
// switcher leads to when a page has no translation in that language.
const untranslatedPath = "untranslated/"

// sortDocs sorts by title as readers expect: ignoring case and accents.
func sortDocs(docs []*Doc) {
	slices.SortFunc(docs, func(a, b *Doc) int {
		return cmp.Or(cmp.Compare(a.sortKey, b.sortKey), cmp.Compare(a.Path, b.Path))
	})
}

// Stale reports whether d is a translation whose source was reviewed
// after it.
func (d *Doc) Stale() bool {
	return d.Source != nil && !d.LastReviewed.IsZero() && d.LastReviewed.Before(d.Source.LastReviewed)
}

// allLanguages returns the documents of every language.
func (s *Site) allLanguages() []*Doc {
	var all []*Doc
	for _, ls := range s.Sites() {
		all = append(all, ls.All()...)
	}
	return all
}
