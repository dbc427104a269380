// Package build is the one package that knows the whole pipeline:
//
//	site.yaml, content/  ->  config, content  ->  markdown (+ glossary)
//	    ->  linkgraph  ->  render  ->  output  ->  public/
//
// Load runs the first stages and returns the Site model that check also
// reads; Build runs them all and writes the output. Stages return
// diagnostics; Build decides: errors fail the build (nothing is written,
// the previous output stays), warnings are reported.
package site

import (
	"cmp"
	"io/fs"
	"slices"
	"time"

	"github.com/handout-health/handout/generator/config"
	"github.com/handout-health/handout/generator/consent"
	"github.com/handout-health/handout/generator/content"
	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/glossary"
	"github.com/handout-health/handout/generator/internal/parallel"
	"github.com/handout-health/handout/generator/internal/slug"
	"github.com/handout-health/handout/generator/linkgraph"
	"github.com/handout-health/handout/generator/markdown"
	"github.com/handout-health/handout/generator/markdown/glossterm"
	"github.com/handout-health/handout/generator/markdown/sections"
	"github.com/handout-health/handout/generator/render"
	"github.com/handout-health/handout/generator/search"
	"github.com/handout-health/handout/templates"
)

// LoadOptions control what is read.
type LoadOptions struct {
	// Drafts includes documents marked draft: true.
	Drafts bool
	// BaseURL, when set, replaces site.yaml's base_url.
	BaseURL string
	// once is set by a build that is not kept (handout build): each
	// document's Markdown is checked for consent as soon as it is
	// converted and then let go, since nothing reads it again.
	once bool
	// spill, when set (with once), holds each document's HTML from its
	// conversion until its page is rendered.
	spill *spill
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
	// html is where the converted HTML went when the site's spill took
	// it (Result.HTML is then nil).
	html spilled
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
// whose Translations hold the same site in its other languages. Update
// changes it in place after files change (see incremental.go).
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
	Index   *linkgraph.Index
	// Articles, Terms and Pages are sorted by file path.
	Articles, Terms, Pages []*Doc
	byPath                 map[string]*Doc
	Graph                  *linkgraph.Graph
	Tags                   []*Tag
	// Glossary finds mentions of terms and articles.
	Glossary *glossary.Matcher

	opts LoadOptions
	conv *markdown.Converter
	// words are the theme's words in the site's language, which callouts
	// and tables write into converted Markdown.
	words func(key string, args ...any) string
	// consentRules check each document as it is converted when the site
	// is built once (see LoadOptions.once); nil otherwise.
	consentRules *consent.Rules
	// files, in a site built once, are the site's files, from which each
	// document's Markdown is read as it is converted
	// (content.Options.BodiesLater); nil otherwise.
	files fs.FS
	// fileProblems are the diagnostics of reading each content file, kept
	// so that an incremental update reports the files it did not touch.
	fileProblems map[string]diag.List
	// searchCache keeps documents' search tokens between builds; nil
	// outside a Builder that builds again (serve), to save the memory.
	searchCache *search.Cache
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
	// indexProblems are those of the last makeIndex.
	indexProblems diag.List
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

// Load reads, converts and links a site. The Site is nil when there are
// errors that stop conversion (a broken site.yaml); otherwise it is
// returned with every diagnostic found.
func Load(fsys fs.FS, opts LoadOptions) (*Site, diag.List) {
	cfg, list := config.Load(fsys)
	if cfg == nil {
		return nil, list
	}
	if opts.BaseURL != "" {
		if err := cfg.SetBaseURL(opts.BaseURL); err != nil {
			return nil, append(list, diag.Errorf(config.FileName, 1, 1, "--base-url: %v", err))
		}
	}
	cs, problems := content.Load(fsys, contentOptions(cfg, opts))
	conv := markdown.New(markdown.Options{Unsafe: cfg.Markdown.Unsafe, Sections: schema(cfg)})
	rules := consent.NewRules(cfg)
	overrides, _ := fs.Sub(fsys, overridesDir)
	newSite := func(lang config.Language) *Site {
		ls := &Site{
			Config: cfg, Language: lang, Content: &content.Site{}, opts: opts, conv: conv,
			fileProblems: map[string]diag.List{}, words: render.Words(templates.FS, overrides, lang.Code),
		}
		if opts.once {
			ls.consentRules, ls.files = rules, fsys
		}
		return ls
	}
	s := newSite(cfg.Languages[0])
	s.root, s.Content = s, cs
	for _, lang := range cfg.Languages[1:] {
		t := newSite(lang)
		t.root = s
		s.Translations = append(s.Translations, t)
	}
	for _, d := range problems {
		s.fileProblems[d.Path] = append(s.fileProblems[d.Path], d)
	}
	s.split()
	for _, ls := range s.Sites() {
		ls.wrap()
	}
	return s, append(list, s.refreshAll(nil, false)...)
}

// contentOptions are the options of content loading for a site.
func contentOptions(cfg *config.Config, opts LoadOptions) content.Options {
	o := content.Options{Drafts: opts.Drafts, ReviewInterval: cfg.Review.NextReview, BodiesLater: opts.once}
	if len(cfg.Languages) > 1 {
		for _, l := range cfg.Languages {
			o.Languages = append(o.Languages, content.Language{Code: l.Code, Prefix: l.Prefix()})
		}
	}
	return o
}

// split moves every document of the default language's Content that is
// in another language to that language's Site.
func (s *Site) split() {
	if len(s.Translations) == 0 {
		return
	}
	byLang := map[string]*content.Site{}
	for _, t := range s.Translations {
		t.Content = &content.Site{}
		byLang[t.Language.Code] = t.Content
	}
	keep := func(docs []*content.Document, list func(*content.Site) *[]*content.Document) []*content.Document {
		var own []*content.Document
		for _, d := range docs {
			if cs, ok := byLang[d.Lang]; ok {
				*list(cs) = append(*list(cs), d)
			} else {
				own = append(own, d)
			}
		}
		return own
	}
	c := s.Content
	c.Articles = keep(c.Articles, func(cs *content.Site) *[]*content.Document { return &cs.Articles })
	c.Terms = keep(c.Terms, func(cs *content.Site) *[]*content.Document { return &cs.Terms })
	c.Pages = keep(c.Pages, func(cs *content.Site) *[]*content.Document { return &cs.Pages })
}

// refreshAll refreshes the site in every language (convert gives each
// Site the documents to convert; nil converts all of them), then pairs
// translations with their sources. patch says that no document came,
// went or changed its names, tags or listing, and no static file changed:
// the name index and the tags are then patched, not made again.
func (s *Site) refreshAll(convert map[*Site][]*Doc, patch bool) diag.List {
	var list diag.List
	for _, ls := range s.Sites() {
		var docs []*Doc
		if convert != nil {
			docs = convert[ls]
			if docs == nil {
				docs = []*Doc{}
			}
		}
		list = append(list, ls.refresh(docs, patch && convert != nil)...)
	}
	return append(list, s.pair()...)
}

// wrap makes a Doc of every document of s.Content, keeping the Doc (and
// its conversion) of documents that have not changed. The lists old and
// new are both sorted by path, so they are walked side by side and
// byPath changes only where documents did.
func (s *Site) wrap() {
	if s.byPath == nil {
		s.byPath = map[string]*Doc{}
	}
	forget := func(d *Doc) {
		if s.byPath[d.Path] == d {
			delete(s.byPath, d.Path)
		}
	}
	wrap := func(prev []*Doc, docs []*content.Document) []*Doc {
		out := make([]*Doc, len(docs))
		j := 0
		for i, d := range docs {
			for ; j < len(prev) && prev[j].Path < d.Path; j++ {
				forget(prev[j])
			}
			var was *Doc
			if j < len(prev) && prev[j].Path == d.Path {
				was, j = prev[j], j+1
			}
			switch {
			case was != nil && was.Document == d:
				out[i] = was
				continue
			case was != nil:
				// The file changed: keep what its glossary entry said, so
				// that convert can tell whether the links to it change.
				out[i] = &Doc{Document: d, sortKey: slug.Fold(d.Title), Definition: was.Definition, linkedSummary: was.linkedSummary}
			default:
				out[i] = &Doc{Document: d, sortKey: slug.Fold(d.Title)}
			}
			s.byPath[d.Path] = out[i]
		}
		for _, d := range prev[j:] {
			forget(d)
		}
		return out
	}
	s.Articles, s.Terms, s.Pages = wrap(s.Articles, s.Content.Articles), wrap(s.Terms, s.Content.Terms), wrap(s.Pages, s.Content.Pages)
}

// refresh indexes the site, converts documents and links them, and returns
// every diagnostic of the site as it now is. convert lists the documents
// to convert; nil converts them all.
func (s *Site) refresh(convert []*Doc, patch bool) diag.List {
	var list diag.List
	for _, problems := range s.fileProblems {
		list = append(list, problems...)
	}
	if patch {
		// The same documents with the same names and tags: only the
		// Documents read again take the place of the old ones.
		for _, d := range convert {
			s.Index.Replace(d.Document)
			s.retag(d)
		}
	} else {
		s.indexProblems = s.makeIndex()
	}
	list = append(list, s.indexProblems...)
	converted := s.convert(convert)
	list = append(list, s.link(converted, convert != nil)...)
	return list
}

// makeIndex makes the name index and the tags, and returns their
// problems: duplicate addresses and names, unusable tags.
func (s *Site) makeIndex() diag.List {
	list := content.CheckAddresses(s.Content)
	ix, problems := linkgraph.NewIndex(s.Content)
	list = append(list, problems...)
	s.Index = ix
	prefix := s.Language.Prefix()
	for _, a := range fixedAddresses {
		ix.AddAddress(prefix + a)
	}
	if s.root != s {
		ix.SetFallback(s.root.Index)
	} else {
		for _, a := range rootAddresses {
			ix.AddAddress(a)
		}
	}
	if len(s.root.Translations) > 0 {
		ix.AddAddress(prefix + untranslatedPath)
	}
	list = append(list, s.collectTags()...)
	for _, t := range s.Tags {
		ix.AddAddress(t.URL())
	}
	return list
}

func (s *Site) env(d *Doc, matcher *glossary.Matcher) markdown.Env {
	e := markdown.Env{Path: d.Path, BasePath: s.Config.BasePath(), Resolver: s.Index, Self: d.Path,
		Text: s.words, Contacts: markdown.Contacts(s.Config.ContactsIn(s.Language))}
	if matcher != nil {
		e.Glossary = matcher
	}
	return e
}

// convert converts docs (nil: every document) and returns those it
// converted. Terms and pages go first:
// the terms' definitions feed the glossary that articles are then linked
// against. Only articles get glossary links (SPEC "Links"). When a term's
// definition or an article's summary changes, every article that linked
// it is converted again, since the links carry the definition.
func (s *Site) convert(docs []*Doc) []*Doc {
	all := docs == nil
	if all {
		docs = s.All()
		if s.opts.once {
			s.startIndex(docs)
		}
	}
	var first, articles []*Doc
	for _, d := range docs {
		if d.Kind == content.Article {
			articles = append(articles, d)
		} else {
			first = append(first, d)
		}
	}
	parallel.For(len(first), func(i int) {
		first[i].Result = s.convertOne(first[i], nil)
		s.converted(first[i])
	})
	changedDefinitions := map[string]bool{}
	for _, t := range first {
		if t.Kind == content.Term {
			def := firstParagraph(t.Result)
			if def != t.Definition {
				changedDefinitions[t.Path] = true
			}
			t.Definition = def
		}
	}
	// A term's search entry shows its definition, known only now.
	parallel.For(len(first), func(i int) { s.index(first[i]) })
	for _, a := range articles {
		if a.linkedSummary != a.Summary {
			changedDefinitions[a.Path] = true
		}
	}
	if s.Glossary == nil || all || len(changedDefinitions) > 0 {
		s.Glossary = s.newMatcher()
	}
	s.listings.definitions = len(changedDefinitions) > 0
	if !all && len(changedDefinitions) > 0 {
		queued := map[*Doc]bool{}
		for _, a := range articles {
			queued[a] = true
		}
		for _, a := range s.Articles {
			if !queued[a] && slices.ContainsFunc(a.Result.Terms, func(id string) bool { return changedDefinitions[id] }) {
				articles = append(articles, a)
			}
		}
	}
	parallel.For(len(articles), func(i int) {
		a := articles[i]
		a.Result = s.convertOne(a, s.Glossary)
		a.linkedSummary = a.Summary
		s.converted(a)
		s.index(a)
	})
	if s.opts.once {
		// Nothing is converted again: the matcher can go.
		s.Glossary = nil
	}
	return append(first, articles...)
}

// convertOne converts d's Markdown with glossary links from matcher (nil:
// none). A site built once reads the Markdown now (see files); a file
// that cannot be read again is refused, with the reason.
func (s *Site) convertOne(d *Doc, matcher *glossary.Matcher) markdown.Result {
	if d.Body == nil && s.files != nil {
		body, err := content.ReadBody(s.files, d.Document)
		if err != nil {
			return markdown.Result{Refused: &markdown.Refusal{Line: 1, Col: 1, Message: "cannot read: " + err.Error()}}
		}
		d.Body = body
	}
	return s.conv.Convert(d.Body, s.env(d, matcher))
}

// converted forgets what was found in d's last conversion. A site built
// once checks d for consent now and lets its Markdown go: the consent
// check is its last reader.
func (s *Site) converted(d *Doc) {
	d.consentChecked, d.searchDoc, d.problemsFound = false, nil, false
	if s.consentRules != nil {
		d.checkConsent(s.consentRules, s.Config.Markdown.Unsafe)
		d.Body = nil
	}
	if sp := s.opts.spill; sp != nil {
		if at, ok := sp.put(d.Result.HTML); ok {
			d.html, d.Result.HTML = at, nil
		}
	}
}

// link computes the link graph and reports broken links, missing sections
// and definitions, and unused terms. With incremental set the graph is
// updated for the converted documents only (see linkgraph.Graph.Update).
func (s *Site) link(converted []*Doc, incremental bool) diag.List {
	var list diag.List
	all := s.All()
	for _, d := range all {
		if !d.problemsFound {
			d.problems, d.problemsFound = s.docProblems(d), true
		}
		list = append(list, d.problems...)
	}
	nodes := make([]linkgraph.Node, len(all))
	for i, d := range all {
		nodes[i] = linkgraph.Node{Doc: d.Document, Result: &d.Result, Terms: d.Result.Terms}
	}
	var problems diag.List
	s.listings.docs, s.listings.graph = nil, nil
	if incremental && s.Graph != nil {
		s.listings.docs = map[string]bool{}
		paths := make([]string, len(converted))
		for i, d := range converted {
			s.listings.docs[d.Path] = true
			paths[i] = d.Path
		}
		s.listings.graph, problems = s.Graph.Update(nodes, paths, s.Index)
	} else {
		s.Graph, problems = linkgraph.Build(nodes, s.Index)
		if s.opts.once {
			// Nothing is linked again, and no page shows a document's
			// links, anchors or lists: only their problems, found now.
			s.Graph.Seal()
			for _, d := range all {
				r := &d.Result
				r.Links, r.Images, r.Anchors, r.Lists = nil, nil, nil, nil
			}
		}
	}
	list = append(list, problems...)
	g := s.Graph
	for _, t := range s.Terms {
		if len(g.UsedBy[t.Path]) == 0 {
			list = append(list, diag.Warnf(t.Path, t.KeyLine("term"), 1, "glossary term %q is not used by any article", t.Title).WithRule(diag.RuleTermUnused))
		}
	}
	return list
}

// docProblems reports what is wrong in one converted document: Markdown
// refused, broken links, a term without a definition, missing sections.
func (s *Site) docProblems(d *Doc) diag.List {
	var list diag.List
	if r := d.Result.Refused; r != nil {
		list = append(list, diag.Errorf(d.Path, r.Line, r.Col, "%s", r.Message))
	}
	for _, r := range d.Result.Removed {
		list = append(list, diag.Warnf(d.Path, r.Line, r.Col, "%s", r.What).WithRule(diag.RuleRawHTML))
	}
	for _, w := range d.Result.Warnings {
		list = append(list, diag.Warnf(d.Path, w.Line, w.Col, "%s", w.Message).WithRule(w.Rule))
	}
	for _, l := range d.Result.Links {
		if !l.Resolved {
			list = append(list, diag.Errorf(d.Path, l.Line, l.Col, "broken link: %s", l.Problem).WithRule(diag.RuleLink))
		}
	}
	if d.Kind == content.Term && d.Definition == "" {
		list = append(list, diag.Errorf(d.Path, 1, 1, "a glossary term needs a definition: write it as the first paragraph after the front matter"))
	}
	if d.Kind == content.Article {
		list = append(list, missingSections(d, s.Config)...)
	}
	return list
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

// missingSections warns about each required section an article lacks.
func missingSections(d *Doc, cfg *config.Config) diag.List {
	var list diag.List
	have := map[string]bool{}
	for _, s := range d.Result.Sections {
		have[s.ID] = true
	}
	for _, s := range cfg.Sections {
		if s.Required && !have[s.ID] {
			line := 1
			if n := len(d.Result.Sections); n > 0 {
				line = d.Result.Sections[n-1].Line
			}
			list = append(list, diag.Warnf(d.Path, line, 1, "missing required section %q (a ## %s heading)", s.ID, s.Headings[0]).WithRule(diag.RuleSectionMissing))
		}
	}
	return list
}

func (s *Site) collectTags() diag.List {
	s.Tags = nil
	var list diag.List
	bySlug := map[string]*Tag{}
	for _, a := range s.Articles {
		for _, name := range a.Tags {
			sl := slug.Make(name)
			if sl == "" {
				list = append(list, diag.Errorf(a.Path, a.KeyLine("tags"), 1, "tag %q has no letters or digits", name))
				continue
			}
			if len(sl) > slug.MaxLen {
				list = append(list, diag.Errorf(a.Path, a.KeyLine("tags"), 1, "tag %q is too long for an address; keep tags to a few words", name))
				continue
			}
			t, ok := bySlug[sl]
			if !ok {
				t = &Tag{Name: name, Slug: sl, prefix: s.Language.Prefix()}
				bySlug[sl] = t
				s.Tags = append(s.Tags, t)
			}
			// Two of a's tags may make one slug ("Mood", "mood"); a is
			// then last in the list already (a scan of the whole list
			// made this quadratic: 2 s at 100,000 articles).
			if n := len(t.Articles); n == 0 || t.Articles[n-1] != a {
				t.Articles = append(t.Articles, a)
			}
		}
	}
	slices.SortFunc(s.Tags, func(a, b *Tag) int { return cmp.Compare(a.Slug, b.Slug) })
	parallel.For(len(s.Tags), func(i int) { sortDocs(s.Tags[i].Articles) })
	return list
}

// retag puts d in place of the document of its path in the lists of its
// tags (d was read again with the same tags).
func (s *Site) retag(d *Doc) {
	slugs := make([]string, len(d.Tags))
	for i, name := range d.Tags {
		slugs[i] = slug.Make(name)
	}
	for _, t := range s.Tags {
		if !slices.Contains(slugs, t.Slug) {
			continue
		}
		for i, a := range t.Articles {
			if a.Path == d.Path {
				t.Articles[i] = d
			}
		}
	}
}

// sortDocs sorts by title as readers expect: ignoring case and accents.
func sortDocs(docs []*Doc) {
	slices.SortFunc(docs, func(a, b *Doc) int {
		return cmp.Or(cmp.Compare(a.sortKey, b.sortKey), cmp.Compare(a.Path, b.Path))
	})
}

// pair links each translation to its source: the default-language
// document named by its translation_of: key, or else the one beside it
// with the same name (serotonin.md for serotonin.es.md). It reports
// translation_of: keys that name nothing, two translations of one source
// into one language, and, as warnings, stale translations: those whose
// source was reviewed after them.
func (s *Site) pair() diag.List {
	var list diag.List
	for _, d := range s.All() {
		d.Translations = nil
	}
	for _, t := range s.Translations {
		by := map[*Doc]*Doc{}
		for _, d := range t.All() {
			d.Source = nil
			var src *Doc
			if d.TranslationOf != "" {
				cd, ok := s.Index.Lookup(d.TranslationOf)
				switch {
				case !ok:
					list = append(list, diag.Errorf(d.Path, d.KeyLine("translation_of"), 1, "translation_of: no document in %s is called %q", s.Language.Name, d.TranslationOf))
				case cd.Kind != d.Kind:
					list = append(list, diag.Errorf(d.Path, d.KeyLine("translation_of"), 1, "translation_of: %q is a %s, and this is a %s", d.TranslationOf, cd.Kind, d.Kind))
				default:
					src = s.byPath[cd.Path]
				}
			} else if name := d.SourceName(); name != "" {
				src = s.byPath[name]
				if src != nil && src.Kind != d.Kind {
					src = nil
				}
			}
			if src == nil {
				continue
			}
			if other, ok := by[src]; ok {
				list = append(list, diag.Errorf(d.Path, d.KeyLine("translation_of"), 1, "%s is translated into %s twice: by %s and by this file", src.Path, t.Language.Name, other.Path))
				continue
			}
			by[src] = d
			d.Source = src
			src.Translations = append(src.Translations, d)
			if d.Stale() {
				list = append(list, diag.Warnf(d.Path, d.KeyLine("last_reviewed"), 1,
					"stale translation: reviewed %s, but its source %s was reviewed %s; check the translation against the source and update last_reviewed",
					d.LastReviewed.Format(time.DateOnly), src.Path, src.LastReviewed.Format(time.DateOnly)).WithRule(diag.RuleTranslationStale))
			}
		}
	}
	return list
}

// Stale reports whether d is a translation whose source was reviewed
// after it.
func (d *Doc) Stale() bool {
	return d.Source != nil && !d.LastReviewed.IsZero() && d.LastReviewed.Before(d.Source.LastReviewed)
}
