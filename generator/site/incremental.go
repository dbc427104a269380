package site

import (
	"encoding/json"
	"errors"
	"hash/maphash"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/handout-health/handout/generator/config"
	"github.com/handout-health/handout/generator/content"
	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/internal/parallel"
	"github.com/handout-health/handout/generator/markdown"
	"github.com/handout-health/handout/generator/output"
	"github.com/handout-health/handout/generator/render"
	"github.com/handout-health/handout/generator/search"
)

// Builder builds a site again and again, doing the smallest correct work
// for the files that changed (for `handout serve`):
//
//   - site.yaml: everything is loaded, converted and rendered again;
//   - a template or theme asset: the theme is parsed again and every page
//     rendered again; nothing is converted;
//   - a content file: that file is read again and converted; when its names
//     or address changed, or a document came or went, every document is
//     converted again (names decide links everywhere); when a term's
//     definition or an article's summary changed, the articles that link
//     it are converted again;
//   - a static file: files are copied again and documents with broken
//     links are converted again (the file may be what they missed).
//
// Then every page's view is fingerprinted and only pages whose view
// changed are rendered and written: editing one article's body re-renders
// its page and the few pages that show its links.
//
// When no document came, went or changed what other pages show of it
// (title, summary, other names, tags, review date, definition), a rebuild
// is quick: only the views of the documents converted again and of those
// whose backlinks, users or related articles changed (linkgraph's Update)
// are made and fingerprinted, and only their languages' search indexes
// are written again.
type Builder struct {
	fsys fs.FS
	opts Options
	// out, when set, is the in-memory output kept between builds, from
	// which pages that no longer exist are removed.
	out *output.Memory

	site *Site
	// themes are the theme made for each language's view, by language
	// code; views are those views, as JSON, to tell when one changes.
	themes map[string]*render.Theme
	views  map[string][]byte
	// prints are the fingerprints of the pages last written.
	prints map[string]uint64
	seed   maphash.Seed
	// extras are the files other than pages last written; good is true
	// when the last build succeeded, on day.
	extras map[string]bool
	good   bool
	day    time.Time
}

// NewBuilder returns a Builder that writes into out.
func NewBuilder(fsys fs.FS, opts Options, out *output.Memory) *Builder {
	opts.Writer = out
	return &Builder{fsys: fsys, opts: opts, out: out, prints: map[string]uint64{}, seed: maphash.MakeSeed()}
}

// Rebuild builds after the given files changed (slash paths relative to
// the site root); nil means everything. The Result's Pages counts the
// pages rendered this time.
func (b *Builder) Rebuild(changed []string) (Result, error) { return b.run(changed) }

func (b *Builder) run(changed []string) (Result, error) {
	now := b.opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	scope := classify(changed)
	var list diag.List
	if b.site == nil || scope.config {
		scope = changes{config: true, templates: true, static: true}
		opts := b.opts.LoadOptions
		opts.once = b.out == nil
		if opts.once && b.opts.Scratch != "" {
			if sp, err := newSpill(b.opts.Scratch); err == nil {
				opts.spill = sp
				defer func() { _ = sp.remove() }()
			}
		}
		b.site, list = Load(b.fsys, opts)
		if b.site == nil {
			return failed(Result{Diagnostics: list})
		}
		if b.out != nil {
			for _, ls := range b.site.Sites() {
				ls.searchCache = search.NewCache()
			}
		}
	} else {
		list = b.site.Update(b.fsys, scope.content, scope.static)
	}
	site := b.site
	res := Result{Diagnostics: list, Site: site}
	if scope.templates || scope.config || b.themes == nil {
		b.themes, b.views = map[string]*render.Theme{}, map[string][]byte{}
	}
	// Pages of documents whose changes other pages do not show are all
	// that can change: the quick path renders only those (see quick).
	quick := b.good && !scope.static && !scope.templates && !scope.config && b.day.Equal(content.Day(now)) && site.quick()
	// A theme holds its language's view of the site (title, footer
	// pages, consent), so it is made again when that view changes.
	var pages []pageFor
	for _, ls := range site.Sites() {
		code := ls.Language.Code
		view := ls.renderSite(b.opts.Version)
		viewJSON, _ := json.Marshal(view)
		if b.themes[code] == nil || string(viewJSON) != string(b.views[code]) {
			theme, problems := ls.loadTheme(b.fsys, view)
			res.Diagnostics = append(res.Diagnostics, problems...)
			if theme == nil {
				b.themes = nil
				b.good = false
				return failed(res)
			}
			b.themes[code], b.views[code] = theme, viewJSON
			clear(b.prints)
			quick = false
		}
	}
	for _, ls := range site.Sites() {
		theme := b.themes[ls.Language.Code]
		theme.ResetCache()
		if quick {
			pages = append(pages, ls.docPages(now, theme, ls.listings.docs, ls.listings.graph)...)
		} else {
			pages = append(pages, ls.pages(now, theme)...)
		}
	}
	if !quick {
		// A quick rebuild changed no address, alias or static file, and
		// the last build's plan had no problem.
		plan := site.planOutput(b.themes[site.Language.Code].Assets().All())
		res.Diagnostics, res.Notes = append(res.Diagnostics, plan.problems...), plan.notes
	}
	res.Diagnostics = append(res.Diagnostics, site.CheckConsent(b.fsys)...)
	b.good = false
	if res.Diagnostics.HasErrors() {
		return failed(res)
	}
	w := &countingWriter{w: b.opts.Writer}
	todo := pages
	if b.prints != nil {
		todo = b.changedPages(pages)
	}
	var problems diag.List
	once := site.opts.once
	if once {
		// A build that is not kept writes its search indexes first, so
		// that each index is let go before the pages are rendered.
		_, problems = site.writeSearches(w, true)
	}
	problems = append(problems, renderPages(todo, w, site.pageCheck(), b.opts.Progress)...)
	if sp := site.opts.spill; sp != nil && sp.failure() != nil {
		problems = append(problems, diag.Errorf(sp.f.Name(), 1, 1, "cannot read converted HTML back: %v", sp.failure()))
	}
	var gone []string
	if len(problems) == 0 {
		if !once {
			gone, problems = site.writeSearches(w, !quick)
		}
		// Each Site keeps track of its search files (see writeSearch):
		// what is recorded is what else is written besides pages.
		w.names = map[string]bool{}
		if !quick {
			problems = append(problems, site.writeExtras(b.fsys, w, b.themes[site.Language.Code])...)
		}
	}
	res.Pages, res.Files, res.Quick = len(todo), int(w.files), quick
	res.Diagnostics = append(res.Diagnostics, problems...)
	if res.Diagnostics.HasErrors() {
		clear(b.prints)
		b.themes = nil
		return failed(res)
	}
	if quick {
		// Only the changed languages' search indexes were written again:
		// the files they no longer have go.
		for _, name := range gone {
			if b.out != nil {
				b.out.Remove(name)
			}
		}
	} else {
		b.extras = w.names
		if b.prints != nil {
			// Pages that went are forgotten.
			keep := map[string]bool{}
			for _, p := range pages {
				keep[p.file] = true
			}
			maps.DeleteFunc(b.prints, func(file string, _ uint64) bool { return !keep[file] })
		}
	}
	if b.out != nil && !quick {
		b.removeStale()
	}
	b.good, b.day = true, content.Day(now)
	res.Diagnostics.Sort()
	return res, nil
}

