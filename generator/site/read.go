package site

import (
	"errors"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/handout-health/handout/generator/config"
	"github.com/handout-health/handout/generator/content"
	"github.com/handout-health/handout/generator/diag"
	"github.com/handout-health/handout/generator/internal/slug"
	"github.com/handout-health/handout/generator/markdown"
)

// contentOptions are the options of content loading for a site.
func contentOptions(cfg *config.Config, opts LoadOptions) content.Options {
	o := content.Options{Drafts: opts.Drafts, ReviewInterval: cfg.Review.NextReview}
	if len(cfg.Languages) > 1 {
		for _, l := range cfg.Languages {
			o.Languages = append(o.Languages, content.Language{Code: l.Code, Prefix: l.Prefix()})
		}
	}
	return o
}

// splitLanguages moves every document of the default language's Content that is
// in another language to that language's Site.
func (s *Site) splitLanguages() {
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

// wrapDocs makes a Doc of every document of s.Content, keeping the Doc (and
// its conversion) of documents that have not changed. The lists old and
// new are both sorted by path, so they are walked side by side and
// byPath changes only where documents did.
func (s *Site) wrapDocs() {
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

// reread reads again the content files that changed (and lists static/
// again when files of it did) in every language, and returns what that
// changes: the documents to convert again, and whether a document came,
// went or changed what other documents or pages see of it (see plan).
func (s *Site) reread(fsys fs.FS, paths, staticFiles []string) reading {
	static := len(staticFiles) > 0
	s = s.root
	var r reading
	touched := map[*Site]map[string]bool{}
	for _, p := range s.expandFolders(paths) {
		structural, shown := s.rereadOne(fsys, p, touched)
		r.structural, r.shown = r.structural || structural, r.shown || shown
	}
	if static {
		s.relistStatic(fsys)
		s.brand = readBrand(fsys, s.Config, s.brand)
	}
	r.convert = map[*Site][]*Doc{}
	for _, ls := range s.Sites() {
		ls.wrapDocs()
		var docs []*Doc
		for p := range touched[ls] {
			if d := ls.byPath[p]; d != nil {
				docs = append(docs, d)
			}
		}
		if static || len(paths) > 0 {
			// A document with a broken link may be fixed by the change,
			// and one that shows a changed image shows it anew.
			for _, d := range ls.All() {
				if !slices.Contains(docs, d) && (slices.ContainsFunc(d.Result.Links, func(l markdown.Link) bool { return !l.Resolved }) || showsAny(d, staticFiles)) {
					docs = append(docs, d)
				}
			}
		}
		r.convert[ls] = docs
	}
	if r.structural {
		// Names decide links everywhere, and translations fall back on
		// the default language's names: every language is converted.
		for _, ls := range s.Sites() {
			ls.Glossary = nil
		}
	}
	return r
}

// expandFolders adds, for a path that is no document (a folder removed
// or renamed away, which reports only itself), the documents under it:
// each is read again, and found gone.
func (s *Site) expandFolders(paths []string) []string {
	out := slices.Clone(paths)
	for _, p := range paths {
		if path.Ext(p) == ".md" {
			continue
		}
		for _, ls := range s.Sites() {
			for _, d := range ls.All() {
				if strings.HasPrefix(d.Path, p+"/") {
					out = append(out, d.Path)
				}
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// rereadOne reads one changed content file again, puts its document (or
// its absence) in its language's Content, notes the languages it
// touched, and says how far its change reaches (see reading).
func (s *Site) rereadOne(fsys fs.FS, p string, touched map[*Site]map[string]bool) (structural, shown bool) {
	kind, ok := kindOf(p)
	if !ok {
		return false, false
	}
	var old *Doc
	var oldSite *Site
	for _, ls := range s.Sites() {
		if d := ls.byPath[p]; d != nil {
			old, oldSite = d, ls
		}
	}
	doc := s.readDoc(fsys, p, kind)
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
		return false, false
	case old == nil || doc == nil || oldSite != newSite || !sameIdentity(old.Document, doc):
		return true, false
	}
	return false, !sameListing(old.Document, doc)
}

// relistStatic lists static/ again, with its problems.
func (s *Site) relistStatic(fsys fs.FS) {
	files, problems := content.ListStatic(fsys)
	s.Content.Static = files
	s.images.setStatic(files)
	maps.DeleteFunc(s.fileProblems, func(p string, _ diag.List) bool {
		return p == content.StaticDir || strings.HasPrefix(p, content.StaticDir+"/")
	})
	for _, d := range problems {
		s.fileProblems[d.Path] = append(s.fileProblems[d.Path], d)
	}
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

// readDoc reads one content file again and returns its new document, or
// nil when it is gone, broken or a draft left out. Its problems are kept
// with the default language's Site, which reports every file's.
func (s *Site) readDoc(fsys fs.FS, p string, kind content.Kind) *content.Document {
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