// quick reports whether the last refresh changed only what a few pages
// show: no document came, went or changed its name, title, summary, tags,
// review date or definition, so that the pages to render again are those
// of the documents converted and of those whose links, users or related
// articles changed.
func (s *Site) quick() bool {
	if s.root.listings.shown {
		return false
	}
	for _, ls := range s.Sites() {
		if ls.listings.docs == nil || ls.listings.graph == nil || ls.listings.definitions {
			return false
		}
	}
	return true
}

// changes sorts changed files by what they affect.
type changes struct {
	config, templates, static bool
	content                   []string
}

func classify(paths []string) changes {
	var c changes
	if paths == nil {
		return changes{config: true}
	}
	for _, p := range paths {
		switch {
		case p == config.FileName, strings.HasPrefix(p, content.TemplatesDir+"/i18n/"):
			// String files hold words of converted Markdown too.
			c.config = true
		case strings.HasPrefix(p, content.TemplatesDir+"/"):
			c.templates = true
		case strings.HasPrefix(p, content.StaticDir+"/"):
			c.static = true
		case strings.HasPrefix(p, content.ContentDir+"/"):
			c.content = append(c.content, p)
		}
	}
	return c
}

// changedPages returns the pages whose view differs from what was last
// written, and records their new fingerprints.
func (b *Builder) changedPages(pages []pageFor) []pageFor {
	prints := make([]uint64, len(pages))
	parallel.For(len(pages), func(i int) { prints[i] = b.fingerprint(pages[i].made()) })
	var todo []pageFor
	for i, p := range pages {
		if old, ok := b.prints[p.file]; ok && old == prints[i] {
			continue
		}
		b.prints[p.file] = prints[i]
		todo = append(todo, p)
	}
	return todo
}

// fingerprint hashes everything a page shows (see pageHash). The site's
// view is not hashed: a change to it makes a new theme, which clears every
// fingerprint.
func (b *Builder) fingerprint(p *render.Page) uint64 {
	var h pageHash
	h.h.SetSeed(b.seed)
	h.page(p)
	return h.h.Sum64()
}

// removeStale deletes from memory the files that the site no longer has:
// pages that went, extra files (assets, feeds) not written again, and
// search files the indexes no longer have.
func (b *Builder) removeStale() {
	for _, file := range b.out.Names() {
		if _, page := b.prints[file]; !page && !b.extras[file] && !b.site.searchFile(file) {
			b.out.Remove(file)
		}
	}
}

// Update applies changed content files (and a change under static/) to
// the site in every language, converting what they affect, and returns
// the diagnostics of the whole site as it now is.
func (s *Site) Update(fsys fs.FS, paths []string, static bool) diag.List {
	s = s.root
	sites := s.Sites()
	structural, shown := false, false
	touched := map[*Site]map[string]bool{}
	seen := map[string]bool{}
	// A folder that was removed or renamed away reports only itself: its
	// documents are read again (and found gone).
	for _, p := range slices.Clone(paths) {
		if path.Ext(p) != ".md" {
			for _, ls := range sites {
				for _, d := range ls.All() {
					if strings.HasPrefix(d.Path, p+"/") {
						paths = append(paths, d.Path)
					}
				}
			}
		}
	}
	for _, p := range paths {
		kind, ok := kindOf(p)
		if !ok || seen[p] {
			continue
		}
		seen[p] = true
		var old *Doc
		var oldSite *Site
		for _, ls := range sites {
			if d := ls.byPath[p]; d != nil {
				old, oldSite = d, ls
			}
		}
		doc := s.reread(fsys, p, kind)
		newSite := s.siteFor(doc)
		for _, ls := range []*Site{oldSite, newSite} {
			if ls == nil {
				continue
			}
			ls.Content.Replace(p, kind, nil)
			if touched[ls] == nil {
				touched[ls] = map[string]bool{}
			}
			touched[ls][p] = true
		}
		if doc != nil {
			newSite.Content.Replace(p, kind, doc)
		}
		switch {
		case old == nil && doc == nil:
		case old == nil || doc == nil || oldSite != newSite || !sameIdentity(old.Document, doc):
			structural = true
		case !sameListing(old.Document, doc):
			shown = true
		}
	}
	if static {
		files, problems := content.ListStatic(fsys)
		s.Content.Static = files
		maps.DeleteFunc(s.fileProblems, func(p string, _ diag.List) bool {
			return p == content.StaticDir || strings.HasPrefix(p, content.StaticDir+"/")
		})
		for _, d := range problems {
			s.fileProblems[d.Path] = append(s.fileProblems[d.Path], d)
		}
	}
	convert := map[*Site][]*Doc{}
	for _, ls := range sites {
		ls.wrap()
		var docs []*Doc
		for p := range touched[ls] {
			if d := ls.byPath[p]; d != nil {
				docs = append(docs, d)
			}
		}
		if static || len(seen) > 0 {
			// A document with a broken link may be fixed by the change.
			for _, d := range ls.All() {
				if !slices.Contains(docs, d) && slices.ContainsFunc(d.Result.Links, func(l markdown.Link) bool { return !l.Resolved }) {
					docs = append(docs, d)
				}
			}
		}
		convert[ls] = docs
	}
	if structural {
		// Names decide links everywhere, and translations fall back on
		// the default language's names: every language is converted.
		convert = nil
		for _, ls := range sites {
			ls.Glossary = nil
		}
	}
	list := s.refreshAll(convert, !structural && !shown && !static)
	s.listings.shown = shown
	return list
}

// siteFor returns the Site of a document's language (nil for nil).
func (s *Site) siteFor(d *content.Document) *Site {
	if d == nil {
		return nil
	}
	for _, t := range s.root.Translations {
		if t.Language.Code == d.Lang {
			return t
		}
	}
	return s.root
}

// kindOf tells the kind of a content file from its folder.
func kindOf(p string) (content.Kind, bool) {
	if !content.IsContentFile(p) {
		return 0, false
	}
	for kind, folder := range content.Folders {
		if strings.HasPrefix(p, folder+"/") {
			return kind, true
		}
	}
	return 0, false
}

// reread reads one content file again and returns its new document, or
// nil when it is gone, broken or a draft left out. Its problems are kept
// with the default language's Site, which reports every file's.
func (s *Site) reread(fsys fs.FS, p string, kind content.Kind) *content.Document {
	delete(s.fileProblems, p)
	var doc *content.Document
	data, err := content.ReadFile(fsys, p)
	switch {
	case err == nil:
		var problems diag.List
		doc, problems = content.Parse(p, kind, data, contentOptions(s.Config, s.opts))
		if len(problems) > 0 {
			s.fileProblems[p] = problems
		}
		if doc != nil && doc.Draft && !s.opts.Drafts {
			doc = nil
		}
	case !errors.Is(err, fs.ErrNotExist):
		s.fileProblems[p] = diag.List{diag.Errorf(p, 1, 1, "cannot read: %v", err)}
	}
	return doc
}

// sameListing reports whether a document keeps what pages other than its
// own show of it: in lists (title, summary, other names, review date), on
// topic pages (tags), in the feed and the sitemap.
func sameListing(a, b *content.Document) bool {
	return a.Title == b.Title && a.Summary == b.Summary && slices.Equal(a.Synonyms, b.Synonyms) &&
		slices.Equal(a.Tags, b.Tags) && a.LastReviewed.Equal(b.LastReviewed)
}

// sameIdentity reports whether a document keeps what other documents see
// of it through links and the glossary: kind, address and names.
func sameIdentity(a, b *content.Document) bool {
	return a.Kind == b.Kind && a.Slug == b.Slug && slices.Equal(a.Names(), b.Names()) && slices.Equal(a.Aliases, b.Aliases)
}
